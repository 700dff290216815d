import { type EntityClass, raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  isEnumType,
  isScalarType,
} from 'graphql';
import { hostTimeZoneSql } from '../modules/mission/time-zone.js';
import { checkPageSize } from '../shared/connection.js';
import { columnOf } from '../shared/nested-connection.js';
import { built, joinSql, type Sql, sql, trusted } from '../shared/sql.js';
import { type FieldRead, READ_TYPES, type ReadType } from './read-types.js';
import { type Selection, type SelectionContext, selectsOnly, subSelection, TYPENAME } from './selection.js';

/**
 * The compiled reads: a query's selection of an object type turned into ONE SQL expression,
 * `json_build_object(...)` of a row, related rows and nested pages included as subqueries, so that
 * PostgreSQL builds a whole page's answer in one statement and no entity is hydrated (issue 14:
 * the resolvers' path ran 25 statements and 33 ms of CPU for a company page). Every table is read
 * through a query builder of its entity with the EntityManager's filters applied: the agency
 * filter binds the viewer's agency in every subquery, and archived (merged) records are left out
 * exactly as the resolvers leave them out. Objects carry `__pre: true`, which tells the wrapped
 * resolvers of their relation fields (precomputed.ts) to answer the value already there.
 *
 * In exact mode (`CompileContext.exact`, for text-answers.ts) the JSON is the GraphQL answer
 * itself, as graphql-js would print it: keys in the selection's order, `__typename` where it is
 * asked, no `__pre` mark, and only leaves whose SQL text is their serialized value (scalars in
 * EXACT_SCALARS, enums whose values are their names).
 */

export interface CompileContext extends SelectionContext {
  em: EntityManager;
  schema: GraphQLSchema;
  /** The next table alias number (every subquery has its own alias). */
  next: { alias: number };
  /** Build the answer exactly as the response spells it (see above). */
  exact?: boolean;
}

/** Scalars whose JSON from SQL is what graphql-js serializes (numbers as PostgreSQL prints a float are not). */
const EXACT_SCALARS = new Set(['ID', 'String', 'Int', 'Boolean', 'DateTime', 'Date', 'Decimal']);

/** The name of a field's type, lists and non-null unwrapped. */
function fieldTypeName(c: CompileContext, typeName: string, field: string): string {
  const definition = (c.schema.getType(typeName) as GraphQLObjectType).getFields()[field];
  if (!definition) throw new NotCompiled(`${typeName}.${field}`);
  return getNamedType(definition.type).name;
}

/** In exact mode, a leaf field whose serialized value SQL does not spell is not compiled. */
function exactLeaf(c: CompileContext, typeName: string, field: string): void {
  if (!c.exact) return;
  const definition = (c.schema.getType(typeName) as GraphQLObjectType).getFields()[field];
  const named = definition && getNamedType(definition.type);
  if (!named) throw new NotCompiled(`${typeName}.${field}`);
  if (isEnumType(named) && named.getValues().every((value) => value.value === value.name)) return;
  if (isScalarType(named) && !EXACT_SCALARS.has(named.name)) throw new NotCompiled(`${typeName}.${field}`);
}

/** The key/value pairs of an object's JSON: its `__pre` mark, or in exact mode nothing. */
function openPairs(c: CompileContext): Sql[] {
  return c.exact ? [] : [trusted(`'__pre', true`)];
}

/** The pair of a `__typename` asked for (exact mode only: graphql-js answers it otherwise). */
function typenamePair(c: CompileContext, typeName: string): Sql[] {
  return c.exact ? [trusted(`'${TYPENAME}', '${typeName}'`)] : [];
}

/**
 * `json_build_object` of the selected keys of an object type whose every key SQL builds from one
 * expression per key (Money, LocalizedName, PageInfo), in the selection's order.
 */
function keysJson(c: CompileContext, typeName: string, keys: Selection, value: (key: string) => Sql): Sql {
  const pairs: Sql[] = [];
  for (const key of keys.keys()) {
    if (key === TYPENAME) pairs.push(...typenamePair(c, typeName));
    else pairs.push(sql`${trusted(`'${key}'`)}, ${value(key)}`);
  }
  return sql`json_build_object(${joinSql(pairs, ', ')})`;
}

/** Thrown inside the compiler when a selection is one it does not answer; caught at the root. */
class NotCompiled extends Error {}

export function isNotCompiled(error: unknown): boolean {
  return error instanceof NotCompiled;
}

function readType(name: string): ReadType {
  const type = READ_TYPES[name];
  if (!type) throw new NotCompiled(name);
  return type;
}

