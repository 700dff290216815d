import { type EntityClass, type FilterQuery, QueryOrder, raw } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../graphql/context.js';
import {
  type ConnectionShape,
  isBadValueError,
  OrderDirection,
  type OrderSpec,
  type PageArgs,
  pageSize,
  paginate,
  toConnection,
} from '../shared/connection.js';
import { checkCursor, cursorRefused, encodeCursor } from '../shared/cursor.js';
import { columnOf } from '../shared/nested-connection.js';
import { sql, trusted } from '../shared/sql.js';
import { type CompileContext, columnValue, isNotCompiled, JSON_COLUMN, objectJson, withJson } from './compile.js';
import { cachedJson } from './compiled-json-cache.js';
import { READ_TYPES } from './read-types.js';
import { type Selection, selectionOf, subSelection } from './selection.js';
import { runCompiled } from './statement-batch.js';

/** The root row's JSON (alias t0), or undefined when the selection is not one the compiled reads know. */
async function compileOrUndefined(c: CompileContext, typeName: string, selection: Selection) {
  try {
    return await objectJson(c, typeName, 't0', selection);
  } catch (error) {
    if (isNotCompiled(error)) return undefined;
    throw error;
  }
}

function compileContext(ctx: Context, info: GraphQLResolveInfo): CompileContext {
  const { schema, fragments, variableValues } = info;
  return { em: ctx.em, schema, fragments, variableValues, next: { alias: 1 } };
}

/** Off in the tests that compare both paths (read-model.test.ts); on everywhere else. */
export const compiledReads = { enabled: true };

/** The nodes' selection of a connection: `nodes { … }` and `edges { node { … } }` merged. */
function nodeSelection(connection: Selection, typeName: string, c: CompileContext): Selection | undefined {
  const nodes = subSelection(connection, 'nodes', typeName, c);
  const edges = subSelection(connection, 'edges', `${typeName}Edge`, c);
  if (!nodes || !edges || [...edges.keys()].some((key) => !['node', 'cursor'].includes(key))) return undefined;
  const fromEdges = subSelection(edges, 'node', typeName, c);
  if (!fromEdges) return undefined;
  for (const [field, fieldNodes] of fromEdges) nodes.set(field, [...(nodes.get(field) ?? []), ...fieldNodes]);
  return nodes;
}

/**
 * A root list (`companies`, …) answered by ONE statement: the page's rows in keyset order, each
 * with its whole selected subtree built by PostgreSQL as JSON (see compile.ts), and the count
 * when totalCount is asked for. Answers `undefined` when the query
 * selects anything the compiled reads do not know (or pages backwards): the caller then
 * paginates with the resolvers, so both paths answer every query, and identically.
 */
