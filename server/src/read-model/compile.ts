import { type FilterQuery, raw } from '@mikro-orm/core';
import type { FieldNode } from 'graphql';
import { hostTimeZoneSql } from '../modules/mission/time-zone.js';
import { columnOf } from '../shared/nested-connection.js';
import { joinSql, type Sql, sql, trusted } from '../shared/sql.js';
import { connectionJson } from './compile-connection.js';
import {
  argumentsOf,
  type CompileContext,
  columnValue,
  exactLeaf,
  fieldTypeName,
  JSON_COLUMN,
  keysJson,
  NotCompiled,
  openPairs,
  readType,
  rowCondition,
  typenamePair,
  withJson,
} from './compile-parts.js';
import type { ReadType } from './read-types.js';
import { type Selection, selectsOnly, subSelection, TYPENAME } from './selection.js';

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
      const rows = await relatedRows(
        c,
        read.type,
        field,
        selection,
        (t) => `exists (select 1 from "${table}" as p where p."${other}" = ${t}.id and p."${own}" = ${alias}.id)`,
      );
      return orderedList(c, read.type, rows, read.order);
    }
    case 'children': {
      const args = argumentsOf(c, typeName, field, nodes[0]);
      const where = rowCondition(c, field, args, read.where);
      const target = readType(read.type);
      const fk = columnOf(em, target.entity, read.parent);
      const rows = await relatedRows(c, read.type, field, selection, (t) => `${t}."${fk}" = ${alias}.id`, where);
      return orderedList(c, read.type, rows, read.order);
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
      // `offset 0`: computed once, not once per key (PostgreSQL would inline the subquery).
      return sql`(select case when x.v is null then null else ${object} end from (select ${read.sql(alias)} as v offset 0) as x)`;
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
      return connectionJson(c, { typeName, alias, field, nodes, read, selection }, objectJson);
  }
}

/**
 * The rows of `typeName` related to this row by `condition` (SQL on the related row's alias) and
 * `where` (a condition on them), as a query builder with the filters applied, selecting
 * JSON_COLUMN; the selection of `field` on them.
 */
async function relatedRows(
  c: CompileContext,
  typeName: string,
  field: string,
  selection: Selection,
  condition: (row: string) => string,
  where?: FilterQuery<object>,
) {
  const target = readType(typeName);
  const inner = subSelection(selection, field, typeName, c);
  if (!inner) throw new NotCompiled(field);
  const t = `t${c.next.alias++}`;
  const qb = c.em.createQueryBuilder(target.entity, t);
  qb.select(raw(JSON_COLUMN)).where(raw(condition(t)));
  if (where) qb.andWhere(where);
  await qb.applyFilters();
  return { target, inner, t, qb };
}

/** The JSON array of related rows, by `order` (as bytes when it is text), then id. */
async function orderedList(
  c: CompileContext,
  typeName: string,
  { target, t, qb, inner }: Awaited<ReturnType<typeof relatedRows>>,
  order: string,
): Promise<Sql> {
  const json = await objectJson(c, typeName, t, inner);
  const prop = c.em.getMetadata().get(target.entity).properties[order as never] as { columnTypes?: string[] };
  const text = /char|text/.test(prop.columnTypes?.[0] ?? '');
  const key = `${t}."${columnOf(c.em, target.entity, order)}"${text ? ' collate "C"' : ''}`;
  const rows = withJson(qb, json, trusted(`, ${key} as __key, ${t}.id as __id`));
  return sql`coalesce((select json_agg(l.__json order by l.__key, l.__id) from (${rows}) as l), '[]')`;
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
