import {
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../server/src/test/sign-in.js';
import { type GraphQLResponse, startTestServer, type TestServer } from '../../server/src/test/test-server.js';
import { dummyValue, liveSchema } from './schema-walk.js';

/**
 * Agency isolation through the whole API, driven by the live schema so that every new query,
 * nested field and mutation is covered without being listed: an ASMEX admin must not read,
 * by id, in lists or in nested fields, nor change, any record of Mosprom.
 */
let server: TestServer;
let schema: GraphQLSchema;
let mosprom: string;
let asmex: string;

beforeAll(async () => {
  server = await startTestServer();
  ({ admin: mosprom, asmex } = await signIn(server, 'admin', 'asmex'));
  schema = await liveSchema(server, mosprom);
});
afterAll(() => server?.close());

const isConnection = (field: GraphQLField<unknown, unknown>) => getNamedType(field.type).name.endsWith('Connection');
const noRequiredArgs = (field: GraphQLField<unknown, unknown>) =>
  field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined);

/** Every id reachable two levels deep from a node type: nested connections, relations, lists. */
function selection(type: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.name === 'id') parts.push('id');
    if (depth === 0 || !noRequiredArgs(field)) continue;
    const named = getNamedType(field.type);
    if (!isObjectType(named)) continue;
    if (isConnection(field)) {
      const node = named.getFields().nodes;
      const nodeType = getNamedType(node.type) as GraphQLObjectType;
      parts.push(`${field.name}(first: 5) { nodes { ${selection(nodeType, depth - 1)} } }`);
    } else if ('id' in named.getFields()) {
      parts.push(`${field.name} { ${selection(named, depth - 1)} }`);
    }
  }
  return parts.length > 0 ? parts.join(' ') : '__typename';
}

function collectIds(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) collectIds(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'id' && typeof inner === 'string') into.add(inner);
      else collectIds(inner, into);
    }
  }
  return into;
}

function rootConnections(): GraphQLField<unknown, unknown>[] {
  return Object.values(schema.getQueryType()!.getFields()).filter((f) => isConnection(f) && noRequiredArgs(f));
}

async function everything(cookie: string): Promise<Record<string, Set<string>>> {
  const result: Record<string, Set<string>> = {};
  for (const field of rootConnections()) {
    const nodeType = getNamedType(
      (getNamedType(field.type) as GraphQLObjectType).getFields().nodes.type,
    ) as GraphQLObjectType;
    // Pages of 25: the whole selection two levels deep stays under the query cost limit.
    const ids = new Set<string>();
    let after: string | null = null;
    do {
      const response: GraphQLResponse = await server.gql(
        `query($after: String) { ${field.name}(first: 25, after: $after) {
          nodes { ${selection(nodeType, 2)} } pageInfo { hasNextPage endCursor } } }`,
        { after },
        { cookie },
      );
      expect(response.errors, field.name).toBeUndefined();
      collectIds(response.data?.[field.name].nodes, ids);
      const pageInfo = response.data?.[field.name].pageInfo;
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    } while (after);
    result[field.name] = ids;
  }
  return result;
}

/** Ids of Mosprom's records, per root list (e.g. companies). */
async function topLevelIds(cookie: string, field: string): Promise<string[]> {
  const response = await server.gql(`{ ${field}(first: 100) { nodes { id } } }`, {}, { cookie });
  return (response.data?.[field].nodes ?? []).map((node: { id: string }) => node.id);
}

describe('agency isolation through the API', () => {
  it('lists and nested fields never show another agency’s records', async () => {
    const theirs = await everything(mosprom);
    const ours = await everything(asmex);
    const mospromIds = new Set(Object.values(theirs).flatMap((ids) => [...ids]));
    expect(mospromIds.size).toBeGreaterThan(50);
    for (const [field, ids] of Object.entries(ours)) {
      const leaked = [...ids].filter((id) => mospromIds.has(id));
      expect(leaked, field).toEqual([]);
    }
  });

  it('reads another agency’s record by id as null', async () => {
    const byId = Object.values(schema.getQueryType()!.getFields()).filter(
      (f) => f.args.length === 1 && f.args[0].name === 'id' && isObjectType(getNamedType(f.type)),
    );
    expect(byId.map((f) => f.name)).toContain('company');
    for (const field of byId) {
      const typeName = getNamedType(field.type).name;
      const list = rootConnections().find((f) => getNamedType(f.type).name === `${typeName}Connection`);
      if (!list) continue;
      const ids = (await topLevelIds(mosprom, list.name)).slice(0, 3);
      expect(ids.length, `${list.name} has demo records`).toBeGreaterThan(0);
      for (const id of ids) {
        const query = `query($id: ID!) { ${field.name}(id: $id) { id } }`;
        expect((await server.gql(query, { id }, { cookie: mosprom })).data?.[field.name]?.id).toBe(id);
        const response = await server.gql(query, { id }, { cookie: asmex });
        expect(response.data?.[field.name], `${field.name}(${id})`).toBeNull();
      }
    }
  });

  it('refuses to change another agency’s records, and they stay unchanged', async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    let probed = 0;
    for (const mutation of mutations) {
      const inputArg = mutation.args.find((arg) => arg.name === 'input');
      if (!inputArg) continue;
      const inputType = getNamedType(inputArg.type) as unknown as { getFields(): Record<string, { type: unknown }> };
      const fields = inputType.getFields();
      const targetField = Object.keys(fields).find(
        (name) =>
          name.endsWith('Id') && isNonNullType(fields[name].type as never) && !isListType(fields[name].type as never),
      );
      if (!targetField || !/^(update|complete|move|set|deactivate|reactivate|revoke|merge)/.test(mutation.name))
        continue;
      const singular = targetField.slice(0, -2);
      const plural = singular.endsWith('y') ? `${singular.slice(0, -1)}ies` : `${singular}s`;
      const list = rootConnections().find(
        (f) => f.name === plural || f.name.endsWith(plural.charAt(0).toUpperCase() + plural.slice(1)),
      );
      if (!list) continue;
      const [victim] = await topLevelIds(mosprom, list.name);
      const before = await everythingAbout(list.name, victim);
      const input = { ...(dummyValue(inputArg.type) as object), [targetField]: victim };
      const response = await server.gql(
        `mutation($input: ${String(inputArg.type)}) { ${mutation.name}(input: $input) { userErrors { code field } } }`,
        { input },
        { cookie: asmex },
      );
      expect(response.errors, mutation.name).toBeUndefined();
      const userErrors = response.data?.[mutation.name].userErrors ?? [];
      expect(userErrors.length, `${mutation.name} on another agency's ${targetField}`).toBeGreaterThan(0);
      expect(await everythingAbout(list.name, victim)).toEqual(before);
      probed++;
    }
    expect(probed).toBeGreaterThanOrEqual(1);
  });
});

async function everythingAbout(list: string, id: string): Promise<unknown> {
  const nodeType = getNamedType(
    (getNamedType(schema.getQueryType()!.getFields()[list].type) as GraphQLObjectType).getFields().nodes.type,
  ) as GraphQLObjectType;
  const scalars = Object.values(nodeType.getFields())
    .filter((f) => !isObjectType(getNamedType(f.type)) && noRequiredArgs(f))
    .map((f) => f.name);
  const response = await server.gql(
    `{ ${list}(first: 100) { nodes { ${scalars.join(' ')} } } }`,
    {},
    { cookie: mosprom },
  );
  return response.data?.[list].nodes.find((node: { id: string }) => node.id === id);
}