export async function compiledPage<T extends object>(
  ctx: Context,
  info: GraphQLResolveInfo,
  request: { typeName: string; entity: EntityClass<T>; where: FilterQuery<T>; order: OrderSpec; page: PageArgs },
): Promise<ConnectionShape<T> | undefined> {
  const { typeName, entity, where, order, page } = request;
  if (!compiledReads.enabled || !READ_TYPES[typeName] || page.last != null || page.before != null) return undefined;
  const em = ctx.em;
  const c = compileContext(ctx, info);
  const connection = selectionOf(info.fieldNodes, `${typeName}Connection`, c);
  if (
    !connection ||
    [...connection.keys()].some((key) => !['nodes', 'edges', 'pageInfo', 'totalCount'].includes(key))
  ) {
    return undefined;
  }
  const nodes = nodeSelection(connection, typeName, c);
  if (!nodes) return undefined;

  const { size } = pageSize(page);
  const direction = order.direction === OrderDirection.DESC ? QueryOrder.DESC : QueryOrder.ASC;
  const byId = order.field === 'id';
  const keyProp = em
    .getMetadata()
    .find(entity)
    ?.root.props.find((prop) => prop.name === order.field);
  // Keyset pages over a key that may be null (an amount, a close date) are MikroORM's cursors' craft.
  if (keyProp?.nullable) return undefined;
  const keyType = keyProp?.runtimeType;
  const after = checkCursor(page.after, byId ? 1 : 2, 'after', keyType);
  const key = columnOf(em, entity, order.field);
  const qb = em.createQueryBuilder(entity, 't0');
  // The key as the resolvers' cursors hold it (an instant as JavaScript prints it).
  const keyValue = columnValue(em, entity, 't0', order.field).text;
  const rowOrder = byId ? `t0.id ${direction}` : `t0."${key}" ${direction}, t0.id ${direction}`;
  qb.select([
    raw(JSON_COLUMN),
    raw('t0.id as __id'),
    raw(`${keyValue} as __key`),
    raw(`row_number() over (order by ${rowOrder}) as __rn`),
  ])
    .where(where as never)
    .orderBy((byId ? { id: direction } : { [order.field]: direction, id: direction }) as never)
    .limit(size + 1);
  if (after) {
    const comparison = direction === QueryOrder.DESC ? '<' : '>';
    if (byId) qb.andWhere(raw(`t0.id ${comparison} ?`, [after[0]]));
    else qb.andWhere(raw(`(t0."${key}", t0.id) ${comparison} (?, ?)`, [after[0], after[1]]));
  }
  await qb.applyFilters();

  // totalCount in the same statement (one round trip fewer), counted as em.count counts.
  let total = trusted('');
  if (connection.has('totalCount')) {
    const count = em.createQueryBuilder(entity, 'k0');
    count.select(raw(JSON_COLUMN)).where(where as never);
    await count.applyFilters();
    total = sql`, (select count(*) from (${withJson(count, trusted('null'))}) as k) as __total`;
  }

  let rows: { __json: T; __id: string; __key: unknown; __total?: string | number }[];
  try {
    const json = await cachedJson(ctx, c, info.fieldNodes, () => compileOrUndefined(c, typeName, nodes));
    if (!json) return undefined;
    rows = (await runCompiled(ctx, withJson(qb, json, total), true)) as typeof rows;
  } catch (error) {
    if (isNotCompiled(error)) return undefined;
    if (isBadValueError(error)) throw cursorRefused('after');
    throw error;
  }
  const edges = rows.slice(0, size).map((row) => ({
    node: row.__json,
    cursor: encodeCursor(byId ? [row.__id] : [row.__key, row.__id]),
  }));
  return toConnection({
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: Boolean(page.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    // No row, no count in it: from the start, none match; past a cursor, counted apart.
    count: () =>
      rows[0]?.__total !== undefined
        ? Promise.resolve(Number(rows[0].__total))
        : page.after
          ? em.count(entity, where as never)
          : Promise.resolve(0),
  });
}

/**
 * A root list the one way: compiled when the selection allows it (compiledPage), paginated by the
 * resolvers' path otherwise.
 */
export async function readPage<T extends object>(
  ctx: Context,
  info: GraphQLResolveInfo,
  request: { typeName: string; entity: EntityClass<T>; where: FilterQuery<T>; order: OrderSpec; page: PageArgs },
): Promise<ConnectionShape<T>> {
  const { entity, where, order, page } = request;
  return (await compiledPage(ctx, info, request)) ?? paginate(ctx.em, entity, where, order, page);
}

/**
 * One record (`company(id)`, …) answered by ONE statement, its selected subtree built by
 * PostgreSQL (see compiledPage). `undefined` when the selection is not one the compiled reads
 * know: the caller reads it with the resolvers; null when there is no such record.
 */
export async function compiledRecord<T extends object>(
  ctx: Context,
  info: GraphQLResolveInfo,
  request: { typeName: string; entity: EntityClass<T>; id: string; filters?: Record<string, boolean> },
): Promise<T | null | undefined> {
  const { typeName, entity, id } = request;
  if (!compiledReads.enabled || !READ_TYPES[typeName]) return undefined;
  const em = ctx.em;
  const c = compileContext(ctx, info);
  const selection = selectionOf(info.fieldNodes, typeName, c);
  if (!selection) return undefined;
  const qb = em.createQueryBuilder(entity, 't0');
  qb.select(raw(JSON_COLUMN)).where({ id } as never);
  await qb.applyFilters(request.filters);
  try {
    const json = await cachedJson(ctx, c, info.fieldNodes, () => compileOrUndefined(c, typeName, selection));
    if (!json) return undefined;
    const rows = (await runCompiled(ctx, withJson(qb, json), false)) as { __json: T }[];
    return rows[0]?.__json ?? null;
  } catch (error) {
    if (isNotCompiled(error)) return undefined;
    throw error;
  }
}
