import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ConnectionType } from '../../shared/connection.js';
import { NestedPageArgs } from '../../shared/nested-connection.js';
import { Company } from '../company/company.entity.js';
import { companyTimeline } from './company-timeline.js';
import { Interaction } from './interaction.entity.js';
import { interactionWhere } from './interaction.filter.js';
import { InteractionFilter } from './interaction.inputs.js';

const InteractionConnection = ConnectionType(Interaction);

@Resolver(() => Company)
export class CompanyInteractionsResolver {
  @FieldResolver(() => InteractionConnection, {
    description:
      "The company's timeline: every interaction where it is the exporter or the counterpart, most recent first.",
  })
  interactions(
    @Root() company: Company,
    @Args() page: NestedPageArgs,
    @Arg('filter', () => InteractionFilter, { nullable: true }) filter: InteractionFilter | null,
    @Ctx() ctx: Context,
  ) {
    return companyTimeline(ctx, company.id, page, interactionWhere(filter, ctx.language));
  }
}
