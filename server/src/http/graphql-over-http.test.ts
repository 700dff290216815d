import { type AuditResult, serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/test-server.js';

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer();
  cookie = await server.login('manager@mosprom.demo');
});
afterAll(() => server?.close());

/** The audit's requests, as a signed-in user: each carries the session cookie. */
const signedInFetch: typeof fetch = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('cookie', cookie);
  return fetch(input, { ...init, headers });
};

/**
 * GET requests without a preflight header are refused by CSRF prevention (which the web client
 * passes with `apollo-require-preflight`): the audit's plain GETs fail, as optional (MAY) cases.
 */
const EXPECTED_NOTICES = ['5A70', 'D6D5', '6A70'];

describe('graphql-http server audit (GraphQL over HTTP), signed in', () => {
  const results: AuditResult[] = [];
  const audits = serverAudits({ url: () => `${server.url}/graphql`, fetchFn: signedInFetch });

  for (const audit of audits) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      results.push(result);
      const outcome = result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`;
      if (result.status === 'notice') console.info(`notice ${audit.id} ${audit.name}: ${result.reason}`);
      expect(result.status === 'notice' ? 'ok' : outcome).toBe('ok');
    });
  }

  it('has no error and no warning; the notices are the known CSRF-refused GETs', () => {
    expect(results).toHaveLength(audits.length);
    expect(results.filter((r) => r.status === 'error' || r.status === 'warn').map((r) => r.id)).toEqual([]);
    expect(results.filter((r) => r.status === 'notice').map((r) => r.id)).toEqual(EXPECTED_NOTICES);
  });
});

async function post(body: unknown, accept?: string, extra: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}), ...extra },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const json = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    code: json.errors?.[0]?.extensions?.code,
    data: json.data,
  };
}

describe('status codes by Accept header', () => {
  const JSON_ONLY = 'application/json';
  const GRAPHQL_JSON = 'application/graphql-response+json';
  const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`;
  const cases: [string, unknown, string][] = [
    ['a document that does not parse', { query: '{ viewer { id ' }, 'GRAPHQL_PARSE_FAILED'],
    ['a document that does not validate', { query: '{ viewer { nope } }' }, 'GRAPHQL_VALIDATION_FAILED'],
    [
      'variables that do not coerce',
      { query: 'query($n: Int) { companies(first: $n) { totalCount } }', variables: { n: 'ten' } },
      'BAD_USER_INPUT',
    ],
    ['a query over a limit', { query: aliases }, 'QUERY_TOO_COMPLEX'],
    [
      'an unknown operation name',
      { query: 'query A { viewer { id } }', operationName: 'B' },
      'OPERATION_RESOLUTION_FAILURE',
    ],
  ];

  it.each(cases)('%s: 200 to application/json, 400 to graphql-response+json or no Accept', async (_, body, code) => {
    const json = await post(body, JSON_ONLY, { cookie });
    expect(json).toMatchObject({ status: 200, code, data: undefined });
    expect(json.type).toMatch(/^application\/json/);
    const graphql = await post(body, `${GRAPHQL_JSON}, ${JSON_ONLY};q=0.9`, { cookie });
    expect(graphql).toMatchObject({ status: 400, code, data: undefined });
    expect(graphql.type).toMatch(/^application\/graphql-response\+json/);
    // No Accept header or */*: the status tells the error, as before (curl -f, scripts).
    expect(await post(body, undefined, { cookie })).toMatchObject({ status: 400, code });
    expect(await post(body, '*/*', { cookie })).toMatchObject({ status: 400, code });
  });

  it('errors of the HTTP request itself keep their status for every Accept header', async () => {
    for (const accept of [JSON_ONLY, GRAPHQL_JSON, undefined]) {
      // Malformed JSON, a missing query, a body over the limit, introspection without a session.
      expect(await post('{"query": ', accept, { cookie })).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
      expect(await post({ variables: {} }, accept, { cookie })).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
      const big = { query: `{ viewer { id } } #${'x'.repeat(1_100_000)}` };
      expect(await post(big, accept, { cookie })).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
      const anonymous = await post({ query: '{ __schema { queryType { name } } }' }, accept);
      expect(anonymous).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    }
  });

  it('the HTTP layer’s own errors use the media type the client accepts', async () => {
    expect((await post('{"query": ', JSON_ONLY)).type).toMatch(/^application\/json/);
    expect((await post('{"query": ', GRAPHQL_JSON)).type).toMatch(/^application\/graphql-response\+json/);
    expect((await post('{"query": ', undefined)).type).toMatch(/^application\/json/);
  });
});
