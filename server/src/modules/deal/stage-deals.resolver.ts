import { type FilterQuery, raw } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Decimal } from 'decimal.js';
import { Arg, Args, Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { type ConnectionShape, OrderDirection } from '../../shared/connection.js';
import { Money, money } from '../../shared/money.js';
import { NestedPageArgs, nestedPage } from '../../shared/nested-connection.js';
import { perRequest } from '../../shared/per-request.js';
import { rateSql, today } from '../exchange-rate/conversion.js';
import { PipelineStage } from '../pipeline/pipeline-stage.entity.js';
import { Deal } from './deal.entity.js';
import { dealWhere } from './deal.filter.js';
import { DealFilter } from './deal.inputs.js';
import { DealConnection } from './deal.resolver.js';

export interface StageTotals {
  total: Money;
  currenciesWithoutRate: string[];
  byCurrency: Money[];
}

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

interface TotalsRow {
  base: string;
  stage_id: string | null;
  total: string | null;
  missing: string[] | null;
  by_currency: { currency: string; amount: string }[] | null;
}

/**
 * The totals of every stage asked for in a request, for one filter, in ONE statement: the deals
 * with an amount, each with the rate of its currency on its day, summed per stage and currency,
 * then per stage. Exact: numeric all the way, rounded to cents per deal as amountInBaseCurrency.
 */
async function loadTotals(ctx: Context, where: FilterQuery<Deal>, stageIds: readonly string[]): Promise<StageTotals[]> {
  const qb = ctx.em.createQueryBuilder(Deal, 't');
  qb.select([
    raw('t.stage_id as stage_id'),
    raw('t.currency as currency'),
    raw('t.amount as amount'),
    raw('t.closed_on as closed_on'),
  ]).where({ ...(where as object), stage: { $in: [...stageIds] }, amount: { $ne: null } } as never);
  await qb.applyFilters();
  const { sql, params } = qb.toQuery();
  const rows = await ctx.em.getConnection().execute<TotalsRow[]>(
    `with d as (${sql}),
     r as (
       select d.stage_id, d.currency, d.amount,
         (${rateSql('d.currency', 'coalesce(d.closed_on, ?::date)', 'a.base_currency')}) as rate
       from d cross join agency a where a.id = ?
     ),
     c as (
       select stage_id, currency, sum(amount) as native, sum(round(amount * rate, 2)) as converted,
         bool_or(rate is null) as missing
       from r group by stage_id, currency
     )
     select a.base_currency as base, s.stage_id, s.total::text as total, s.missing, s.by_currency
     from agency a left join (
       select stage_id, sum(converted) as total,
         json_agg(currency order by currency) filter (where missing) as missing,
         json_agg(json_build_object('currency', currency, 'amount', native::text) order by currency) as by_currency
       from c group by stage_id
     ) s on true
     where a.id = ?`,
    [...(params as unknown[]), today(), ctx.viewer!.agencyId, ctx.viewer!.agencyId],
  );
  const base = rows[0].base.trim();
  const byStage = new Map(rows.filter((row) => row.stage_id).map((row) => [row.stage_id!, row]));
  return stageIds.map((stageId) => {
    const row = byStage.get(stageId);
    return {
      total: money(new Decimal(row?.total ?? 0).toFixed(2), base)!,
      currenciesWithoutRate: (row?.missing ?? []).map((code) => code.trim()),
      byCurrency: (row?.by_currency ?? []).map((entry) => money(entry.amount, entry.currency.trim())!),
    };
  });
}

function stageTotals(ctx: Context, where: FilterQuery<Deal>, stageId: string): Promise<StageTotals> {
  const loader = perRequest(
    ctx,
    `deal:stage-totals:${JSON.stringify(where)}`,
    () => new DataLoader<string, StageTotals>((ids) => loadTotals(ctx, where, ids)),
  );
  return loader.load(stageId);
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
    const where = dealWhere(filter);
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
