import { type EntityClass, type FilterQuery, raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { ArgsType, Field, Int } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import {
  type ConnectionShape,
  checkPageSize,
  DEFAULT_PAGE_SIZE,
  isBadValueError,
  MAX_PAGE_SIZE,
  OrderDirection,
  type OrderSpec,
  toConnection,
} from './connection.js';
import { checkCursor, cursorFor, cursorRefused } from './cursor.js';
import { perRequest } from './per-request.js';
import { agencyQuery, built, joinSql, type Sql, sql, trusted } from './sql.js';

/** The page arguments of a nested connection (batched pages go forwards only). */
@ArgsType()
export class NestedPageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size, at most ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item already seen.' })
  after?: string | null;
}

export interface NestedPageRequest<T extends object> {
  entity: EntityClass<T>;
  /** The to-one property of T that points at the parent (e.g. `mission` on MissionParticipant). */
  parent: string;
  parentId: string;
  order: OrderSpec;
  first?: number | null;
  after?: string | null;
  /** Extra conditions, as a MikroORM filter on T. */
  where?: FilterQuery<T>;
}

/**
 * A page of children for each of many parents (a mission's first 10 participants, for 100
 * missions) in ONE statement per level: `row_number() over (partition by parent order by key,
 * id)` filtered to the page, batched by a per-request DataLoader. `totalCount` is one grouped
 * count for all parents, and only when asked for.
 */
export function nestedPage<T extends object>(ctx: Context, request: NestedPageRequest<T>): Promise<ConnectionShape<T>> {
  const first = checkPageSize(request.first);
  const key = JSON.stringify([
    request.entity.name,
    request.parent,
    request.order,
    first,
    request.after ?? null,
    request.where ?? null,
  ]);
  const loader = perRequest(
    ctx,
    `page:${key}`,
    () => new DataLoader<string, ConnectionShape<T>>((ids) => loadPages(ctx, request, first, ids)),
  );
  return loader.load(request.parentId);
}

// ------------------------------------------------- building blocks of batched nested pages
// nestedPage is made of them; so are the batched pages it cannot express (two parent columns, a
// join, a child listed under two parents): see mission.loaders.ts and company-timeline.ts.

/** The column of an entity's property (a to-one relation: its foreign key). */
export function columnOf(em: EntityManager, entity: EntityClass<object>, property: string): string {
  const prop = em.getMetadata().get(entity).properties[property as never] as { fieldNames: string[] } | undefined;
  if (!prop) throw new Error(`${entity.name} has no property ${property}`);
  return prop.fieldNames[0];
}

/**
 * The first `first + 1` children of each parent (one more than the page, to know whether there is
 * a next page), in ONE statement whose work grows with the page, not with the parents' children:
 * the parents' keys are a `values` list `__parents(k1[, k2], __n)`, and `page`, a statement that
 * reads its parent's keys as `__parents.k1` (… `k2`) and ends with its own `order by … limit`, runs
 * for each of them (`cross join lateral`): an index range scan per parent, where numbering every
 * child of every parent (`row_number() over (partition by …)`) read them all (a stage's 28,000
 * deals for a board of 30 per column). `page` selects `row_number() over (order by …) as __rn` in
 * its own order; rows come back by parent, then in that order. Keys are UUIDs.
 */
export function firstRowsPerParent(
  em: EntityManager,
  parents: readonly (readonly string[])[],
  page: Sql,
): Promise<Record<string, unknown>[]> {
  const columns = parents[0].map((_, index) => `k${index + 1}`).join(', ');
  const values = joinSql(
    parents.map(
      (keys, n) =>
        sql`(${joinSql(
          keys.map((key) => sql`${key}::uuid`),
          ', ',
        )}, ${trusted(String(n))})`,
    ),
    ', ',
  );
  return agencyQuery<Record<string, unknown>>(
    em,
    sql`select page.* from (values ${values}) as __parents(${trusted(columns)}, __n)
      cross join lateral (${page}) as page
      order by __parents.__n, page.__rn`,
  );
}

/** `row_number() over (order by …) as __rn` for a page in `orderBy`'s order (columns of alias `t`). */
export function pageRowNumber(orderBy: string) {
  return raw(`row_number() over (order by ${orderBy}) as __rn`);
}

/**
 * The rows of a batched page as entities, grouped by the key `parentOf` reads from each row;
 * the query's own columns (named `__…`) are dropped before mapping.
 */
