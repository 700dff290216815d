import type { EntityManager } from '@mikro-orm/postgresql';
import { ANALYTICS_CONNECTION } from '../../db/statement-timeout.js';
import type { Context } from '../../graphql/context.js';
import { badInput } from '../../shared/connection.js';
import { agencyOf, agencyQuery, built, EMPTY, type Sql, sql, trusted } from '../../shared/sql.js';
import { Deal } from '../deal/deal.entity.js';
import { dealWhere } from '../deal/deal.filter.js';
import type { DealFilter } from '../deal/deal.inputs.js';

/**
 * Runs one analytics statement: as `agencyQuery` (it must bind the viewer's agency, on every
 * table it reads), through the analytics connections, whose statement timeout is the longer
 * analytics one (db/statement-timeout.ts; the one connection on PGlite).
 */
export function analyticsQuery<T>(em: EntityManager, statement: Sql): Promise<T[]> {
  return agencyQuery<T>(em, statement, { connection: ANALYTICS_CONNECTION });
}

/**
 * `and <alias>.id in (deals matching the filter)`, or nothing without a filter. The subquery is
 * the DealFilter of the `deals` list, built by the agency-scoped query builder (the agency
 * filter applies) and bound to the viewer's agency as well; bad ids are refused as BAD_USER_INPUT,
 * in the request's language.
 */
export async function dealFilterSql(ctx: Context, filter: DealFilter | null | undefined, alias: string): Promise<Sql> {
  const where = dealWhere(filter, ctx.language);
  if (Object.keys(where).length === 0) return EMPTY;
  const agencyId = agencyOf(ctx);
  const qb = ctx.em
    .createQueryBuilder(Deal, 'f')
    .select('f.id')
    .where({ $and: [where, { agency: agencyId, stage: { agency: agencyId } }] } as never);
  await qb.applyFilters();
  return sql` and ${trusted(alias)}.id in (${built(qb.toQuery())})`;
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
