import type { EntityClass, FilterQuery } from '@mikro-orm/core';
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
import type { Language } from '../shared/messages/index.js';
import { built, joinSql, type Sql, sql, trusted } from '../shared/sql.js';
import { READ_TYPES, type ReadType, type RowCondition } from './read-types.js';
import { type Selection, type SelectionContext, TYPENAME } from './selection.js';

/**
 * The parts the compiled reads (compile.ts) are built of, shared by its objects and its nested
 * pages (compile-connection.ts): the context, the refusal (NotCompiled), the keys of an object,
 * a column's value, a query builder's statement with the JSON in it.
 */

export interface CompileContext extends SelectionContext {
  em: EntityManager;
  schema: GraphQLSchema;
  /** The next table alias number (every subquery has its own alias). */
  next: { alias: number };
  /** Build the answer exactly as the response spells it (see above). */
  exact?: boolean;
  /** The request's language (conditions made of arguments check them in it). */
  language: Language;
  /** The viewer's agency (aggregates convert to its base currency). */
  agencyId: string;
}

/** Scalars whose JSON from SQL is what graphql-js serializes (numbers as PostgreSQL prints a float are not). */
const EXACT_SCALARS = new Set(['ID', 'String', 'Int', 'Boolean', 'DateTime', 'Date', 'Decimal']);

/** The name of a field's type, lists and non-null unwrapped. */
export function fieldTypeName(c: CompileContext, typeName: string, field: string): string {
  const definition = (c.schema.getType(typeName) as GraphQLObjectType).getFields()[field];
  if (!definition) throw new NotCompiled(`${typeName}.${field}`);
  return getNamedType(definition.type).name;
}

/** A compiled object's JSON, for nested pages to build their nodes with (compile.ts objectJson). */
export type ObjectJson = (c: CompileContext, typeName: string, alias: string, selection: Selection) => Promise<Sql>;

/** In exact mode, a leaf field whose serialized value SQL does not spell is not compiled. */
export function exactLeaf(c: CompileContext, typeName: string, field: string): void {
  if (!c.exact) return;
  const definition = (c.schema.getType(typeName) as GraphQLObjectType).getFields()[field];
  const named = definition && getNamedType(definition.type);
  if (!named) throw new NotCompiled(`${typeName}.${field}`);
  if (isEnumType(named) && named.getValues().every((value) => value.value === value.name)) return;
  if (isScalarType(named) && !EXACT_SCALARS.has(named.name)) throw new NotCompiled(`${typeName}.${field}`);
}

/** The key/value pairs of an object's JSON: its `__pre` mark, or in exact mode nothing. */
export function openPairs(c: CompileContext): Sql[] {
  return c.exact ? [] : [trusted(`'__pre', true`)];
}

/** The pair of a `__typename` asked for (exact mode only: graphql-js answers it otherwise). */
export function typenamePair(c: CompileContext, typeName: string): Sql[] {
  return c.exact ? [trusted(`'${TYPENAME}', '${typeName}'`)] : [];
}

/**
 * `json_build_object` of the selected keys of an object type whose every key SQL builds from one
 * expression per key (Money, LocalizedName, PageInfo), in the selection's order.
 */
export function keysJson(c: CompileContext, typeName: string, keys: Selection, value: (key: string) => Sql): Sql {
  const pairs: Sql[] = [];
  for (const key of keys.keys()) {
    if (key === TYPENAME) pairs.push(...typenamePair(c, typeName));
    else pairs.push(sql`${trusted(`'${key}'`)}, ${value(key)}`);
  }
  return sql`json_build_object(${joinSql(pairs, ', ')})`;
}

/** Thrown inside the compiler when a selection is one it does not answer; caught at the root. */
export class NotCompiled extends Error {}

export function isNotCompiled(error: unknown): boolean {
  return error instanceof NotCompiled;
}

export function readType(name: string): ReadType {
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

export function argumentsOf(c: CompileContext, typeName: string, field: string, node: FieldNode) {
  const type = c.schema.getType(typeName) as GraphQLObjectType;
  return getArgumentValues(type.getFields()[field], node, c.variableValues);
}

/**
 * The condition a field's arguments make (`read.where`), the arguments checked first: one that
 * is not the page size, a filter left empty (`filters`) or one of `read.where`'s is not compiled.
 */
export function rowCondition(
  c: CompileContext,
  field: string,
  args: Record<string, unknown>,
  read: RowCondition | undefined,
  emptyFilters: readonly string[] = [],
): FilterQuery<object> | undefined {
  for (const [name, value] of Object.entries(args)) {
    const known = name === 'first' || (emptyFilters.includes(name) && value == null) || read?.arguments.includes(name);
    if (!known) throw new NotCompiled(`${field}(${name})`);
  }
  return read?.where(args, c.language);
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
