import { Arg, Args, Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { type ConnectionShape, OrderDirection } from '../../shared/connection.js';
import { Money } from '../../shared/money.js';
import { NestedPageArgs, nestedPage } from '../../shared/nested-connection.js';
import { PipelineStage } from '../pipeline/pipeline-stage.entity.js';
import { Deal } from './deal.entity.js';
import { dealWhere } from './deal.filter.js';
import { DealFilter } from './deal.inputs.js';
import { DealConnection } from './deal.resolver.js';
import { type StageTotals, stageTotals } from './stage-totals.service.js';

type StageDeals = ConnectionShape<Deal> & { totals: () => Promise<StageTotals> };

@ObjectType('PipelineStageDealConnection', {
  description: 'The deals in a stage (a column of the board), with their totals over all pages.',
})
class PipelineStageDealConnection extends DealConnection {
  totals!: () => Promise<StageTotals>;

  @Field(() => Money, {
    description:
      "Sum of the amounts in the agency's base currency, each converted at the rate of its close day (today while open). Deals whose currency had no rate are not in it: their currencies are in currenciesWithoutRate.",
  })
  async totalAmount(): Promise<Money> {
    return (await this.totals()).total;
  }

  @Field(() => [String], {
    description:
      'ISO 4217 codes of the deals left out of totalAmount for lack of an exchange rate; empty when complete.',
  })
  async currenciesWithoutRate(): Promise<string[]> {
    return (await this.totals()).currenciesWithoutRate;
  }

  @Field(() => [Money], { description: 'Sum of the amounts in each deal currency, before conversion.' })
  async totalsByCurrency(): Promise<Money[]> {
    return (await this.totals()).byCurrency;
  }
}

@Resolver(() => PipelineStage)
export class PipelineStageDealsResolver {
  @FieldResolver(() => PipelineStageDealConnection, {
    description:
      'The deals in the stage, oldest first, with totals: a column of the board. Batched: a whole board costs a fixed number of statements.',
  })
  async deals(
    @Root() stage: PipelineStage,
    @Args() page: NestedPageArgs,
    @Arg('filter', () => DealFilter, { nullable: true }) filter: DealFilter | null,
    @Ctx() ctx: Context,
  ): Promise<StageDeals> {
    const where = dealWhere(filter, ctx.language);
    const connection = (await nestedPage(ctx, {
      entity: Deal,
      parent: 'stage',
      parentId: stage.id,
      order: { field: 'createdAt', direction: OrderDirection.ASC },
      ...page,
      where,
    })) as StageDeals;
    connection.totals = () => stageTotals(ctx, where, stage.id);
    return connection;
  }
}