export function groupByParent<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  rows: Record<string, unknown>[],
  parentOf: (row: Record<string, unknown>) => string,
): Map<string, T[]> {
  const byParent = new Map<string, T[]>();
  for (const row of rows) {
    const parent = parentOf(row);
    for (const column of Object.keys(row)) if (column.startsWith('__')) delete row[column];
    const node = em.map(entity, row as never);
    if (!byParent.has(parent)) byParent.set(parent, []);
    byParent.get(parent)!.push(node);
  }
  return byParent;
}

/** One connection per parent, from up to `first + 1` children of each (see firstRowsPerParent). */
export function toPages<P, T extends object>(
  parents: readonly P[],
  keyOf: (parent: P) => string,
  byParent: Map<string, T[]>,
  page: { first: number; after: unknown },
  cursorOf: (node: T) => string,
  count: (parent: P) => Promise<number>,
): ConnectionShape<T>[] {
  return parents.map((parent) => {
    const all = byParent.get(keyOf(parent)) ?? [];
    const edges = all.slice(0, page.first).map((node) => ({ node, cursor: cursorOf(node) }));
    return toConnection({
      edges,
      pageInfo: {
        hasNextPage: all.length > page.first,
        hasPreviousPage: Boolean(page.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      count: () => count(parent),
    });
  });
}

// ------------------------------------------------- nestedPage's own statements

async function loadPages<T extends object>(
  ctx: Context,
  request: NestedPageRequest<T>,
  first: number,
  parentIds: readonly string[],
): Promise<ConnectionShape<T>[]> {
  const em = ctx.em;
  const parentColumn = columnOf(em, request.entity, request.parent);
  const keyColumn = columnOf(em, request.entity, request.order.field);
  const direction = request.order.direction === OrderDirection.DESC ? 'desc' : 'asc';
  const orderBy =
    request.order.field === 'id' ? { id: direction } : { [request.order.field]: direction, id: direction };

  const order = request.order.field === 'id' ? `t.id ${direction}` : `t.${keyColumn} ${direction}, t.id ${direction}`;
  const qb = em.createQueryBuilder(request.entity, 't');
  qb.select(['t.*', pageRowNumber(order)])
    .where((request.where ?? {}) as never)
    .andWhere(raw(`t.${parentColumn} = __parents.k1`))
    .orderBy(orderBy as never)
    .limit(first + 1);
  if (request.after) {
    const values = checkCursor(request.after, request.order.field === 'id' ? 1 : 2, 'after')!;
    const comparison = direction === 'asc' ? '>' : '<';
    if (request.order.field === 'id') qb.andWhere(raw(`t.id ${comparison} ?`, [values[0]]));
    else qb.andWhere(raw(`(t.${keyColumn}, t.id) ${comparison} (?, ?)`, [values[0], values[1]]));
  }
  await qb.applyFilters();
  const parents = parentIds.map((id) => [id]);
  const rows = await firstRowsPerParent(em, parents, built(qb.toQuery())).catch((error: unknown) => {
    if (isBadValueError(error)) throw cursorRefused('after');
    throw error;
  });
  const byParent = groupByParent(em, request.entity, rows, (row) => row[parentColumn] as string);
  const counts = perRequest(
    ctx,
    `count:${JSON.stringify([request.entity.name, request.parent, request.where ?? null])}`,
    () => new DataLoader<string, number>((ids) => countChildren(em, request, parentColumn, ids)),
  );
  return toPages(
    parentIds,
    (parentId) => parentId,
    byParent,
    { first, after: request.after },
    (node) => cursorFor(em, request.entity, node, orderBy),
    (parentId) => counts.load(parentId),
  );
}

async function countChildren<T extends object>(
  em: EntityManager,
  request: NestedPageRequest<T>,
  parentColumn: string,
  parentIds: readonly string[],
): Promise<number[]> {
  const qb = em.createQueryBuilder(request.entity, 't');
  qb.select([raw(`t.${parentColumn} as parent_id`), raw('count(*) as n')])
    .where({ ...(request.where ?? {}), [request.parent]: { $in: [...parentIds] } } as never)
    .groupBy(raw(`t.${parentColumn}`) as never);
  await qb.applyFilters();
  const rows = await agencyQuery<{ parent_id: string; n: string }>(em, built(qb.toQuery()));
  const counts = new Map(rows.map((row) => [row.parent_id, Number(row.n)]));
  return parentIds.map((id) => counts.get(id) ?? 0);
}
