import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../../test/test-server.js';

const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) { viewer { email fullName role agency { shortName } } userErrors { field message code } }
}`;
const VIEWER = '{ viewer { email role agency { shortName baseCurrency } } }';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('sign-in', () => {
  it('signs in with the right password and sets an httpOnly, SameSite=Lax session cookie', async () => {
    const response = await server.gql(LOGIN, { input: { email: 'manager@mosprom.demo', password: DEMO_PASSWORD } });
    expect(response.errors).toBeUndefined();
    expect(response.data?.login.userErrors).toEqual([]);
    expect(response.data?.login.viewer).toMatchObject({ email: 'manager@mosprom.demo', role: 'ACCOUNT_MANAGER' });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^crm_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const viewer = await server.gql(VIEWER, {}, { cookie: cookie.split(';')[0] });
    expect(viewer.data?.viewer).toEqual({
      email: 'manager@mosprom.demo',
      role: 'ACCOUNT_MANAGER',
      agency: expect.objectContaining({ shortName: expect.any(String) }),
    });
  });

  it('accepts the e-mail in any case and with spaces around it', async () => {
    const response = await server.gql(LOGIN, { input: { email: '  Admin@Mosprom.Demo ', password: DEMO_PASSWORD } });
    expect(response.data?.login.viewer?.role).toBe('ADMIN');
  });

  it('answers a wrong password and an unknown e-mail with the same generic error and no cookie', async () => {
    const wrongPassword = await server.gql(LOGIN, {
      input: { email: 'manager@mosprom.demo', password: 'nope-nope-nope' },
    });
    const unknownEmail = await server.gql(LOGIN, { input: { email: 'nobody@mosprom.demo', password: DEMO_PASSWORD } });
    for (const response of [wrongPassword, unknownEmail]) {
      expect(response.data?.login).toEqual({
        viewer: null,
        userErrors: [{ field: null, message: 'Wrong e-mail or password.', code: 'INVALID' }],
      });
      expect(response.headers.get('set-cookie')).toBeNull();
    }
  });

  it('stores only a hash of the session id', async () => {
    const cookie = await server.login('analyst@mosprom.demo');
    const token = cookie.split('=')[1];
    const rows = await server.db.orm.em
      .getConnection()
      .execute<{ token_hash: string }[]>('select token_hash from session');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.token_hash)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('logout ends the session server-side: the old cookie no longer works', async () => {
    const cookie = await server.login('analyst@mosprom.demo');
    expect((await server.gql(VIEWER, {}, { cookie })).data?.viewer?.email).toBe('analyst@mosprom.demo');
    const logout = await server.gql('mutation { logout { ok } }', {}, { cookie });
    expect(logout.data?.logout.ok).toBe(true);
    expect(logout.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await server.gql(VIEWER, {}, { cookie })).data?.viewer).toBeNull();
  });

  it('treats a forged or malformed cookie as signed out', async () => {
    for (const cookie of [
      'crm_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'crm_session=../../etc',
      'crm_session=',
    ]) {
      const response = await server.gql(VIEWER, {}, { cookie });
      expect(response.errors).toBeUndefined();
      expect(response.data?.viewer).toBeNull();
    }
    const guarded = await server.gql(
      '{ agency { name } }',
      {},
      { cookie: 'crm_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    );
    expect(guarded.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a deactivated user at once, even with a live session', async () => {
    const cookie = await server.login('admin@rec.demo');
    await server.db.orm.em.getConnection().execute(`update "user" set active = false where email = 'admin@rec.demo'`);
    expect((await server.gql(VIEWER, {}, { cookie })).data?.viewer).toBeNull();
    const again = await server.gql(LOGIN, { input: { email: 'admin@rec.demo', password: DEMO_PASSWORD } });
    expect(again.data?.login.userErrors[0].code).toBe('INVALID');
  });
});
