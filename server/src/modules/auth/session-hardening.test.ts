import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../../test/test-server.js';

const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) { viewer { email } userErrors { message } }
}`;
const VIEWER = '{ viewer { email } }';

describe('session idle timeout', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { sessionIdleHours: 12 } });
  });
  afterAll(() => server?.close());

  const lastSeen = async (userEmail: string) => {
    const rows = await server.sql<{ last_seen_at: Date }>(
      'select s.last_seen_at from session s join "user" u on u.id = s.user_id where u.email = ?',
      [userEmail],
    );
    expect(rows).toHaveLength(1);
    return new Date(rows[0].last_seen_at).getTime();
  };

  it('refuses a session idle longer than the timeout, though within its absolute lifetime', async () => {
    const cookie = await server.login('manager@mosprom.demo');
    expect((await server.gql(VIEWER, {}, { cookie })).data?.viewer).toEqual({ email: 'manager@mosprom.demo' });
    await server.sql(
      `update session set last_seen_at = now() - interval '13 hours', expires_at = now() + interval '10 days'
        where user_id = (select id from "user" where email = 'manager@mosprom.demo')`,
    );
    const response = await server.gql(VIEWER, {}, { cookie });
    expect(response.data?.viewer).toBeNull();
    expect(response.headers.get('set-cookie')).toMatch(/^crm_session=; Max-Age=0/);
    const me = await server.gql('{ companies(first: 1) { totalCount } }', {}, { cookie });
    expect(me.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('accepts a recently used session and moves its last-seen time forward', async () => {
    const cookie = await server.login('analyst@mosprom.demo');
    await server.sql(
      `update session set last_seen_at = now() - interval '11 hours'
        where user_id = (select id from "user" where email = 'analyst@mosprom.demo')`,
    );
    const before = await lastSeen('analyst@mosprom.demo');
    expect((await server.gql(VIEWER, {}, { cookie })).data?.viewer).toEqual({ email: 'analyst@mosprom.demo' });
    const after = await lastSeen('analyst@mosprom.demo');
    expect(after - before).toBeGreaterThan(10 * 3_600_000);
  });
});

describe('session cookie name', () => {
  let plain: TestServer;
  let secure: TestServer;
  beforeAll(async () => {
    [plain, secure] = await Promise.all([startTestServer(), startTestServer({ config: { cookieSecure: true } })]);
  });
  afterAll(async () => {
    await plain?.close();
    await secure?.close();
  });

  it('is __Host-crm_session, Path=/, Secure and without Domain when cookies are Secure', async () => {
    const response = await secure.gql(LOGIN, { input: { email: 'manager@mosprom.demo', password: DEMO_PASSWORD } });
    expect(response.data?.login.userErrors).toEqual([]);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^__Host-crm_session=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/; Secure; HttpOnly; SameSite=Lax$/,
    );
    expect(cookie).not.toMatch(/domain/i);
    const pair = cookie.split(';')[0];
    expect((await secure.gql(VIEWER, {}, { cookie: pair })).data?.viewer).toEqual({ email: 'manager@mosprom.demo' });
    // Only the exact name counts: the bare name (which a sibling subdomain could plant) is ignored.
    const bare = pair.replace('__Host-', '');
    expect((await secure.gql(VIEWER, {}, { cookie: bare })).data?.viewer).toBeNull();
  });

  it('authenticates nobody when the request carries the session cookie twice', async () => {
    const mine = await plain.login('manager@mosprom.demo');
    const planted = await plain.login('analyst@mosprom.demo');
    expect((await plain.gql(VIEWER, {}, { cookie: mine })).data?.viewer).toEqual({ email: 'manager@mosprom.demo' });
    for (const cookie of [`${planted}; ${mine}`, `${mine}; ${planted}`, `${mine}; ${mine}`]) {
      expect((await plain.gql(VIEWER, {}, { cookie })).data?.viewer).toBeNull();
    }
    const first = await secure.login('manager@mosprom.demo');
    const second = await secure.login('analyst@mosprom.demo');
    expect((await secure.gql(VIEWER, {}, { cookie: `${first}; ${second}` })).data?.viewer).toBeNull();
  });
});
