import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, loadLimits } from '../config.js';
import { MAX_PAGE_SIZE } from '../shared/connection.js';
import { type GraphQLResponse, startTestServer, type TestServer } from '../test/test-server.js';

/**
 * The classic attacks on a GraphQL server, each refused with a clear code before any SQL but
 * the viewer's session look-up (docs/api.md, "Limits"; docs/security.md).
 */
let server: TestServer;
let cookie: string;

beforeAll(async () => {
  // Without the sign-in throttle's growing delay (250 ms, doubling), to keep the login flood fast.
  server = await startTestServer({ config: { signIn: { ...loadConfig({}).signIn, delayMs: 0 } } });
  cookie = await server.login('manager@mosprom.demo');
});
afterAll(() => server?.close());

const LIMITS = loadConfig({}).limits;

const repeat = (n: number, text: (i: number) => string) => Array.from({ length: n }, (_, i) => text(i)).join(' ');

/** Sends a signed-in request and returns its answer with the SQL it issued. */
async function attack(query: string, variables?: Record<string, unknown>) {
  server.resetStatements();
  const response = await server.gql(query, variables, { cookie });
  return { response, statements: [...server.statements] };
}

/** Refused before execution: no data, one error with `code`, and no SQL but the session look-up. */
function expectRefused(
  { response, statements }: { response: GraphQLResponse; statements: string[] },
  status: number,
  error: Record<string, unknown>,
) {
  expect(response.status).toBe(status);
  expect(response.data).toBeUndefined();
  expect(response.errors).toHaveLength(1);
  expect(response.errors?.[0]).toMatchObject(error);
  expect(statements.filter((sql) => !/\bsession\b/.test(sql))).toEqual([]);
  expect(statements.length).toBeLessThanOrEqual(1);
}

const tooComplex = (limit: string, extra: Record<string, unknown> = {}) => ({
  extensions: { code: 'QUERY_TOO_COMPLEX', limit, ...extra },
});

