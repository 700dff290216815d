import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { scopedAgencyId } from '../db/agency-scope.js';
import { agencyQuery, type Sql, sql, trusted } from './sql.js';

/** The lists whose live rows PostgreSQL counts as they change (live-count.entity.ts), by entity name. */
const COUNTED: Record<string, string> = { Company: 'companies', Contact: 'contacts', Deal: 'deals' };

/**
 * The total of a list of `entity` read from the live counts, as a scalar subquery bound to the
 * viewer's agency: only for a list with no condition of its own (the agency's and the merged
 * filters are what the counts count); undefined otherwise, and the rows are counted.
 */
export function liveCountSql(
  entity: EntityClass<object>,
  where: FilterQuery<object>,
  agencyId: string,
): Sql | undefined {
  const column = COUNTED[entity.name];
  if (!column || Reflect.ownKeys(where as object).length > 0) return undefined;
  return sql`(select coalesce(sum(${trusted(column)}), 0) from live_count where agency_id = ${agencyId})`;
}

/**
 * How many rows of `entity` match `where` for the request's EntityManager (its agency and
 * filters): from the live counts when the list has no condition, by `count(*)` otherwise.
 */
export async function countRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
): Promise<number> {
  const agencyId = scopedAgencyId(em);
  const counted = agencyId ? liveCountSql(entity, where as FilterQuery<object>, agencyId) : undefined;
  if (!counted) return em.count(entity, where as never);
  const [row] = await agencyQuery<{ total: string | number }>(em, sql`select ${counted} as total`, { prepared: true });
  return Number(row.total);
}
