import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { unstorableTextPath } from './text-guard.js';

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('admin@mosprom.demo');
});
afterAll(() => server?.close());

const countTokensAndAudit = async () =>
  (
    await server.sql<{ n: number }>('select (select count(*) from api_token) + (select count(*) from audit_event) as n')
  )[0].n;

describe('text no database column can hold', () => {
  it('finds NUL and unpaired surrogates anywhere in the variables, keys included; pairs pass', () => {
    expect(unstorableTextPath({ input: { name: 'ok 😀 Москва e\u0301 \u202e' } })).toBeUndefined();
    expect(unstorableTextPath({ input: { name: 'a\u0000b' } })).toBe('input.name');
    expect(unstorableTextPath({ ids: ['x', '\ud800'] })).toBe('ids[1]');
    expect(unstorableTextPath({ input: { 'a\udfff': 1 } })).toBe('input.a\udfff');
    expect(unstorableTextPath({ s: '\udc00\ud800' })).toBe('s');
  });

  it.each([
    ['an unpaired surrogate', 'token \ud800'],
    ['a NUL character', 'token \u0000'],
  ])('is refused with BAD_USER_INPUT (HTTP 400) when a mutation gets %s, and nothing is written', async (_, name) => {
    const before = await countTokensAndAudit();
    const response = await server.gql(
      'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { userErrors { code } } }',
      { input: { name } },
      { cookie: admin },
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringContaining('$input.name'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await countTokensAndAudit()).toBe(before);
  });

  it('refuses an invitation e-mail with half an emoji instead of an internal error', async () => {
    const response = await server.gql(
      'mutation($input: InviteUserInput!) { inviteUser(input: $input) { userErrors { code } } }',
      { input: { email: 'a\ud83db@example.com', fullName: 'A', role: 'ADMIN' } },
      { cookie: admin },
    );
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a NUL written as an escape in a string literal of the query', async () => {
    const response = await server.gql('{ search(query: "a\\u0000b") { totalCount } }', {}, { cookie: admin });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringContaining('a string in the query'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('variable coercion with more errors than graphql-js reports', () => {
  it('answers BAD_USER_INPUT for every error, "too many errors" included, not an internal error', async () => {
    const response = await server.gql(
      'query($filter: DealFilter) { deals(filter: $filter) { totalCount } }',
      { filter: { currencies: Array(60).fill(null) } },
      { cookie: admin },
    );
    expect(response.status).toBe(400);
    const codes = new Set(response.errors?.map((error) => error.extensions?.code));
    expect([...codes]).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.at(-1)?.message).toContain('Too many errors');
  });
});