describe('attacks refused before any SQL', () => {
  it('depth: a query nested deeper than the limit', async () => {
    const levels = LIMITS.maxDepth + 1;
    // companies > nodes > missions > nodes > participants > nodes > company > ... > name: 13 levels.
    const deep = `{ companies { nodes { missions { nodes { participants { nodes { company { missions { nodes {
      participants { nodes { company { name } } } } } } } } } } } } }`;
    const result = await attack(deep);
    expectRefused(result, 400, {
      message: `The query is ${levels} levels deep; the limit is ${LIMITS.maxDepth}.`,
      ...tooComplex('depth', { value: levels, max: LIMITS.maxDepth }),
    });
  });

  it('aliases: one field asked for under many names', async () => {
    const n = LIMITS.maxAliases + 1;
    const result = await attack(`{ ${repeat(n, (i) => `a${i}: companies(first: 1) { totalCount }`)} }`);
    expectRefused(result, 400, tooComplex('aliases', { value: n, max: LIMITS.maxAliases }));
  });

  it('directives: more @include/@skip than the limit, fragments expanded', async () => {
    const max = LIMITS.maxDirectives;
    const fields = (n: number) => `{ viewer { ${repeat(n, () => 'id @include(if: true)')} } }`;
    const atLimit = await attack(fields(max));
    expect(atLimit.response.errors).toBeUndefined();
    expect(atLimit.response.data?.viewer.id).toBeTruthy();

    expectRefused(await attack(fields(max + 1)), 400, {
      message: `The query has ${max + 1} directives; the limit is ${max}.`,
      ...tooComplex('directives', { value: max + 1, max }),
    });
    // Ten directives in a fragment spread six times are sixty.
    const spreads = `{ viewer { ${repeat(6, () => '...ten')} } }
      fragment ten on User { ${repeat(10, () => 'id @skip(if: false)')} }`;
    expectRefused(await attack(spreads), 400, tooComplex('directives', { value: 60 }));
    expect(loadLimits({ CRM_MAX_QUERY_DIRECTIVES: '5' }).maxDirectives).toBe(5);
  });

  it('fragment cycles: refused by validation', async () => {
    const cycle = '{ ...a } fragment a on Query { viewer { id } ...b } fragment b on Query { ...a }';
    const result = await attack(cycle);
    expect(result.response.status).toBe(400);
    expect(result.response.data).toBeUndefined();
    expect(result.response.errors?.map((e) => e.extensions?.code)).toEqual(
      expect.arrayContaining(['GRAPHQL_VALIDATION_FAILED']),
    );
    expect(result.response.errors?.[0].message).toMatch(/Cannot spread fragment "a" within itself/);
    expect(result.statements.filter((sql) => !/\bsession\b/.test(sql))).toEqual([]);
  });

  it('token floods: a document over the token limit stops the parser', async () => {
    const result = await attack(`{ viewer { ${'id '.repeat(LIMITS.maxTokens)} } }`);
    expectRefused(result, 400, {
      message: expect.stringMatching(new RegExp(`more th(an|at) ${LIMITS.maxTokens} tokens`)),
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });

  it('duplicate fields: merged into one field and one cost; a flood stops validation’s work budget', async () => {
    const few = await attack(`{ viewer { ${'id '.repeat(500)}} }`);
    expect(few.response.errors).toBeUndefined();
    expect(few.response.data).toEqual({ viewer: { id: expect.any(String) } });
    expect(few.response.extensions?.cost).toMatchObject({ requested: 1, actual: 1 });
    // graphql-js (16.15) compares overlapping fields pairwise within a budget of work, then gives up:
    // thousands of copies, whatever fits in the token limit, are refused as invalid.
    const aborted = { message: 'Validation aborted.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expectRefused(await attack(`{ viewer { ${'id '.repeat(LIMITS.maxTokens - 10)}} }`), 400, aborted);
    const objects = Math.floor((LIMITS.maxTokens - 2) / 5);
    expectRefused(await attack(`{ ${'viewer { id } '.repeat(objects)}}`), 400, aborted);
    // One more `id` than the tokens allow is a parse error.
    expectRefused(await attack(`{ viewer { ${'id '.repeat(LIMITS.maxTokens)}} }`), 400, {
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });

  it('huge `first`: refused by the cost when it selects rows, by the page size check otherwise', async () => {
    const costly = await attack('query($n: Int) { companies(first: $n) { nodes { id } } }', { n: 1_000_000 });
    expectRefused(costly, 400, tooComplex('cost', { value: 1 + 1_000_000, max: LIMITS.maxCost }));
    const literal = await attack('{ deals(first: 1000000) { edges { node { id } } } }');
    expectRefused(literal, 400, tooComplex('cost'));

    // Cheap to count (no rows selected) but still over the page size: refused by the resolver, before its SQL.
    const count = await attack('query($n: Int) { companies(first: $n) { totalCount } }', { n: 1_000_000 });
    expect(count.response.status).toBe(200);
    expect(count.response.errors).toEqual([
      expect.objectContaining({
        message: `\`first\` must be between 0 and ${MAX_PAGE_SIZE}.`,
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    expect(count.statements.filter((sql) => !/\bsession\b/.test(sql))).toEqual([]);

    // Beyond 32 bits: not an Int, refused while coercing the variable.
    const huge = await attack('query($n: Int) { companies(first: $n) { totalCount } }', { n: 2 ** 40 });
    expectRefused(huge, 400, { extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('introspection breadth: aliases of __schema/__type are counted, __schema is allowed once', async () => {
    const n = LIMITS.maxAliases + 1;
    const types = await attack(`{ __schema { ${repeat(n, (i) => `t${i}: types { name fields { name } }`)} } }`);
    expectRefused(types, 400, tooComplex('aliases', { value: n }));
    const typeAliases = await attack(`{ ${repeat(n, (i) => `t${i}: __type(name: "Query") { fields { name } }`)} }`);
    expectRefused(typeAliases, 400, tooComplex('aliases', { value: n }));
    const twice = await attack('{ a: __schema { types { name } } b: __schema { types { name } } }');
    expectRefused(twice, 400, tooComplex('introspection', { value: 2, max: 1 }));
  });

  it('batched arrays: a JSON array body is refused (batching is off)', async () => {
    server.resetStatements();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', cookie },
      body: JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ companies { totalCount } }' }))),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphQLResponse;
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    expect(server.statements.filter((sql) => !/\bsession\b/.test(sql))).toEqual([]);
  });
});

describe('huge variable values', () => {
  it('a 900 KB search string is refused by the search’s length check, before its SQL', async () => {
    const query = 'query($q: String!) { search(query: $q) { nodes { __typename } } }';
    const result = await attack(query, { q: 'x'.repeat(900_000) });
    expect(result.response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.statements.filter((sql) => !/\bsession\b/.test(sql))).toEqual([]);
  });

  it('a 900 KB name filter is refused by the filters’ length check (200 characters), before its SQL', async () => {
    const query = 'query($q: String) { companies(filter: { nameContains: $q }) { totalCount } }';
    const result = await attack(query, { q: 'x'.repeat(900_000) });
    expect(result.response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.response.data).toBeNull();
    expect(result.statements.filter((sql) => !/\bsession\b/.test(sql))).toEqual([]);
  });

  it('a value past the body limit is refused before it is read: 413', async () => {
    const response = await server.gql('query($q: String!) { search(query: $q) { nodes { __typename } } }', {
      q: 'x'.repeat(loadConfig({}).maxBodyBytes),
    });
    expect(response.status).toBe(413);
    expect(response.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('deeply nested lists in a variable are refused while coercing it', async () => {
    // 100,000 levels in 200 KB: far more than JSON.stringify (or any recursive walk) survives.
    const depth = 100_000;
    const ids = `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
    const query = 'query($ids: [ID!]) { companies(filter: { sectorIds: $ids }) { totalCount } }';
    server.resetStatements();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', cookie },
      body: `{"query": ${JSON.stringify(query)}, "variables": {"ids": ${ids}}}`,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphQLResponse;
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(server.statements.filter((sql) => !/\bsession\b/.test(sql))).toEqual([]);
  });

  it('deeply nested lists in the document: bounded by the token limit, refused at parse or validation', async () => {
    const nested = (depth: number) =>
      `{ companies(filter: { sectorIds: ${'['.repeat(depth)}"x"${']'.repeat(depth)} }) { totalCount } }`;
    expectRefused(await attack(nested(1_000)), 400, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    // As deep as the token limit allows: graphql-js's recursive parser runs out of stack, which
    // Apollo answers as a parse error (400), never a 500.
    const deepest = Math.floor((LIMITS.maxTokens - 20) / 2);
    expectRefused(await attack(nested(deepest)), 400, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
  });
});

describe('login floods', () => {
  const guess = (alias: string, i: number) =>
    `${alias}login(input: { email: "analyst@mosprom.demo", password: "guess-${i}" }) { userErrors { code } }`;

  async function anonymous(query: string) {
    server.resetStatements();
    const response = await server.gql(query);
    return { response, statements: [...server.statements] };
  }

  it('many guesses in one request (aliased logins) are refused before any SQL or password hash', async () => {
    const aliased = await anonymous(`mutation { ${repeat(31, (i) => guess(`g${i}: `, i))} }`);
    expectRefused(aliased, 400, tooComplex('login', { value: 31, max: 1 }));
    expect(aliased.statements).toEqual([]);
    // Even one aliased login: without a session, mutations cannot be aliased.
    const one = await anonymous(`mutation { ${guess('g: ', 0)} }`);
    expectRefused(one, 400, tooComplex('aliases', { value: 1, max: 0 }));
    expect(one.statements).toEqual([]);
  });

  it('guesses one request at a time: the 6th failure in a row is refused with RATE_LIMITED (429)', async () => {
    for (let i = 1; i <= 5; i++) {
      const failed = await anonymous(`mutation { ${guess('', i)} }`);
      expect(failed.response.data?.login.userErrors[0].code).toBe('INVALID');
    }
    const refused = await anonymous(`mutation { ${guess('', 6)} }`);
    expect(refused.response.status).toBe(429);
    expect(refused.response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.response.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'account' });
    // Refused on the throttle's counts alone (shared by every server process: in PostgreSQL), before
    // any user, session or password is looked at.
    expect(refused.statements.join('\n')).not.toMatch(/"user"|session|password|audit_event/);
    expect(refused.statements.some((statement) => statement.includes('sign_in_attempt'))).toBe(true);
  });
});
