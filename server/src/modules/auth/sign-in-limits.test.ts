import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { parseTrustedProxies } from '../../http/client-address.js';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../../test/test-server.js';
import { passwordHashing } from './password.js';

const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) { viewer { email } userErrors { code message } }
}`;

/** The defaults (5 per account, 20 per address, 15 minutes) without the growing delay, to keep the suite fast. */
const LIMITS = { ...loadConfig({}).signIn, delayMs: 0 };
const OWNER = 'manager@mosprom.demo';

let server: TestServer;
let clock = Date.now();
beforeAll(async () => {
  server = await startTestServer({
    // Requests come from 127.0.0.1: as a trusted proxy, X-Forwarded-For says which client each test plays.
    config: { signIn: LIMITS, trustedProxies: parseTrustedProxies('127.0.0.1') },
    app: { clock: () => clock },
  });
});
afterAll(() => server?.close());

function login(email: string, password: string, from: string) {
  return server.gql(LOGIN, { input: { email, password } }, { headers: { 'x-forwarded-for': from } });
}

describe('sign-in limits per account', () => {
  it('the 6th wrong password in 15 minutes is refused with 429 RATE_LIMITED and Retry-After, no hash computed', async () => {
    for (let i = 1; i <= 5; i++) {
      const failed = await login(OWNER, `guess-${i}`, '203.0.113.1');
      expect(failed.status).toBe(200);
      expect(failed.data?.login.userErrors[0].code).toBe('INVALID');
    }
    const hashesBefore = passwordHashing.started;
    // Even the right password: the attacker's sixth guess must not be told it is right.
    const refused = await login(OWNER, DEMO_PASSWORD, '203.0.113.1');
    expect(passwordHashing.started).toBe(hashesBefore);
    expect(refused.status).toBe(429);
    expect(refused.data?.login ?? null).toBeNull();
    const error = refused.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'account' });
    const seconds = Number(error?.extensions?.retryAfterSeconds);
    expect(seconds).toBeGreaterThan(14 * 60);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
    expect(refused.headers.get('retry-after')).toBe(String(seconds));
    expect(error?.message).toMatch(/Too many failed sign-ins.*15 min/);
    // Another address, unknown to the account, is refused too: the account is what is guessed.
    expect((await login(OWNER, DEMO_PASSWORD, '203.0.113.2')).status).toBe(429);
  });

  it('the owner still signs in from an address that signed in before, and everyone can after the window', async () => {
    const owner = 'analyst@mosprom.demo';
    expect((await login(owner, DEMO_PASSWORD, '198.51.100.10')).data?.login.viewer?.email).toBe(owner);
    for (let i = 1; i <= 5; i++) await login(owner, `guess-${i}`, '203.0.113.3');
    expect((await login(owner, DEMO_PASSWORD, '203.0.113.3')).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    const known = await login(owner, DEMO_PASSWORD, '198.51.100.10');
    expect(known.errors).toBeUndefined();
    expect(known.data?.login.viewer?.email).toBe(owner);
    expect(known.headers.get('set-cookie')).toMatch(/^crm_session=/);
    expect((await login(owner, DEMO_PASSWORD, '198.51.100.11')).status).toBe(429);

    clock += 15 * 60_000 + 1_000;
    const later = await login(owner, DEMO_PASSWORD, '198.51.100.11');
    expect(later.data?.login.viewer?.email).toBe(owner);
  });

  it('successful sign-ins do not count: the same account signs in many times from one address', async () => {
    for (let i = 0; i < 8; i++) {
      expect((await login('admin@mosprom.demo', DEMO_PASSWORD, '198.51.100.20')).data?.login.viewer).not.toBeNull();
    }
  });
});

describe('sign-in limits per address', () => {
  it('20 failures from one address over 20 e-mails, then that address is refused; others are not', async () => {
    const emails = Array.from({ length: LIMITS.addressFailures }, (_, i) => `nobody-${i}@example.com`);
    const answers = await Promise.all(emails.map((email) => login(email, 'guess', '192.0.2.50')));
    expect(answers.map((answer) => answer.data?.login.userErrors[0].code)).toEqual(emails.map(() => 'INVALID'));
    const hashesBefore = passwordHashing.started;
    const refused = await login('someone-else@example.com', 'guess', '192.0.2.50');
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'address' });
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(passwordHashing.started).toBe(hashesBefore);
    expect((await login('admin@asmex.demo', DEMO_PASSWORD, '192.0.2.51')).data?.login.viewer).not.toBeNull();
  });
});

describe('the audit log', () => {
  it('records a failed sign-in with the address and user agent in the user’s agency, not the password', async () => {
    const user = 'admin@rec.demo';
    await server.gql(
      LOGIN,
      { input: { email: user, password: 'wrong-guess' } },
      { headers: { 'x-forwarded-for': '198.51.100.99', 'user-agent': 'guesser/1.0' } },
    );
    const admin = await server.login(user);
    const log = await server.gql(
      `{ auditEvents(filter: { actions: ["loginFailed"] }, first: 10) {
          nodes { action entity entityId changes actor { email } } } }`,
      {},
      { cookie: admin },
    );
    const events = log.data?.auditEvents.nodes as { changes: Record<string, { after: unknown }> }[];
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'loginFailed', entity: 'User', actor: null });
    expect(events[0].changes.clientAddress.after).toBe('198.51.100.99');
    expect(events[0].changes.userAgent.after).toBe('guesser/1.0');
    expect(JSON.stringify(events)).not.toContain('wrong-guess');
    // Another agency's admin does not see it.
    const other = await server.gql(
      '{ auditEvents(filter: { actions: ["loginFailed"] }) { nodes { id } } }',
      {},
      {
        cookie: await server.login('admin@asmex.demo'),
      },
    );
    expect(other.data?.auditEvents.nodes).toEqual([]);
  });
});

describe('one login per request', () => {
  it('two logins in one operation are refused before any SQL', async () => {
    server.resetStatements();
    const response = await server.gql(
      `mutation { a: login(input: { email: "${OWNER}", password: "x" }) { viewer { id } }
                  b: login(input: { email: "${OWNER}", password: "y" }) { viewer { id } } }`,
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'login', value: 2 });
    expect(server.statements).toEqual([]);
  });

  it('also when the second login hides in a fragment', async () => {
    server.resetStatements();
    const response = await server.gql(
      `mutation { login(input: { email: "${OWNER}", password: "x" }) { viewer { id } } ...More }
       fragment More on Mutation { login(input: { email: "${OWNER}", password: "x" }) { viewer { id } } }`,
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'login' });
    expect(server.statements).toEqual([]);
  });

  it('an aliased mutation from an anonymous caller is refused; signed in, aliases work', async () => {
    server.resetStatements();
    const anonymous = await server.gql('mutation { bye: logout { ok } }');
    expect(anonymous.status).toBe(400);
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 0 });
    expect(server.statements).toEqual([]);
    const cookie = await server.login('admin@mosprom.demo');
    const signedIn = await server.gql('mutation { bye: logout { ok } }', {}, { cookie });
    expect(signedIn.data?.bye.ok).toBe(true);
  });
});
