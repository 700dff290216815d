import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/test-server.js';

let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startTestServer();
  cookie = await server.login('manager@mosprom.demo');
});
afterAll(() => server?.close());

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body,
  });
  return {
    status: response.status,
    body: (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[]; data?: unknown },
  };
}

describe('health', () => {
  it('/healthz says the process is up and /readyz that the database answers', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

describe('GraphQL over HTTP: bad input gets a clear error and the server keeps serving', () => {
  it('malformed GraphQL: 400 with GRAPHQL_PARSE_FAILED', async () => {
    const { status, body } = await post(JSON.stringify({ query: '{ viewer { email ' }));
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('malformed JSON: 400 with BAD_REQUEST', async () => {
    const { status, body } = await post('{"query": ');
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
  });

  it('unknown field: validation error without "Did you mean" suggestions in production', async () => {
    const { status, body } = await post(JSON.stringify({ query: '{ viewer { emial } }' }));
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it('a variable of the wrong type: BAD_USER_INPUT, nothing executed', async () => {
    const { status, body } = await post(
      JSON.stringify({
        query: 'mutation($input: LoginInput!) { login(input: $input) { userErrors { code } } }',
        variables: { input: { email: 42 } },
      }),
    );
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an oversized body: 413 PAYLOAD_TOO_LARGE', async () => {
    const { status, body } = await post(JSON.stringify({ query: `{ viewer { email } } #${'x'.repeat(1_100_000)}` }));
    expect(status).toBe(413);
    expect(body.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('batched arrays are refused', async () => {
    const { status } = await post(
      JSON.stringify([{ query: '{ viewer { email } }' }, { query: '{ viewer { email } }' }]),
    );
    expect(status).toBe(400);
  });

  it('GET runs queries (with a CSRF-safe header) but never mutations', async () => {
    const query = encodeURIComponent('{ viewer { email } }');
    const get = await fetch(`${server.url}/graphql?query=${query}`, {
      headers: { cookie, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: { viewer: { email: string } } }).data.viewer.email).toBe(
      'manager@mosprom.demo',
    );
    const mutation = encodeURIComponent('mutation { logout { ok } }');
    const refused = await fetch(`${server.url}/graphql?query=${mutation}`, {
      headers: { cookie, 'apollo-require-preflight': 'true' },
    });
    expect(refused.status).toBe(405);
    const csrf = await fetch(`${server.url}/graphql?query=${query}`, { headers: { cookie } });
    expect(csrf.status).toBe(400);
  });

  it('other methods get 405', async () => {
    expect((await fetch(`${server.url}/graphql`, { method: 'DELETE' })).status).toBe(405);
  });

  it('introspection is refused to anonymous callers and open to signed-in users', async () => {
    const query = JSON.stringify({ query: '{ __schema { queryType { name } } }' });
    const anonymous = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: query,
    });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    const signedIn = await post(query);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('still serves after all of that', async () => {
    const { status, body } = await post(JSON.stringify({ query: '{ viewer { email } }' }));
    expect(status).toBe(200);
    expect(body.data).toEqual({ viewer: { email: 'manager@mosprom.demo' } });
  });
});
