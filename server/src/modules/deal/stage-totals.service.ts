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
 * amount, each with the rate of its currency on its day (looked up once per currency and day: a
 * stage of 28,000 deals has a few hundred), summed per stage and currency, then per stage. One row
 * per stage that has any: `total` (numeric, rounded to cents per deal as amountInBaseCurrency),
 * `missing` (json array of the currencies without a rate) and `by_currency` (json array of
 * `{ currency, amount }` before conversion). Exact: numeric all the way. `agencyId`: the viewer's
 * agency, whose base currency the totals are in.
 */
export function totalsPerStageSql(rows: Sql, agencyId: string): Sql {
  const deals = sql`select d.stage_id, d.currency, d.amount, coalesce(d.closed_on, ${today()}::date) as day
    from (${rows}) as d where d.amount is not null`;
  // The rates first, once per currency and day (materialized: inlined, PostgreSQL would look
  // the rate up again for every deal), then the deals read again and joined to them.
  return sql`with r as materialized (
       select k.currency, k.day, (${trusted(rateSql('k.currency', 'k.day', 'a.base_currency'))}) as rate
       from (select distinct d.currency, d.day from (${deals}) as d) as k
       cross join agency a where a.id = ${agencyId}
     ),
     c as (
       select d.stage_id, d.currency, sum(d.amount) as native, sum(round(d.amount * r.rate, 2)) as converted,
         bool_or(r.rate is null) as missing
       from (${deals}) as d join r on r.currency = d.currency and r.day = d.day
       group by d.stage_id, d.currency
     )
     select stage_id, sum(converted) as total,
       json_agg(rtrim(currency) order by currency) filter (where missing) as missing,
       json_agg(json_build_object('currency', rtrim(currency), 'amount', native::text) order by currency) as by_currency
     from c group by stage_id`;
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
