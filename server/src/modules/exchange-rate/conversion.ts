import DataLoader from 'dataloader';
import { Decimal } from 'decimal.js';
import type { Context } from '../../graphql/context.js';
import { perRequest } from '../../shared/per-request.js';
import { agencyQuery, joinSql, sql, trusted } from '../../shared/sql.js';

/**
 * Conversion of amounts to the agency's base currency. One rule everywhere (a deal's
 * `amountInBaseCurrency`, a stage's `totalAmount`, reports): the rate of a currency on a day is
 * the latest ExchangeRate of that currency with `validOn <= day`; the base currency itself has
 * rate 1; a converted amount is rounded to 2 places (half away from zero, as PostgreSQL's
 * `round`); no rate means no conversion, never zero.
 */

/** Today as YYYY-MM-DD (UTC): the day whose rate values open deals. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * SQL for the rate of `currency` on `day` to the agency's base currency (`base`, a SQL
 * expression of the base currency code), null when no rate is known. The query must have the
 * agency's row as `a`.
 */
export function rateSql(currency: string, day: string, base: string): string {
  return `case when ${currency} = ${base} then 1::numeric else (
    select er.rate from exchange_rate er
    where er.agency_id = a.id and er.currency = ${currency} and er.valid_on <= ${day}
    order by er.valid_on desc limit 1) end`;
}

export interface RateOn {
  /** The agency's base currency. */
  base: string;
  /** Units of the base currency for one unit of the currency; null when no rate is known. */
  rate: string | null;
}

/**
 * The rate of `currency` valid on `day`, batched: every (currency, day) asked for in the same
 * tick is answered by one statement (a page of deals converts with one query).
 */
export function rateOn(ctx: Context, currency: string, day: string): Promise<RateOn> {
  const loader = perRequest(
    ctx,
    'exchange-rate:rateOn',
    () =>
      new DataLoader<string, RateOn>(async (keys) => {
        const pairs = keys.map((key) => key.split('|') as [string, string]);
        const values = joinSql(
          pairs.map(([currency, day]) => sql`(${currency}::text, ${day}::date)`),
          ', ',
        );
        const rows = await agencyQuery<{ currency: string; day: string; base: string; rate: string | null }>(
          ctx.em,
          (agency) => sql`select k.currency, k.day::text as day, a.base_currency as base,
             (${trusted(rateSql('k.currency', 'k.day', 'a.base_currency'))})::text as rate
           from agency a cross join (values ${values}) as k(currency, day)
           where a.id = ${agency}`,
        );
        const byKey = new Map(rows.map((row) => [`${row.currency}|${row.day}`, row]));
        return keys.map((key) => {
          const row = byKey.get(key);
          if (!row) throw new Error(`No agency for the viewer (${key})`);
          return { base: row.base.trim(), rate: row.rate };
        });
      }),
  );
  return loader.load(`${currency}|${day}`);
}

/** `amount` × `rate`, rounded to 2 decimal places, as PostgreSQL's round(numeric, 2) does. */
export function convert(amount: string, rate: string): string {
  return new Decimal(amount).times(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** Removes the trailing zeros of a numeric(…, 10) value: "92.2800000000" → "92.28". */
export function plainDecimal(value: string): string {
  return new Decimal(value).toFixed();
}
