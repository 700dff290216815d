import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { loadRef } from '../../shared/load.js';
import { User } from '../user/user.entity.js';
import { Agency } from './agency.entity.js';

@Resolver(() => Agency)
export class AgencyResolver {
  @Authorized()
  @Query(() => Agency, { description: "The viewer's agency." })
  agency(@Ctx() { em, viewer }: Context): Promise<Agency> {
    return em.findOneOrFail(Agency, viewer!.agencyId);
  }
}

@Resolver(() => User)
export class UserAgencyResolver {
  @FieldResolver(() => Agency)
  agency(@Root() user: User): Promise<Agency> {
    return loadRef(user.agency);
  }
}
