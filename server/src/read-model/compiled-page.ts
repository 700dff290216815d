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
import { countRows, liveCountSql } from '../shared/live-count.js';
import { columnOf } from '../shared/nested-connection.js';
import { agencyOf, type Sql, sql, trusted } from '../shared/sql.js';
import { objectJson } from './compile.js';
import { type CompileContext, columnValue, isNotCompiled, JSON_COLUMN, withJson } from './compile-parts.js';
import { cachedJson, cachedStatement } from './compiled-json-cache.js';
import { READ_TYPES } from './read-types.js';
import { type Selection, selectionOf, selectsOnly, subSelection } from './selection.js';
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

/** What a compiled read needs of the field it answers (a resolver's info, or text-answers.ts's own). */
export type FieldRequest = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues' | 'schema'>;

/** `exact`: the JSON is the answer as the response spells it, as text (compile.ts, text-answers.ts). */
function compileContext(ctx: Context, info: FieldRequest, exact: boolean): CompileContext {
  const { schema, fragments, variableValues } = info;
  const { em, language } = ctx;
  return { em, schema, fragments, variableValues, next: { alias: 1 }, exact, language, agencyId: agencyOf(ctx) };
}

/** The JSON column of a compiled row: as json for graphql-js to walk, or the exact answer as text. */
function jsonColumn(c: CompileContext, json: Sql): Sql {
  return c.exact ? sql`(${json})::text` : json;
}

/** A root list's page: its rows (an entity and its filter), their order and the page asked for. */
export interface PageRequest<T extends object> {
  typeName: string;
  entity: EntityClass<T>;
  where: FilterQuery<T>;
  order: OrderSpec;
  page: PageArgs;
}

/** One record by id, with the filters to apply (or not: merged records) on top of the agency's. */
export interface RecordRequest<T extends object> {
  typeName: string;
  entity: EntityClass<T>;
  id: string;
  filters?: Record<string, boolean>;
}

/** Off in the tests that compare both paths (read-model.test.ts); on everywhere else. */
export const compiledReads = { enabled: true };

/**
 * The nodes' selection of a connection: `nodes { … }` and `edges { node { … } }` merged (graphql-js
 * reads what each asks of the same object); in exact mode, where each is spelled out as asked, one of them.
 */
function nodeSelection(connection: Selection, typeName: string, c: CompileContext): Selection | undefined {
  const nodes = subSelection(connection, 'nodes', typeName, c);
  const edges = subSelection(connection, 'edges', `${typeName}Edge`, c);
  if (!nodes || !edges || !selectsOnly(edges, ['node', 'cursor'])) return undefined;
  const fromEdges = subSelection(edges, 'node', typeName, c);
  if (!fromEdges) return undefined;
  if (c.exact) return nodes.size === 0 ? fromEdges : fromEdges.size === 0 ? nodes : undefined;
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
  info: FieldRequest,
  request: PageRequest<T>,
): Promise<ConnectionShape<T> | undefined> {
  return (await preparePage(ctx, info, request))?.();
}

/** A compiled read made ready to run: its statement built, not yet sent. */
export type Prepared<T> = () => Promise<T>;

/**
 * compiledPage in two steps: the statement compiled (undefined when it cannot be), then run. In
 * exact mode each node is its answer as text (text-answers.ts).
 */
