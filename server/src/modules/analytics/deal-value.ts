import { Decimal } from 'decimal.js';
import { type Money, money } from '../../shared/money.js';
import { type Sql, sql, trusted } from '../../shared/sql.js';
import { rateSql, today } from '../exchange-rate/conversion.js';

/**
 * The one conversion rule of conversion.ts, as SQL for reports. A statement that values deals
 * defines the CTE `a` (agencyCte), reads deals as `d` with their current stage as `s`, and
 * joins DEAL_RATE: every deal then has `r.rate`, the rate of its currency on its day (closedOn
 * for a WON or LOST deal, today for an OPEN one), and the columns of DEAL_VALUE.
 */

/** CTE `a`: the viewer's agency, its base currency, and today (UTC, as amountInBaseCurrency). */
export function agencyCte(agencyId: string): Sql {
  return sql`a as (
    select ag.id, ag.base_currency, ${today()}::date as today from agency ag where ag.id = ${agencyId}
  )`;
}

/** `r.rate`: null when the deal has no amount, or no rate is known for its currency on its day. */
export const DEAL_RATE = trusted(`cross join lateral (
    select case when d.amount is null then null else ${rateSql(
      'd.currency',
      "case when s.category = 'OPEN' then a.today else d.closed_on end",
      'a.base_currency',
    )} end as rate
  ) r`);

/**
 * `value`: the amount in the base currency rounded to cents (numeric, exact), null without an
 * amount or a rate; `no_rate`: the deal has an amount but no rate, so it is left out of sums
 * and flagged.
 */
export const DEAL_VALUE = trusted(
  'round(d.amount * r.rate, 2) as value, (d.amount is not null and r.rate is null) as no_rate',
);

/** A numeric sum from SQL (text, or null for an empty sum) as Money with 2 decimals. */
export function baseMoney(amount: string | null | undefined, base: string): Money {
  return money(new Decimal(amount ?? 0).toFixed(2), base.trim())!;
}
