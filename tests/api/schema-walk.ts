import { randomUUID } from 'node:crypto';
import {
  buildClientSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import type { TestServer } from '../../server/src/test/test-server.js';

/** The live schema, read by introspection as a signed-in user. */
export async function liveSchema(server: TestServer, cookie: string): Promise<GraphQLSchema> {
  const response = await server.gql(getIntrospectionQuery(), {}, { cookie });
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return buildClientSchema(response.data as never);
}

const SCALARS: Record<string, unknown> = {
  ID: () => randomUUID(),
  String: () => 'x',
  Int: () => 1,
  Float: () => 1,
  Boolean: () => false,
  Date: () => '2025-01-01',
  DateTime: () => '2025-01-01T00:00:00Z',
  Decimal: () => '1',
};

/** A value of the right type for every required field: enough to get past GraphQL validation. */
export function dummyValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return dummyValue(type.ofType);
  if (isListType(type)) return [];
  if (isScalarType(type)) {
    const make = SCALARS[type.name] as (() => unknown) | undefined;
    return make ? make() : 'x';
  }
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, dummyValue(field.type)]),
    );
  }
  return null;
}

export function typeString(arg: GraphQLArgument): string {
  return String(arg.type);
}

/** A minimal selection: __typename, or a scalar of the first object level. */
export function minimalSelection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isObjectType(named) ? '{ __typename }' : '';
}

/** An operation calling one root field with dummy values for its required arguments. */
export function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const variables = Object.fromEntries(required.map((arg) => [arg.name, dummyValue(arg.type)]));
  const declarations = required.map((arg) => `$${arg.name}: ${typeString(arg)}`).join(', ');
  const passing = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const query = `${kind} Probe${declarations ? `(${declarations})` : ''} { ${field.name}${passing ? `(${passing})` : ''} ${minimalSelection(field)} }`;
  return { query, variables };
}

/**
 * A selection of every field that takes no required argument, `depth` object levels down
 * (scalars and enums at each level; only __typename on interfaces and unions).
 */
export function deepSelection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return isLeafType(named) ? '' : '{ __typename }';
  const fields = Object.values(named.getFields()).filter((field) =>
    field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined),
  );
  const parts = fields
    .filter((field) => isLeafType(getNamedType(field.type)) || depth > 0)
    .map((field) => `${field.name} ${deepSelection(field.type, depth - 1)}`);
  return `{ __typename ${parts.join(' ')} }`;
}
