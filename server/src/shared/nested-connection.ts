import { Cursor, type EntityClass, type FilterQuery, raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Context } from '../graphql/context.js';
import {
  badInput,
  type ConnectionShape,
  checkCursor,
  DEFAULT_PAGE_SIZE,
  isBadValueError,
  MAX_PAGE_SIZE,
  OrderDirection,
  type OrderSpec,
  toConnection,
} from './connection.js';

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
  const first = request.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`\`first\` must be between 0 and ${MAX_PAGE_SIZE}.`, 'first');
  }
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

function perRequest<V>(ctx: Context, key: string, create: () => V): V {
  let value = ctx.loaders.get(key) as V | undefined;
  if (!value) {
    value = create();
    ctx.loaders.set(key, value);
  }
  return value;
}

function columnOf(em: EntityManager, entity: EntityClass<object>, property: string): string {
  const prop = em.getMetadata().get(entity).properties[property as never] as { fieldNames: string[] } | undefined;
  if (!prop) throw new Error(`${entity.name} has no property ${property}`);
  return prop.fieldNames[0];
}

async function loadPages<T extends object>(
  ctx: Context,
  request: NestedPageRequest<T>,
  first: number,
  parentIds: readonly string[],
): Promise<ConnectionShape<T>[]> {
  const em = ctx.em;
  const meta = em.getMetadata().get(request.entity);
  const parentColumn = columnOf(em, request.entity, request.parent);
  const keyColumn = columnOf(em, request.entity, request.order.field);
  const direction = request.order.direction === OrderDirection.DESC ? 'desc' : 'asc';
  const orderBy =
    request.order.field === 'id' ? { id: direction } : { [request.order.field]: direction, id: direction };

  const qb = em.createQueryBuilder(request.entity, 't');
  qb.select([
    't.*',
    raw(
      `row_number() over (partition by t.${parentColumn} order by t.${keyColumn} ${direction}, t.id ${direction}) as __rn`,
    ),
  ]).where({ ...(request.where ?? {}), [request.parent]: { $in: [...parentIds] } } as never);
  if (request.after) {
    checkCursor(request.after, request.order.field === 'id' ? 1 : 2, 'after');
    const values = Cursor.decode(request.after);
    const comparison = direction === 'asc' ? '>' : '<';
    if (request.order.field === 'id') qb.andWhere(raw(`t.id ${comparison} ?`, [values[0]]));
    else qb.andWhere(raw(`(t.${keyColumn}, t.id) ${comparison} (?, ?)`, [values[0], values[1]]));
  }
  await qb.applyFilters();
  const { sql, params } = qb.toQuery();
  const rows = await em
    .getConnection()
    .execute<Record<string, unknown>[]>(`select * from (${sql}) as page where page.__rn <= ? order by page.__rn`, [
      ...params,
      first + 1,
    ])
    .catch((error: unknown) => {
      if (isBadValueError(error)) throw badInput('The cursor is not valid for this list and order.', 'after');
      throw error;
    });

  const byParent = new Map<string, T[]>();
  for (const row of rows) {
    const parentId = row[parentColumn] as string;
    delete row.__rn;
    const entity = em.map(request.entity, row as never);
    if (!byParent.has(parentId)) byParent.set(parentId, []);
    byParent.get(parentId)!.push(entity);
  }
  const counts = perRequest(
    ctx,
    `count:${JSON.stringify([request.entity.name, request.parent, request.where ?? null])}`,
    () => new DataLoader<string, number>((ids) => countChildren(em, request, parentColumn, ids)),
  );
  return parentIds.map((parentId) => {
    const all = byParent.get(parentId) ?? [];
    const items = all.slice(0, first);
    const edges = items.map((node) => ({ node, cursor: Cursor.for(meta, node as never, orderBy as never) }));
    return toConnection({
      edges,
      pageInfo: {
        hasNextPage: all.length > first,
        hasPreviousPage: Boolean(request.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      count: () => counts.load(parentId),
    });
  });
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
  const { sql, params } = qb.toQuery();
  const rows = await em.getConnection().execute<{ parent_id: string; n: string }[]>(sql, params as unknown[]);
  const counts = new Map(rows.map((row) => [row.parent_id, Number(row.n)]));
  return parentIds.map((id) => counts.get(id) ?? 0);
}
