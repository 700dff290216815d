import 'reflect-metadata';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { type App, createApp } from '../http/app.js';
import { createLogger } from '../log/logger.js';
import { type ResponseNode, startTestServer, type TestServer } from '../test/test-server.js';

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('admin@mosprom.demo');
});
afterAll(() => server?.close());

const LIMITS = loadConfig({}).limits;

describe('query cost', () => {
  it('is computed before execution as documented: nested connections multiply, variables and defaults count', async () => {
    const query = `query($first: Int) {
      companies(first: $first) {
        totalCount
        pageInfo { hasNextPage }
        nodes { name accountManager { fullName } missions(first: 5) { nodes { name } } }
        edges { cursor node { id } }
      }
    }`;
    // page 1 + totalCount 1 + 10 × (node 1 + accountManager 1 + missions page 1 + 5 × node 1) + 10 × (node 1)
    const response = await server.gql(query, { first: 10 }, { cookie: admin });
    expect(response.errors).toBeUndefined();
    expect(response.extensions?.cost).toMatchObject({
      requested: 2 + 10 * 8 + 10,
      limit: LIMITS.maxCost,
      remaining: null,
    });
    // Without `first`, a connection counts its default page of 20.
    const byDefault = await server.gql(query, {}, { cookie: admin });
    expect(byDefault.extensions?.cost.requested).toBe(2 + 20 * 8 + 20);

    // Actual: the same count on what came back.
    // Each company: node 1 + accountManager 1 (null or not: it was looked up) + missions page 1 + its missions.
    const companies = response.data?.companies.nodes as { missions: { nodes: unknown[] } }[];
    const actual =
      2 +
      companies.reduce((sum, company) => sum + 3 + company.missions.nodes.length, 0) +
      response.data?.companies.edges.length;
    expect(response.extensions?.cost.actual).toBe(actual);
    expect(actual).toBeLessThanOrEqual(response.extensions!.cost.requested);
  });

  it('counts plain lists as 10 items, fragments as expanded, skipped fields not, and mutations 10', async () => {
    const lists = await server.gql('{ companies(first: 2) { nodes { sectors { code } } } }', {}, { cookie: admin });
    expect(lists.extensions?.cost.requested).toBe(1 + 2 * (1 + 10 * 1));
    const fragments = await server.gql(
      `query($skip: Boolean!) {
        companies(first: 3) { ...page }
        again: companies(first: 3) { ...page nodes @skip(if: $skip) { accountManager { id } } }
      }
      fragment page on CompanyConnection { nodes { missions(first: 2) { totalCount } } }`,
      { skip: true },
      { cookie: admin },
    );
    expect(fragments.extensions?.cost.requested).toBe(2 * (1 + 3 * (1 + 1 + 1)));
    const mutation = await server.gql(
      'mutation { createApiToken(input: { name: "cost" }) { apiToken { id } secret } }',
      {},
      { cookie: admin },
    );
    expect(mutation.extensions?.cost).toMatchObject({ requested: 10 + 1, actual: 10 + 1 });
  });

  it('is refused above the limit with the cost and the limit, before any SQL runs', async () => {
    const query = `query($n: Int) { companies(first: $n) { nodes { missions(first: 100) { nodes {
      participants(first: 100) { nodes { id } } } } } } }`;
    const cost = 1 + 100 * (1 + 1 + 100 * (1 + 1 + 100 * 1));
    for (const cookie of [undefined, admin]) {
      server.resetStatements();
      const response = await server.gql(query, { n: 100 }, cookie ? { cookie } : {});
      expect(response.status).toBe(400);
      expect(response.data).toBeUndefined();
      expect(response.errors).toEqual([
        {
          message: expect.stringContaining(`costs ${cost} points; the limit is ${LIMITS.maxCost}`),
          extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', value: cost, max: LIMITS.maxCost },
        },
      ]);
      expect(response.extensions?.cost).toEqual({ requested: cost, actual: 0, limit: LIMITS.maxCost, remaining: null });
      // Only the viewer's session was looked up: no statement read a company, mission or participant.
      expect(server.statements.filter((sql) => !/\bsession\b/.test(sql))).toEqual([]);
      expect(server.statements.length).toBe(cookie ? 1 : 0);
    }
  });

  it('is reported on every response, errors included', async () => {
    const anonymous = await server.gql('{ viewer { id } }');
    expect(anonymous.extensions?.cost).toEqual({ requested: 1, actual: 1, limit: LIMITS.maxCost, remaining: null });
    const invalid = await server.gql('{ nope }', {}, { cookie: admin });
    expect(invalid.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(invalid.extensions?.cost).toEqual({ requested: 0, actual: 0, limit: LIMITS.maxCost, remaining: null });
  });
});

describe('depth, aliases and size', () => {
  it('refuses a query nested deeper than the limit, fragments included; introspection is not counted', async () => {
    const deep = `{ companies { nodes { missions { nodes { participants { nodes { company { ...more } } } } } } } }
      fragment more on Company { missions { nodes { participants { nodes { company { name } } } } } }`;
    const response = await server.gql(deep, {}, { cookie: admin });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      message: `The query is 13 levels deep; the limit is ${LIMITS.maxDepth}.`,
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'depth', value: 13, max: LIMITS.maxDepth },
    });
    const introspection = await server.gql(getIntrospectionQuery(), {}, { cookie: admin });
    expect(introspection.errors).toBeUndefined();
  });

  it('refuses more aliases than the limit', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`;
    expect((await server.gql(aliases(LIMITS.maxAliases), {}, { cookie: admin })).errors).toBeUndefined();
    const response = await server.gql(aliases(LIMITS.maxAliases + 1), {}, { cookie: admin });
    expect(response.errors?.[0]).toMatchObject({
      message: `The query has ${LIMITS.maxAliases + 1} aliases; the limit is ${LIMITS.maxAliases}.`,
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'aliases' },
    });
  });

  it('counts aliases and cost inside introspection, and allows __schema once per operation', async () => {
    const types = (n: number) =>
      `{ __schema { ${Array.from({ length: n }, (_, i) => `t${i}: types { name fields { name } }`).join(' ')} } }`;
    const aliased = await server.gql(types(LIMITS.maxAliases + 1), {}, { cookie: admin });
    expect(aliased.status).toBe(400);
    expect(aliased.data).toBeUndefined();
    expect(aliased.errors?.[0]).toMatchObject({
      message: `The query has ${LIMITS.maxAliases + 1} aliases; the limit is ${LIMITS.maxAliases}.`,
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'aliases' },
    });

    const twice = await server.gql(
      '{ a: __schema { queryType { name } } b: __schema { queryType { name } } }',
      {},
      {
        cookie: admin,
      },
    );
    expect(twice.status).toBe(400);
    expect(twice.data).toBeUndefined();
    expect(twice.errors?.[0]).toMatchObject({
      message: 'The query asks for __schema 2 times; it may be asked for once per operation.',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'introspection', value: 2, max: 1 },
    });
    const viaFragment = await server.gql(
      '{ __schema { queryType { name } } ...again } fragment again on Query { x: __schema { queryType { name } } }',
      {},
      { cookie: admin },
    );
    expect(viaFragment.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'introspection' });

    // `__schema.types` costs one per type of the schema, times what is selected on a type.
    const once = await server.gql('{ __schema { types { name fields { name } } } }', {}, { cookie: admin });
    expect(once.errors).toBeUndefined();
    const count = (once.data!.__schema.types as unknown[]).length;
    expect(count).toBeGreaterThan(50);
    expect(once.extensions?.cost).toMatchObject({ requested: 1 + count * (1 + 1), actual: 1 + count * (1 + 1) });
    // So copies of the full type list soon exceed the cost limit.
    const copies = Math.ceil(LIMITS.maxCost / (2 * count)) + 1;
    const costly = await server.gql(types(copies), {}, { cookie: admin });
    expect(costly.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });

    // GraphiQL's own introspection query still runs, and costs something.
    const graphiql = await server.gql(getIntrospectionQuery(), {}, { cookie: admin });
    expect(graphiql.errors).toBeUndefined();
    expect(graphiql.extensions?.cost.requested).toBeGreaterThan(count);
    expect(graphiql.extensions?.cost.requested).toBeLessThan(LIMITS.maxCost);
  });

  it('refuses a document of more tokens than the limit as a parse error (400)', async () => {
    const big = `{ viewer { ${'id '.repeat(LIMITS.maxTokens)} } }`;
    const response = await server.gql(big, {}, { cookie: admin });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      // graphql-js 16 says "more that".
      message: expect.stringMatching(new RegExp(`more th(an|at) ${LIMITS.maxTokens} tokens`)),
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });
});

describe('API token budget (leaky bucket)', () => {
  const capacity = 100;
  const perMinute = 60; // one point a second
  let now = 0;
  let app: App;
  let url: string;
  let token: string;
  let otherToken: string;

  beforeAll(async () => {
    const config = loadConfig({});
    const limits = { ...config.limits, maxCost: capacity, tokenBudget: { capacity, perMinute } };
    app = await createApp({ ...config, production: true, limits }, server.db, createLogger({ level: 'silent' }), {
      clock: () => now,
    });
    url = await app.listen(0, '127.0.0.1');
    const create = 'mutation { createApiToken(input: { name: "budget" }) { secret } }';
    token = (await server.gql(create, {}, { cookie: admin })).data?.createApiToken.secret;
    const analyst = await server.login('analyst@mosprom.demo');
    otherToken = (await server.gql(create, {}, { cookie: analyst })).data?.createApiToken.secret;
  });
  afterAll(() => app?.close());

  async function call(query: string, auth: { token?: string; cookie?: string }) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
        ...(auth.cookie ? { cookie: auth.cookie } : {}),
      },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: ResponseNode; errors?: ResponseNode[]; extensions?: ResponseNode };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), ...body };
  }

  /** 20 aliases of `viewer { agency { id } }`: 40 points requested, 40 actual. */
  const FORTY = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: viewer { agency { id } }`).join(' ')} }`;

  it('spends each request’s cost, refuses with RATE_LIMITED, 429 and the seconds to wait, and refills with time', async () => {
    now = 0;
    const first = await call(FORTY, { token });
    expect(first.extensions?.cost).toEqual({ requested: 40, actual: 40, limit: capacity, remaining: 60 });
    expect((await call(FORTY, { token })).extensions?.cost.remaining).toBe(20);

    const refused = await call(FORTY, { token });
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('20');
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining('Retry in 20 s'),
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 20, cost: 40, remaining: 20 },
    });
    expect(refused.extensions?.cost).toEqual({ requested: 40, actual: 0, limit: capacity, remaining: 20 });

    // Another user's token has its own bucket; the same user's browser session has none.
    expect((await call(FORTY, { token: otherToken })).extensions?.cost.remaining).toBe(60);
    const session = await call(FORTY, { cookie: admin });
    expect(session.errors).toBeUndefined();
    expect(session.extensions?.cost.remaining).toBeNull();

    now = 19_000;
    const early = await call(FORTY, { token });
    expect(early.status).toBe(429);
    expect(early.errors?.[0].extensions.retryAfterSeconds).toBe(1);
    now = 20_000;
    const onTime = await call(FORTY, { token });
    expect(onTime.errors).toBeUndefined();
    expect(onTime.extensions?.cost.remaining).toBe(0);

    // A full minute and more later the bucket is empty again (it leaks, it does not overflow).
    now = 200_000;
    expect((await call(FORTY, { token })).extensions?.cost.remaining).toBe(60);
  });

  it('gives back what a request did not use (actual below requested)', async () => {
    now = 1_000_000;
    const sectors = await call('{ sectors(first: 90) { nodes { code } } }', { token });
    const { requested, actual, remaining } = sectors.extensions!.cost;
    expect(requested).toBe(91);
    expect(actual).toBe(1 + sectors.data?.sectors.nodes.length);
    expect(actual).toBeLessThan(requested);
    expect(remaining).toBe(capacity - actual);
  });

  it('still charges a request whose failing root field nulls the whole response', async () => {
    now = 2_000_000;
    // 20 viewers run (40 points) before `companies(first: 1000)` fails; it is non-null, so data is null.
    const failing = FORTY.replace(/ }$/, ' companies(first: 1000) { totalCount } }');
    const first = await call(failing, { token });
    expect(first.data).toBeNull();
    expect(first.errors?.length).toBeGreaterThan(0);
    expect(first.extensions?.cost).toMatchObject({ requested: 42, remaining: capacity - 42 });
    const second = await call(failing, { token });
    expect(second.data).toBeNull();
    expect(second.extensions?.cost.remaining).toBe(capacity - 84);
  });
});
