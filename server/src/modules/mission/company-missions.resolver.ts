import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { NestedPageArgs } from '../../shared/nested-connection.js';
import { Company } from '../company/company.entity.js';
import { companyMissions } from './mission.loaders.js';
import { MissionConnection } from './mission.resolver.js';

/** `Company.missions`, defined here with the other mission reads (the Company type is the company module's). */
@Resolver(() => Company)
export class CompanyMissionsResolver {
  @FieldResolver(() => MissionConnection, {
    description:
      'The missions the company took part in as a participant (any participant status), latest first: startsOn ' +
      'descending, undated missions last, then id.',
  })
  missions(@Root() company: Company, @Args() page: NestedPageArgs, @Ctx() ctx: Context) {
    return companyMissions(ctx, company.id, page);
  }
}