const ISO_INSTANT = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** A column's value as the GraphQL field serializes it (instants in UTC as JavaScript prints them). */
export function columnValue(em: EntityManager, entity: EntityClass<object>, alias: string, property: string): Sql {
  const prop = em.getMetadata().get(entity).properties[property as never] as
    | { fieldNames?: string[]; columnTypes?: string[]; kind?: string }
    | undefined;
  if (!prop?.fieldNames?.length || (prop.kind && prop.kind !== 'scalar')) throw new NotCompiled(property);
  const column = `${alias}."${prop.fieldNames[0]}"`;
  const type = prop.columnTypes?.[0] ?? '';
  if (type === 'timestamptz') return trusted(`to_char(${column} at time zone 'UTC', ${ISO_INSTANT})`);
  if (type === 'date') return trusted(`to_char(${column}, 'YYYY-MM-DD')`);
  if (type.startsWith('numeric')) return trusted(`${column}::text`);
  return trusted(column);
}

function argumentsOf(c: CompileContext, typeName: string, field: string, node: FieldNode) {
  const type = c.schema.getType(typeName) as GraphQLObjectType;
  return getArgumentValues(type.getFields()[field], node, c.variableValues);
}

/** `json_build_object(...)` of the row `alias` of `typeName`, for the selection. */
export async function objectJson(
  c: CompileContext,
  typeName: string,
  alias: string,
  selection: Selection,
): Promise<Sql> {
  const type = readType(typeName);
  const pairs: Sql[] = openPairs(c);
  for (const [field, nodes] of selection) {
    if (field === TYPENAME) {
      pairs.push(...typenamePair(c, typeName));
      continue;
    }
    const read = type.fields[field];
    if (!read) throw new NotCompiled(`${typeName}.${field}`);
    pairs.push(sql`${trusted(`'${field}'`)}, ${await fieldValue(c, type, typeName, alias, field, nodes, selection)}`);
  }
  if (pairs.length > 50) throw new NotCompiled('json_build_object takes 100 arguments');
  return sql`json_build_object(${joinSql(pairs, ', ')})`;
}

async function fieldValue(
  c: CompileContext,
  type: ReadType,
  typeName: string,
  alias: string,
  field: string,
  nodes: FieldNode[],
  selection: Selection,
): Promise<Sql> {
  const read = type.fields[field];
  const em = c.em;
  switch (read.kind) {
    case 'column':
      exactLeaf(c, typeName, field);
      return columnValue(em, type.entity, alias, field);
    case 'jsonKeys': {
      const objectType = fieldTypeName(c, typeName, field);
      const keys = subSelection(selection, field, objectType, c);
      if (!keys) throw new NotCompiled(field);
      const column = columnOf(em, type.entity, field);
      if (!selectsOnly(keys, read.keys)) throw new NotCompiled(field);
      return keysJson(c, objectType, keys, (key) => trusted(`${alias}."${column}"->'${key}'`));
    }
    case 'toOne': {
      const fk = columnOf(em, type.entity, field);
      const { t, qb, inner } = await relatedRows(c, read.type, field, selection, (t) => `${t}.id = ${alias}."${fk}"`);
      return sql`(${withJson(qb, await objectJson(c, read.type, t, inner))})`;
    }
    case 'list': {
      const { own, other, table } = read.pivot;
      const { target, t, qb, inner } = await relatedRows(
        c,
        read.type,
        field,
        selection,
        (t) => `exists (select 1 from "${table}" as p where p."${other}" = ${t}.id and p."${own}" = ${alias}.id)`,
      );
      const json = await objectJson(c, read.type, t, inner);
      const order = columnOf(em, target.entity, read.order);
      const rows = withJson(qb, json, trusted(`, ${t}."${order}" collate "C" as __key, ${t}.id as __id`));
      return sql`coalesce((select json_agg(l.__json order by l.__key, l.__id) from (${rows}) as l), '[]')`;
    }
    case 'expression': {
      if (!read.object) {
        exactLeaf(c, typeName, field);
        return read.sql(alias);
      }
      const objectType = fieldTypeName(c, typeName, field);
      const known = read.object.keys;
      const keys = subSelection(selection, field, objectType, c);
      if (!keys || !selectsOnly(keys, known)) throw new NotCompiled(field);
      if (!c.exact) return read.sql(alias);
      // The expression builds every key: the answer takes the selected ones, in their order.
      const object = keysJson(c, objectType, keys, (key) => trusted(`x.v->'${key}'`));
      return sql`(select case when x.v is null then null else ${object} end from (select ${read.sql(alias)} as v) as x)`;
    }
    case 'agenda':
      return agendaJson(c, typeName, alias, nodes, selection);
    case 'money': {
      const objectType = fieldTypeName(c, typeName, field);
      const keys = subSelection(selection, field, objectType, c);
      if (!keys || !selectsOnly(keys, ['amount', 'currency'])) throw new NotCompiled(field);
      const amount = `${alias}."${columnOf(em, type.entity, read.amount)}"`;
      const currency = `${alias}."${columnOf(em, type.entity, read.currency)}"`;
      const object = keysJson(c, objectType, keys, (key) => trusted(key === 'amount' ? `${amount}::text` : currency));
      return sql`case when ${trusted(amount)} is null or ${trusted(currency)} is null then null else ${object} end`;
    }
    case 'liveRecord': {
      const table = em.getMetadata().get(readType(read.type).entity).tableName;
      const next = `${alias}."${columnOf(em, type.entity, field)}"`;
      // As merge-records.ts liveRecord: the end of the chain of merges (at most 50), read with the filters.
      const { t, qb, inner } = await relatedRows(
        c,
        read.type,
        field,
        selection,
        (t) => `${t}.id = (with recursive chain(id, next, depth) as (
          select m.id, m.merged_into_id, 0 from "${table}" as m where m.agency_id = ${t}.agency_id and m.id = ${next}
          union all
          select m.id, m.merged_into_id, chain.depth + 1 from "${table}" as m
          join chain on m.id = chain.next where m.agency_id = ${t}.agency_id and chain.depth < 50
        ) select id from chain where next is null limit 1)`,
      );
      return sql`case when ${trusted(next)} is null then null else (${withJson(qb, await objectJson(c, read.type, t, inner))}) end`;
    }
    case 'connection':
      return connectionJson(c, typeName, alias, field, nodes, read, selection);
  }
}

