import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ConnectionType } from '../../shared/connection.js';
import { search } from './search.service.js';
import { SearchArgs, SearchHit } from './search.type.js';

const SearchHitConnection = ConnectionType(SearchHit);

@Resolver()
export class SearchResolver {
  @Authorized()
  @Query(() => SearchHitConnection, {
    description:
      "One search box over the agency's companies, contacts, missions and deals: any script, accents and case ignored, typos forgiven; best matches first (docs/search.md).",
  })
  search(@Args() args: SearchArgs, @Ctx() ctx: Context) {
    return search(ctx, args);
  }
}
