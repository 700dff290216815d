import { type EntityClass, raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type FieldNode, type GraphQLObjectType, type GraphQLSchema, getArgumentValues } from 'graphql';
import { checkPageSize } from '../shared/connection.js';
import { columnOf } from '../shared/nested-connection.js';
import { built, joinSql, type Sql, sql, trusted } from '../shared/sql.js';
import { type FieldRead, READ_TYPES, type ReadType } from './read-types.js';
import { type Selection, type SelectionContext, subSelection } from './selection.js';

/**
 * The compiled reads: a query's selection of an object type turned into ONE SQL expression,
 * `json_build_object(...)` of a row, related rows and nested pages included as subqueries, so that
 * PostgreSQL builds a whole page's answer in one statement and no entity is hydrated (issue 14:
 * the resolvers' path ran 25 statements and 33 ms of CPU for a company page). Every table is read
 * through a query builder of its entity with the EntityManager's filters applied: the agency
 * filter binds the viewer's agency in every subquery, and archived (merged) records are left out
 * exactly as the resolvers leave them out. Objects carry `__pre: true`, which tells the wrapped
 * resolvers of their relation fields (precomputed.ts) to answer the value already there.
 */

export interface CompileContext extends SelectionContext {
  em: EntityManager;
  schema: GraphQLSchema;
  /** The next table alias number (every subquery has its own alias). */
  next: { alias: number };
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
  const pairs: Sql[] = [trusted(`'__pre', true`)];
  for (const [field, nodes] of selection) {
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
      return columnValue(em, type.entity, alias, field);
    case 'jsonKeys': {
      const keys = subSelection(selection, field, 'LocalizedName', c);
      if (!keys) throw new NotCompiled(field);
      const column = columnOf(em, type.entity, field);
      const wanted = [...keys.keys()];
      if (wanted.some((key) => !read.keys.includes(key))) throw new NotCompiled(field);
      return trusted(
        `json_build_object(${wanted.map((key) => `'${key}', ${alias}."${column}"->'${key}'`).join(', ')})`,
      );
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
      // What `compare` sorts by is in every item, selected or not (graphql-js leaves extra keys unread).
      for (const key of read.compare?.keys ?? []) if (!inner.has(key)) inner.set(key, []);
      const json = await objectJson(c, read.type, t, inner);
      const order = columnOf(em, target.entity, read.order);
      const rows = withJson(qb, json, trusted(`, ${t}."${order}" collate "C" as __key, ${t}.id as __id`));
      return sql`coalesce((select json_agg(l.__json order by l.__key, l.__id) from (${rows}) as l), '[]')`;
    }
    case 'expression': {
      if (read.object) {
        const { type: objectType, keys: known } = read.object;
        const keys = subSelection(selection, field, objectType, c);
        if (!keys || [...keys.keys()].some((key) => !known.includes(key))) throw new NotCompiled(field);
      }
      return read.sql(alias);
    }
    case 'mapped':
      return columnValue(em, type.entity, alias, read.property);
    case 'agenda':
      return agendaJson(c, typeName, alias, nodes, selection);
    case 'money': {
      const keys = subSelection(selection, field, 'Money', c);
      if (!keys || [...keys.keys()].some((key) => key !== 'amount' && key !== 'currency')) throw new NotCompiled(field);
      const amount = `${alias}."${columnOf(em, type.entity, read.amount)}"`;
      const currency = `${alias}."${columnOf(em, type.entity, read.currency)}"`;
      return trusted(
        `case when ${amount} is null or ${currency} is null then null else json_build_object('amount', ${amount}::text, 'currency', ${currency}) end`,
      );
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
  const parts: Sql[] = [trusted(`'__pre', true`)];
  for (const [name] of connection) {
    if (name === 'nodes') {
      const inner = subSelection(connection, 'nodes', read.type, c);
      if (!inner) throw new NotCompiled('nodes');
      json = await objectJson(c, read.type, t, inner);
      parts.push(sql`'nodes', coalesce(json_agg(n.__json order by n.__rn) filter (where n.__rn <= ${first}), '[]')`);
    } else if (name === 'pageInfo') {
      const info = subSelection(connection, 'pageInfo', 'PageInfo', c);
      if (!info || [...info.keys()].some((key) => !['hasNextPage', 'hasPreviousPage'].includes(key))) {
        throw new NotCompiled('pageInfo cursors');
      }
      parts.push(sql`'pageInfo', json_build_object('hasNextPage', count(*) > ${first}, 'hasPreviousPage', false)`);
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
 * CANCELLED that start on `day` in the mission's time zone, by start then id. The zone is
 * JavaScript's (ICU, time-zone.ts): SQL takes the meetings of a window that holds that day in
 * every zone (UTC-12 to UTC+14: from 14 hours before the UTC day to 12 hours after), with the mission's country, and the answer
 * keeps those of the day (precomputed.ts, `agendaOfDay`). Only the mission's own zone and all
 * exporters: `exporterId` or `timeZone` given, the resolver answers.
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
  if (!inner.has('startsAt')) inner.set('startsAt', []);
  const target = readType('Interaction');
  const t = `t${c.next.alias++}`;
  const qb = em.createQueryBuilder(target.entity, t);
  qb.select(raw(JSON_COLUMN))
    .where({ kind: 'MEETING', $or: [{ status: null }, { status: { $ne: 'CANCELLED' } }] } as never)
    .andWhere(raw(`${t}.mission_id = ${alias}.id`))
    .andWhere(
      raw(
        `${t}.starts_at >= ?::date::timestamp at time zone 'UTC' - interval '14 hours' and ${t}.starts_at < (?::date + 1)::timestamp at time zone 'UTC' + interval '12 hours'`,
        [args.day, args.day],
      ),
    );
  await qb.applyFilters();
  const json = await objectJson(c, 'Interaction', t, inner);
  const rows = withJson(qb, json, trusted(`, ${t}.starts_at as __starts, ${t}.id as __id`));
  return sql`json_build_object('__agenda', true, 'country', ${trusted(`${alias}.host_country`)}, 'day', ${args.day}::text,
    'meetings', coalesce((select json_agg(a.__json order by a.__starts, a.__id) from (${rows}) as a), '[]'))`;
}
