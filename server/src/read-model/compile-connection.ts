import { raw } from '@mikro-orm/core';
import type { FieldNode } from 'graphql';
import { checkPageSize } from '../shared/connection.js';
import { columnOf } from '../shared/nested-connection.js';
import { built, joinSql, type Sql, sql, trusted } from '../shared/sql.js';
import {
  argumentsOf,
  type CompileContext,
  columnValue,
  fieldTypeName,
  JSON_COLUMN,
  keysJson,
  NotCompiled,
  type ObjectJson,
  openPairs,
  readType,
  rowCondition,
  typenamePair,
  withJson,
} from './compile-parts.js';
import type { Aggregates, FieldRead } from './read-types.js';
import { type Selection, selectsOnly, subSelection, TYPENAME } from './selection.js';

type ConnectionRead = Extract<FieldRead, { kind: 'connection' }>;

/**
 * A nested page (a company's contacts, a stage's deals): the first `first` rows that belong to the
 * row `alias`, in the read's order, as the connection the selection asks for: its nodes, page
 * info (cursors as shared/cursor.ts spells them, printed by SQL), count and aggregates, in ONE
 * expression. As the resolvers' nested pages, it goes forwards only, from the start.
 */
export async function connectionJson(
  c: CompileContext,
  at: {
    typeName: string;
    alias: string;
    field: string;
    nodes: FieldNode[];
    read: ConnectionRead;
    selection: Selection;
  },
  objectJson: ObjectJson,
): Promise<Sql> {
  const { typeName, alias, field, nodes, read, selection } = at;
  const em = c.em;
  const args = argumentsOf(c, typeName, field, nodes[0]);
  const where = rowCondition(c, field, args, read.where, read.filters);
  const first = pageSizeOrNotCompiled(field, args.first);
  const connectionType = read.connection ?? `${read.type}Connection`;
  const connection = subSelection(selection, field, connectionType, c);
  if (!connection) throw new NotCompiled(field);
  const target = readType(read.type);
  /** The rows that belong to the parent, with the filters applied (the agency's among them). */
  const rowsOf = async (row: string, columns: string[]) => {
    const belongs =
      'property' in read.parent
        ? `${row}."${columnOf(em, target.entity, read.parent.property)}" = ${alias}.id`
        : read.parent.belongs(row, alias);
    const qb = em.createQueryBuilder(target.entity, row);
    qb.select(columns.map((column) => raw(column))).where(raw(belongs));
    if (where) qb.andWhere(where);
    await qb.applyFilters();
    return qb;
  };
  const t = `t${c.next.alias++}`;
  const { property, direction, nullsLast } = read.order;
  const nulls = nullsLast ? ' nulls last' : '';
  const key = columnOf(em, target.entity, property);
  const info = subSelection(connection, 'pageInfo', 'PageInfo', c);
  const cursors = Boolean(info && (info.has('startCursor') || info.has('endCursor')));
  const qb = await rowsOf(t, [
    JSON_COLUMN,
    `row_number() over (order by ${t}."${key}" ${direction}${nulls}, ${t}.id ${direction}) as __rn`,
    ...(cursors ? [`${cursorSql(c, read, t).text} as __cursor`] : []),
  ]);
  qb.orderBy({ [property]: `${direction}${nulls}`, id: direction } as never).limit(first + 1);

  let json: Sql = trusted('null');
  const parts: Sql[] = openPairs(c);
  let aggregates: Sql | undefined;
  const inPage = `filter (where n.__rn <= ${first})`;
  for (const [name] of connection) {
    if (name === TYPENAME) {
      parts.push(...typenamePair(c, connectionType));
    } else if (name === 'nodes') {
      const inner = subSelection(connection, 'nodes', read.type, c);
      if (!inner) throw new NotCompiled('nodes');
      json = await objectJson(c, read.type, t, inner);
      parts.push(trusted(`'nodes', coalesce(json_agg(n.__json order by n.__rn) ${inPage}, '[]')`));
    } else if (name === 'pageInfo') {
      if (!info || !selectsOnly(info, ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'])) {
        throw new NotCompiled('pageInfo');
      }
      const pageInfo = keysJson(c, 'PageInfo', info, (key) => {
        if (key === 'hasNextPage') return trusted(`count(*) > ${first}`);
        if (key === 'startCursor') return trusted(`(array_agg(n.__cursor order by n.__rn) ${inPage})[1]`);
        if (key === 'endCursor') return trusted(`(array_agg(n.__cursor order by n.__rn desc) ${inPage})[1]`);
        return trusted('false');
      });
      parts.push(sql`'pageInfo', ${pageInfo}`);
    } else if (name === 'totalCount') {
      const count = await rowsOf(`t${c.next.alias++}`, [JSON_COLUMN]);
      parts.push(sql`'totalCount', (select count(*) from (${withJson(count, trusted('null'))}) as k)`);
    } else if (read.aggregates?.fields[name]) {
      const k = `t${c.next.alias++}`;
      aggregates ??= read.aggregates.sql(built((await rowsOf(k, [`${k}.*`])).toQuery()), c.agencyId);
      parts.push(sql`${trusted(`'${name}'`)}, ${aggregateValue(c, connectionType, connection, name, read.aggregates)}`);
    } else {
      throw new NotCompiled(`${field}.${name}`);
    }
  }
  const object = sql`json_build_object(${joinSql(parts, ', ')})`;
  // Only the count or aggregates asked for: no page to read.
  const value =
    connection.has('nodes') || connection.has('pageInfo')
      ? sql`(select ${object} from (${withJson(qb, json)}) as n)`
      : object;
  // The aggregates once, read by the object's keys (x.v is a constant of its statement; `offset 0`
  // keeps PostgreSQL from inlining the subquery, which would compute them again for every key).
  return aggregates ? sql`(select ${value} from (select ${aggregates} as v offset 0) as x)` : value;
}

/**
 * The value of an aggregate field, from the aggregates' object `x.v`: as it is, or in exact mode
 * the keys of its object(s) in the selection's order.
 */
function aggregateValue(
  c: CompileContext,
  connectionType: string,
  connection: Selection,
  name: string,
  aggregates: Aggregates,
): Sql {
  const shape = aggregates.fields[name];
  const value = `x.v->'${name}'`;
  if (!shape.keys) return trusted(value);
  const objectType = fieldTypeName(c, connectionType, name);
  const keys = subSelection(connection, name, objectType, c);
  if (!keys || !selectsOnly(keys, shape.keys)) throw new NotCompiled(name);
  if (!c.exact) return trusted(value);
  if (!shape.list) return keysJson(c, objectType, keys, (key) => trusted(`${value}->'${key}'`));
  const item = keysJson(c, objectType, keys, (key) => trusted(`e.value->'${key}'`));
  return sql`(select coalesce(json_agg(${item} order by e.o), '[]') from json_array_elements(${trusted(value)}) with ordinality as e(value, o))`;
}

/**
 * A row's cursor as shared/cursor.ts encodes it (the JSON array of its sort key and id, in
 * base64url): only for keys that cannot be null and that a cursor holds as text (an instant, a text).
 */
function cursorSql(c: CompileContext, read: ConnectionRead, row: string): Sql {
  const target = readType(read.type);
  const prop = c.em.getMetadata().get(target.entity).properties[read.order.property as never] as {
    nullable?: boolean;
    runtimeType?: string;
  };
  if (prop.nullable || !['Date', 'string'].includes(prop.runtimeType ?? '')) throw new NotCompiled('cursors');
  const key = columnValue(c.em, target.entity, row, read.order.property).text;
  const array = `'[' || to_json(${key})::text || ',' || to_json(${row}.id)::text || ']'`;
  return trusted(`rtrim(translate(encode(convert_to(${array}, 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')`);
}

/**
 * The page size asked for; one the pages refuse is not compiled: the resolvers refuse it where it
 * is asked (its error's path names the nested field, not the root).
 */
function pageSizeOrNotCompiled(field: string, first: unknown): number {
  try {
    return checkPageSize(first as number | null | undefined);
  } catch {
    throw new NotCompiled(`${field}(first)`);
  }
}