/**
 * The rows of `typeName` related to this row by `condition` (SQL on the related row's alias), as a
 * query builder with the filters applied, selecting JSON_COLUMN; the selection of `field` on them.
 */
async function relatedRows(
  c: CompileContext,
  typeName: string,
  field: string,
  selection: Selection,
  condition: (row: string) => string,
) {
  const target = readType(typeName);
  const inner = subSelection(selection, field, typeName, c);
  if (!inner) throw new NotCompiled(field);
  const t = `t${c.next.alias++}`;
  const qb = c.em.createQueryBuilder(target.entity, t);
  qb.select(raw(JSON_COLUMN)).where(raw(condition(t)));
  await qb.applyFilters();
  return { target, inner, t, qb };
}

/** The column a query builder selects first, for `withJson` to put the compiled JSON in its place. */
export const JSON_COLUMN = 'null::json as __json';

/**
 * The statement of a query builder whose first selected column is JSON_COLUMN, with `json` (and
 * `extraColumns`) in its place: a query builder cannot take our Sql, with its own parameters, as
 * a column, but its statement can, spliced there.
 */
export function withJson(
  qb: { toQuery(): { sql: string; params: readonly unknown[] } },
  json: Sql,
  extraColumns: Sql = trusted(''),
): Sql {
  const query = qb.toQuery();
  const at = query.sql.indexOf(JSON_COLUMN);
  if (at < 0) throw new Error('compiled reads: the query builder lost its JSON column');
  const head = query.sql.slice(0, at);
  const before = (head.match(/\?/g) ?? []).length;
  const tail = query.sql.slice(at + JSON_COLUMN.length);
  return sql`${built({ sql: head, params: query.params.slice(0, before) })}${json} as __json${extraColumns}${built({
    sql: tail,
    params: query.params.slice(before),
  })}`;
}

