import type { FilterQuery } from '@mikro-orm/core';
import { raw } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Decimal } from 'decimal.js';
import type { Context } from '../../graphql/context.js';
import { type Money, money } from '../../shared/money.js';
import { perRequest } from '../../shared/per-request.js';
import { agencyOf, agencyQuery, built, type Sql, sql, trusted } from '../../shared/sql.js';
import { rateSql, today } from '../exchange-rate/conversion.js';
import { Deal } from './deal.entity.js';

export interface StageTotals {
  total: Money;
  currenciesWithoutRate: string[];
  byCurrency: Money[];
}

interface TotalsRow {
  base: string;
  stage_id: string | null;
  total: string | null;
  missing: string[] | null;
  by_currency: { currency: string; amount: string }[] | null;
}

/**
 * Per stage of the deals `rows` (a statement of deal rows, all their columns): the deals with an
 * amount, summed per stage and currency, then per stage, in ONE pass over them: grouped by
 * currency and day first (a stage of 28,000 deals has a few hundred), each group's rate looked up
 * once and its amounts converted one by one (rounded to cents per deal as amountInBaseCurrency).
 * One row per stage with such deals: `total` (numeric), `missing` (json array of the currencies
 * without a rate) and `by_currency` (json array of `{ currency, amount }` before conversion).
 * Exact: numeric all the way. `agencyId`: the viewer's agency, whose base currency the totals are in.
 */
function totalsPerStageSql(rows: Sql, agencyId: string): Sql {
  return sql`with g as (
       select d.stage_id, d.currency, coalesce(d.closed_on, ${today()}::date) as day,
         sum(d.amount) as native, array_agg(d.amount) as amounts
       from (${rows}) as d where d.amount is not null
       group by 1, 2, 3
     ),
     c as (
       select g.stage_id, g.currency, sum(g.native) as native,
         sum((select sum(round(amount * r.rate, 2)) from unnest(g.amounts) as amount)) as converted,
         bool_or(r.rate is null) as missing
       from g cross join agency as a
       cross join lateral (select ${trusted(rateSql('g.currency', 'g.day', 'a.base_currency'))} as rate) as r
       where a.id = ${agencyId}
       group by g.stage_id, g.currency
     )
     select stage_id, sum(converted) as total,
       json_agg(rtrim(currency) order by currency) filter (where missing) as missing,
       json_agg(json_build_object('currency', rtrim(currency), 'amount', native::text) order by currency) as by_currency
     from c group by stage_id`;
}

/**
 * The totals of the one stage whose deals `rows` are, as a JSON object of the fields of
 * PipelineStageDealConnection (`totalAmount`, `currenciesWithoutRate`, `totalsByCurrency`), for the
 * compiled reads (read-model/read-types.ts): the same sums as loadTotals, 0.00 when there are none.
 */
export function stageTotalsJson(rows: Sql, agencyId: string): Sql {
  return sql`(select json_build_object(
      'totalAmount', json_build_object('amount', round(coalesce(s.total, 0), 2)::text, 'currency', rtrim(a.base_currency)),
      'currenciesWithoutRate', coalesce(s.missing, '[]'),
      'totalsByCurrency', coalesce(s.by_currency, '[]'))
    from agency as a left join (${totalsPerStageSql(rows, agencyId)}) as s on true where a.id = ${agencyId})`;
}

/** The totals of every stage asked for in a request, for one filter, in ONE statement (totalsPerStageSql). */
async function loadTotals(ctx: Context, where: FilterQuery<Deal>, stageIds: readonly string[]): Promise<StageTotals[]> {
  const qb = ctx.em.createQueryBuilder(Deal, 't');
  qb.select(raw('t.*')).where({ ...(where as object), stage: { $in: [...stageIds] } } as never);
  await qb.applyFilters();
  const agencyId = agencyOf(ctx);
  const rows = await agencyQuery<TotalsRow>(
    ctx.em,
    sql`select a.base_currency as base, s.stage_id, s.total::text as total, s.missing, s.by_currency
     from agency a left join (${totalsPerStageSql(built(qb.toQuery()), agencyId)}) s on true
     where a.id = ${agencyId}`,
  );
  const base = rows[0].base.trim();
  const byStage = new Map(rows.filter((row) => row.stage_id).map((row) => [row.stage_id!, row]));
  return stageIds.map((stageId) => {
    const row = byStage.get(stageId);
    return {
      total: money(new Decimal(row?.total ?? 0).toFixed(2), base)!,
      currenciesWithoutRate: row?.missing ?? [],
      byCurrency: (row?.by_currency ?? []).map((entry) => money(entry.amount, entry.currency)!),
    };
  });
}

export function stageTotals(ctx: Context, where: FilterQuery<Deal>, stageId: string): Promise<StageTotals> {
  const loader = perRequest(
    ctx,
    `deal:stage-totals:${JSON.stringify(where)}`,
    () => new DataLoader<string, StageTotals>((ids) => loadTotals(ctx, where, ids)),
  );
  return loader.load(stageId);
}
