import type { EntityManager } from '@mikro-orm/postgresql';
import { ANALYTICS_CONNECTION } from '../../db/statement-timeout.js';
import type { Context } from '../../graphql/context.js';
import { badInput } from '../../shared/connection.js';
import { isUuid } from '../../shared/ids.js';
import { Deal } from '../deal/deal.entity.js';
import { dealWhere } from '../deal/deal.filter.js';
import type { DealFilter } from '../deal/deal.inputs.js';

/**
 * A piece of SQL with its parameters in order. Built with the `sql` tag, where every
 * interpolated value becomes a bound parameter and an interpolated `Sql` is spliced in with
 * its own parameters: nothing a client sends is ever concatenated into a statement.
 */
export class Sql {
  constructor(
    readonly text: string,
    readonly params: readonly unknown[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0];
  const params: unknown[] = [];
  values.forEach((value, index) => {
    if (value instanceof Sql) {
      text += value.text;
      params.push(...value.params);
    } else {
      if (value === undefined) throw new Error('sql: undefined parameter');
      text += '?';
      params.push(value);
    }
    text += strings[index + 1];
  });
  return new Sql(text, params);
}

/** SQL written by us (column names, expressions chosen from an enum): never client input. */
export function trusted(text: string): Sql {
  return new Sql(text, []);
}

export function joinSql(parts: Sql[], separator: string): Sql {
  return new Sql(
    parts.map((part) => part.text).join(separator),
    parts.flatMap((part) => part.params),
  );
}

export const EMPTY = trusted('');

/**
 * Runs one statement. Analytics read through raw SQL, which the agency filter does not see:
 * every statement binds the viewer's agency on every table it reads (see `agencyOf`).
 */
export function query<T>(em: EntityManager, statement: Sql): Promise<T[]> {
  return em.getConnection().execute<T[]>(statement.text, [...statement.params]);
}

/**
 * Runs one analytics statement: as `query`, through the analytics connections, whose statement
 * timeout is the longer analytics one (db/statement-timeout.ts; the one connection on PGlite).
 */
export function analyticsQuery<T>(em: EntityManager, statement: Sql): Promise<T[]> {
  return em.getConnection(ANALYTICS_CONNECTION).execute<T[]>(statement.text, [...statement.params]);
}

/** The viewer's agency: the value every analytics statement binds on every table. */
export function agencyOf(ctx: Context): string {
  const agencyId = ctx.viewer?.agencyId;
  if (!agencyId || !isUuid(agencyId)) throw new Error('Analytics need a signed-in viewer');
  return agencyId;
}

/**
 * `and <alias>.id in (deals matching the filter)`, or nothing without a filter. The subquery is
 * the DealFilter of the `deals` list, built by the agency-scoped query builder (the agency
 * filter applies) and bound to the viewer's agency as well; bad ids are refused as BAD_USER_INPUT.
 */
export async function dealFilterSql(
  em: EntityManager,
  agencyId: string,
  filter: DealFilter | null | undefined,
  alias: string,
): Promise<Sql> {
  const where = dealWhere(filter);
  if (Object.keys(where).length === 0) return EMPTY;
  const qb = em
    .createQueryBuilder(Deal, 'f')
    .select('f.id')
    .where({ $and: [where, { agency: agencyId, stage: { agency: agencyId } }] } as never);
  await qb.applyFilters();
  const { sql: text, params } = qb.toQuery();
  return new Sql(` and ${alias}.id in (${text})`, params as unknown[]);
}

/** The first instant of a calendar day in UTC, as SQL: days of instants are UTC days. */
export function dayStart(day: string): Sql {
  return sql`(${day}::date)::timestamp at time zone 'UTC'`;
}

/** The first instant after a calendar day (UTC). */
export function dayEnd(day: string): Sql {
  return sql`(${day}::date + 1)::timestamp at time zone 'UTC'`;
}

/** Refuses a range whose end comes before its start. */
export function checkRange(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && from > to) throw badInput('`from` must be on or before `to`.', 'from');
}

/** A percentage rounded to 2 places, null when the denominator is 0: SQL for `100 * a / b`. */
export function percentSql(numerator: string, denominator: string): Sql {
  return trusted(`case when (${denominator}) > 0 then round(100.0 * (${numerator}) / (${denominator}), 2)::float8 end`);
}