async function connectionJson(
  c: CompileContext,
  typeName: string,
  alias: string,
  field: string,
  nodes: FieldNode[],
  read: Extract<FieldRead, { kind: 'connection' }>,
  selection: Selection,
): Promise<Sql> {
  const em = c.em;
  const args = argumentsOf(c, typeName, field, nodes[0]);
  for (const [name, value] of Object.entries(args)) {
    const filter = read.filters?.includes(name) && value == null;
    if (name !== 'first' && !filter) throw new NotCompiled(`${field}(${name})`);
  }
  const first = checkPageSize(args.first as number | null | undefined);
  const connection = subSelection(selection, field, `${read.type}Connection`, c);
  if (!connection) throw new NotCompiled(field);
  const target = readType(read.type);
  const belongs = (row: string) =>
    'property' in read.parent
      ? `${row}."${columnOf(em, target.entity, read.parent.property)}" = ${alias}.id`
      : read.parent.belongs(row, alias);
  const t = `t${c.next.alias++}`;
  const { property, direction, nullsLast } = read.order;
  const nulls = nullsLast ? ' nulls last' : '';
  const key = columnOf(em, target.entity, property);
  const qb = em.createQueryBuilder(target.entity, t);
  qb.select([
    raw(JSON_COLUMN),
    raw(`row_number() over (order by ${t}."${key}" ${direction}${nulls}, ${t}.id ${direction}) as __rn`),
  ])
    .where(raw(belongs(t)))
    .orderBy({ [property]: `${direction}${nulls}`, id: direction } as never)
    .limit(first + 1);
  await qb.applyFilters();
  let json: Sql = trusted('null');
  const parts: Sql[] = openPairs(c);
  for (const [name] of connection) {
    if (name === TYPENAME) {
      parts.push(...typenamePair(c, `${read.type}Connection`));
    } else if (name === 'nodes') {
      const inner = subSelection(connection, 'nodes', read.type, c);
      if (!inner) throw new NotCompiled('nodes');
      json = await objectJson(c, read.type, t, inner);
      parts.push(sql`'nodes', coalesce(json_agg(n.__json order by n.__rn) filter (where n.__rn <= ${first}), '[]')`);
    } else if (name === 'pageInfo') {
      const info = subSelection(connection, 'pageInfo', 'PageInfo', c);
      if (!info || !selectsOnly(info, ['hasNextPage', 'hasPreviousPage'])) throw new NotCompiled('pageInfo cursors');
      const pageInfo = keysJson(c, 'PageInfo', info, (key) =>
        key === 'hasNextPage' ? sql`count(*) > ${first}` : trusted('false'),
      );
      parts.push(sql`'pageInfo', ${pageInfo}`);
    } else if (name === 'totalCount') {
      const k = `t${c.next.alias++}`;
      const count = em.createQueryBuilder(target.entity, k);
      count.select(raw(JSON_COLUMN)).where(raw(belongs(k)));
      await count.applyFilters();
      parts.push(sql`'totalCount', (select count(*) from (${withJson(count, trusted('null'))}) as k)`);
    } else {
      throw new NotCompiled(`${field}.${name}`);
    }
  }
  // Only the count asked for: no page to read.
  if (!connection.has('nodes') && !connection.has('pageInfo')) return sql`json_build_object(${joinSql(parts, ', ')})`;
  return sql`(select json_build_object(${joinSql(parts, ', ')}) from (${withJson(qb, json)}) as n)`;
}

/**
 * A mission's agenda day, as mission.loaders.ts missionAgenda reads it: its MEETINGs not
 * CANCELLED that start on `day` in the mission's time zone (its host country's, time-zone.ts),
 * by start then id. Only the mission's own zone and all exporters: `exporterId` or `timeZone`
 * given, the resolver answers.
 */
async function agendaJson(
  c: CompileContext,
  typeName: string,
  alias: string,
  nodes: FieldNode[],
  selection: Selection,
) {
  const em = c.em;
  const args = argumentsOf(c, typeName, 'agenda', nodes[0]) as {
    day: string;
    exporterId?: string | null;
    timeZone?: string | null;
  };
  if (args.exporterId != null || args.timeZone != null) throw new NotCompiled('agenda(exporterId, timeZone)');
  const inner = subSelection(selection, 'agenda', 'Interaction', c);
  if (!inner) throw new NotCompiled('agenda');
  const target = readType('Interaction');
  const t = `t${c.next.alias++}`;
  const qb = em.createQueryBuilder(target.entity, t);
  const zone = hostTimeZoneSql(`${alias}.host_country`);
  const dayStart = (days: number) => sql`(${args.day}::date + ${days})::timestamp at time zone ${zone}`;
  const window = sql`${trusted(t)}.starts_at >= ${dayStart(0)} and ${trusted(t)}.starts_at < ${dayStart(1)}`;
  qb.select(raw(JSON_COLUMN))
    .where({ kind: 'MEETING', $or: [{ status: null }, { status: { $ne: 'CANCELLED' } }] } as never)
    .andWhere(raw(`${t}.mission_id = ${alias}.id`))
    .andWhere(raw(window.text, [...window.params]));
  await qb.applyFilters();
  const json = await objectJson(c, 'Interaction', t, inner);
  const rows = withJson(qb, json, trusted(`, ${t}.starts_at as __starts, ${t}.id as __id`));
  return sql`coalesce((select json_agg(a.__json order by a.__starts, a.__id) from (${rows}) as a), '[]')`;
}