export async function preparePage<T extends object>(
  ctx: Context,
  info: FieldRequest,
  request: PageRequest<T>,
  exact = false,
): Promise<Prepared<ConnectionShape<T>> | undefined> {
  const { typeName, entity, where, order, page } = request;
  if (!compiledReads.enabled || !READ_TYPES[typeName] || page.last != null || page.before != null) return undefined;
  const em = ctx.em;
  const c = compileContext(ctx, info, exact);
  const connection = selectionOf(info.fieldNodes, `${typeName}Connection`, c);
  if (!connection || !selectsOnly(connection, ['nodes', 'edges', 'pageInfo', 'totalCount'])) return undefined;
  const nodes = nodeSelection(connection, typeName, c);
  if (!nodes) return undefined;

  const built = await cachedStatement(ctx, c, info.fieldNodes, async () => {
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
    const live = connection.has('totalCount') && liveCountSql(entity, where as FilterQuery<object>, c.agencyId);
    if (live) total = sql`, ${live} as __total`;
    else if (connection.has('totalCount')) {
      const count = em.createQueryBuilder(entity, 'k0');
      count.select(raw(JSON_COLUMN)).where(where as never);
      await count.applyFilters();
      total = sql`, (select count(*) from (${withJson(count, trusted('null'))}) as k) as __total`;
    }

    const json = await cachedJson(ctx, c, info.fieldNodes, () => compileOrUndefined(c, typeName, nodes));
    if (!json) return undefined;
    return { statement: withJson(qb, jsonColumn(c, json), total), size, byId };
  });
  if (!built) return undefined;
  const { statement, size, byId } = built;
  return async () => {
    let rows: { __json: T; __id: string; __key: unknown; __total?: string | number }[];
    try {
      rows = (await runCompiled(ctx, statement, true)) as typeof rows;
    } catch (error) {
      if (isBadValueError(error)) throw cursorRefused('after');
      throw error;
    }
    return pageOf(rows, { size, byId, after: page.after }, () => countRows(em, entity, where));
  };
}

/** The connection of a compiled page's rows (one more than the page: is there a next one?). */
function pageOf<T extends object>(
  rows: { __json: T; __id: string; __key: unknown; __total?: string | number }[],
  page: { size: number; byId: boolean; after?: string | null },
  countApart: () => Promise<number>,
): ConnectionShape<T> {
  const { size, byId } = page;
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
          ? countApart()
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
  request: PageRequest<T>,
): Promise<ConnectionShape<T>> {
  const { entity, where, order, page } = request;
  return (await compiledPage(ctx, info, request)) ?? paginate(ctx.em, entity, where, order, page);
}

/**
 * A record the one way: compiled when the selection allows it (compiledRecord), loaded by the
 * EntityManager with the same filters otherwise; null when the id cannot be one (no request).
 */
export async function readRecord<T extends object>(
  ctx: Context,
  info: GraphQLResolveInfo,
  request: RecordRequest<T> | null,
): Promise<T | null> {
  if (!request) return null;
  const compiled = await compiledRecord(ctx, info, request);
  if (compiled !== undefined) return compiled;
  const { entity, id, filters } = request;
  return ctx.em.findOne(entity, { id } as never, filters ? { filters } : {}) as Promise<T | null>;
}

/**
 * One record (`company(id)`, …) answered by ONE statement, its selected subtree built by
 * PostgreSQL (see compiledPage). `undefined` when the selection is not one the compiled reads
 * know: the caller reads it with the resolvers; null when there is no such record.
 */
export async function compiledRecord<T extends object>(
  ctx: Context,
  info: FieldRequest,
  request: RecordRequest<T>,
): Promise<T | null | undefined> {
  return (await prepareRecord(ctx, info, request))?.();
}

/** compiledRecord in two steps (see preparePage); in exact mode the record is its answer as text. */
export async function prepareRecord<T extends object>(
  ctx: Context,
  info: FieldRequest,
  request: RecordRequest<T>,
  exact = false,
): Promise<Prepared<T | null> | undefined> {
  const { typeName, entity, id } = request;
  if (!compiledReads.enabled || !READ_TYPES[typeName]) return undefined;
  const em = ctx.em;
  const c = compileContext(ctx, info, exact);
  const selection = selectionOf(info.fieldNodes, typeName, c);
  if (!selection) return undefined;
  const statement = await cachedStatement(ctx, c, info.fieldNodes, async () => {
    const qb = em.createQueryBuilder(entity, 't0');
    qb.select(raw(JSON_COLUMN)).where({ id } as never);
    await qb.applyFilters(request.filters);
    const json = await cachedJson(ctx, c, info.fieldNodes, () => compileOrUndefined(c, typeName, selection));
    return json && withJson(qb, jsonColumn(c, json));
  });
  if (!statement) return undefined;
  return async () => {
    const rows = (await runCompiled(ctx, statement, false)) as { __json: T }[];
    return rows[0]?.__json ?? null;
  };
}
