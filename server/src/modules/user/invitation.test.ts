import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let admin: string;

const INVITE = `mutation($input: InviteUserInput!) {
  inviteUser(input: $input) {
    user { id email fullName role active status lastLoginAt }
    link { path purpose expiresAt }
    userErrors { field code message existingId }
  }
}`;
const RESET = `mutation($input: ResetPasswordLinkInput!) {
  resetPasswordLink(input: $input) { user { id } link { path purpose expiresAt } userErrors { field code message } }
}`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { user { email role active status } userErrors { field code message } }
}`;
const INVITATION =
  'query($token: String!) { invitation(token: $token) { email fullName purpose expiresAt agencyName locale } }';
const WHO = '{ viewer { email role } }';
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('admin@mosprom.demo');
});
afterAll(() => server?.close());

const tokenOf = (path: string) => path.replace(/^\/invitation\//, '');

async function invite(email: string, role = 'ACCOUNT_MANAGER', locale?: string) {
  const input = { email, fullName: 'Анна Петрова', role, ...(locale ? { locale } : {}) };
  const response = await server.gql(INVITE, { input }, { cookie: admin });
  expect(response.errors).toBeUndefined();
  return response.data?.inviteUser;
}

async function accept(token: string, password = PASSWORD, cookie?: string) {
  const response = await server.gql(ACCEPT, { input: { token, password } }, cookie ? { cookie } : {});
  expect(response.errors).toBeUndefined();
  const setCookie = response.headers.get('set-cookie');
  return { payload: response.data?.acceptInvitation, cookie: setCookie?.split(';')[0] };
}

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return server.db.orm.em.getConnection().execute<T[]>(query, params);
}

describe('invitations', () => {
  it('create an inactive user without a password and a one-time link; the link sets the password and signs in', async () => {
    const before = Date.now();
    const invited = await invite('Anna.Petrova@Mosprom.demo', 'ACCOUNT_MANAGER', 'ru');
    expect(invited.userErrors).toEqual([]);
    expect(invited.user).toMatchObject({
      email: 'anna.petrova@mosprom.demo',
      role: 'ACCOUNT_MANAGER',
      active: false,
      status: 'INVITED',
      lastLoginAt: null,
    });
    expect(invited.link.path).toMatch(/^\/invitation\/[A-Za-z0-9_-]{43}$/);
    expect(invited.link.purpose).toBe('INVITATION');
    const expiresIn = Date.parse(invited.link.expiresAt) - before;
    expect(expiresIn).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(expiresIn).toBeLessThan(7 * 86_400_000 + 60_000);
    const token = tokenOf(invited.link.path);

    // The invitee cannot sign in yet; the link's page can greet them.
    await expect(server.login('anna.petrova@mosprom.demo', PASSWORD)).rejects.toThrow();
    expect((await server.gql(INVITATION, { token })).data?.invitation).toEqual({
      email: 'anna.petrova@mosprom.demo',
      fullName: 'Анна Петрова',
      purpose: 'INVITATION',
      expiresAt: invited.link.expiresAt,
      agencyName: expect.stringContaining('Mosprom'),
      locale: 'ru',
    });

    const tooShort = await accept(token, 'short');
    expect(tooShort.payload.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID', field: ['input', 'password'] }),
    ]);
    expect(tooShort.cookie).toBeUndefined();

    const { payload, cookie } = await accept(token);
    expect(payload).toEqual({
      user: { email: 'anna.petrova@mosprom.demo', role: 'ACCOUNT_MANAGER', active: true, status: 'ACTIVE' },
      userErrors: [],
    });
    expect((await server.gql(WHO, {}, { cookie })).data?.viewer).toEqual({
      email: 'anna.petrova@mosprom.demo',
      role: 'ACCOUNT_MANAGER',
    });
    expect(await server.login('anna.petrova@mosprom.demo', PASSWORD)).toMatch(/^crm_session=/);

    const audit = await sql<{ action: string; actor_id: string; changes: Record<string, unknown> }>(
      'select action, actor_id, changes from audit_event where entity_id = ? order by at, id',
      [invited.user.id],
    );
    // The attempt to sign in before accepting is a failed sign-in, audited with its address.
    expect(audit.map((event) => event.action)).toEqual(['inviteUser', 'loginFailed', 'acceptInvitation']);
    expect(audit[1].changes).toMatchObject({ clientAddress: { before: null, after: '127.0.0.1' } });
    expect(audit[2].actor_id).toBe(invited.user.id);
    expect(audit[2].changes).toEqual({
      active: { before: false, after: true },
      password: { before: null, after: 'set' },
    });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('work once: a used link is refused, and nothing changes', async () => {
    const invited = await invite('once@mosprom.demo');
    const token = tokenOf(invited.link.path);
    expect((await accept(token)).payload.userErrors).toEqual([]);
    const again = await accept(token, 'another password entirely');
    expect(again.payload).toEqual({
      user: null,
      userErrors: [
        {
          field: ['input', 'token'],
          code: 'INVALID',
          message: expect.stringContaining('expired or been used'),
        },
      ],
    });
    expect(again.cookie).toBeUndefined();
    expect((await server.gql(INVITATION, { token })).data?.invitation).toBeNull();
    await expect(server.login('once@mosprom.demo', 'another password entirely')).rejects.toThrow();
  });

  it('expire: an expired link is refused and the user stays invited', async () => {
    const invited = await invite('late@mosprom.demo');
    const token = tokenOf(invited.link.path);
    await sql(`update one_time_token set expires_at = now() - interval '1 second' where user_id = ?`, [
      invited.user.id,
    ]);
    expect((await accept(token)).payload.userErrors[0].code).toBe('INVALID');
    expect((await server.gql(INVITATION, { token })).data?.invitation).toBeNull();
    // The admin sends a new one: the user never accepted, so it is an invitation again.
    const fresh = await server.gql(RESET, { input: { userId: invited.user.id } }, { cookie: admin });
    expect(fresh.data?.resetPasswordLink.link.purpose).toBe('INVITATION');
    expect((await accept(tokenOf(fresh.data?.resetPasswordLink.link.path))).payload.user.status).toBe('ACTIVE');
  });

  it('are stored as a hash only', async () => {
    const invited = await invite('hashed@mosprom.demo');
    const token = tokenOf(invited.link.path);
    const rows = await sql('select * from one_time_token');
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(await sql('select * from audit_event'))).not.toContain(token);
    expect(server.statements.join('\n')).not.toContain(token);
  });

  it('refuse an e-mail already used, here or in another agency, with one same answer, and bad input', async () => {
    const count = async () =>
      (
        await sql<{ users: number; links: number; audits: number }>(
          `select (select count(*)::int from "user") as users, (select count(*)::int from one_time_token) as links,
                (select count(*)::int from audit_event where action = 'inviteUser') as audits`,
        )
      )[0];
    const before = await count();
    const answer = async (email: string, language: string) =>
      (
        await server.gql(
          INVITE,
          { input: { email, fullName: 'X', role: 'ANALYST' } },
          { cookie: admin, headers: { 'accept-language': language } },
        )
      ).data?.inviteUser;
    for (const language of ['en', 'fr', 'ru']) {
      // A user of this agency, and an admin of another agency: the answer must not tell them apart,
      // or an admin could learn who works elsewhere.
      const here = await answer('manager@mosprom.demo', language);
      const elsewhere = await answer('ADMIN@asmex.demo', language);
      expect(here).toEqual({
        user: null,
        link: null,
        userErrors: [
          { field: ['input', 'email'], code: 'DUPLICATE', message: expect.stringMatching(/\S/), existingId: null },
        ],
      });
      expect(elsewhere).toEqual(here);
    }
    expect(await count()).toEqual(before);
    const fresh = await answer('fresh.person@mosprom.demo', 'en');
    expect(fresh.userErrors).toEqual([]);
    expect(fresh.user).toMatchObject({ email: 'fresh.person@mosprom.demo', status: 'INVITED' });
    const bad = await server.gql(
      INVITE,
      { input: { email: 'not an e-mail', fullName: '', role: 'ANALYST' } },
      { cookie: admin },
    );
    expect(bad.data?.inviteUser.userErrors.map((e: { field: string[] }) => e.field.join('.')).sort()).toEqual([
      'input.email',
      'input.fullName',
    ]);
    const manager = await server.login('manager@mosprom.demo');
    const forbidden = await server.gql(
      INVITE,
      { input: { email: 'x@mosprom.demo', fullName: 'X', role: 'ADMIN' } },
      { cookie: manager },
    );
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('password reset links', () => {
  it('set a new password, end the user’s other sessions, and replace an earlier link', async () => {
    const oldSession = await server.login('analyst@mosprom.demo');
    const [{ id: userId }] = await sql<{ id: string }>(`select id from "user" where email = 'analyst@mosprom.demo'`);
    const first = await server.gql(RESET, { input: { userId } }, { cookie: admin });
    expect(first.data?.resetPasswordLink).toMatchObject({ user: { id: userId }, link: { purpose: 'PASSWORD_RESET' } });
    const second = await server.gql(RESET, { input: { userId } }, { cookie: admin });
    // Still signed in until the link is used.
    expect((await server.gql(WHO, {}, { cookie: oldSession })).data?.viewer.email).toBe('analyst@mosprom.demo');
    expect((await accept(tokenOf(first.data?.resetPasswordLink.link.path))).payload.userErrors[0].code).toBe('INVALID');

    const { payload, cookie } = await accept(tokenOf(second.data?.resetPasswordLink.link.path), 'a brand new password');
    expect(payload.userErrors).toEqual([]);
    expect((await server.gql(WHO, {}, { cookie: oldSession })).data?.viewer).toBeNull();
    expect((await server.gql(WHO, {}, { cookie })).data?.viewer.email).toBe('analyst@mosprom.demo');
    expect(await server.login('analyst@mosprom.demo', 'a brand new password')).toMatch(/^crm_session=/);
    const actions = await sql<{ action: string }>(
      'select action from audit_event where entity_id = ? order by at, id',
      [userId],
    );
    expect(actions.map((row) => row.action)).toEqual(['resetPasswordLink', 'resetPasswordLink', 'acceptInvitation']);
  });

  it('revoke the user’s API tokens once the new password is set: old tokens answer 401', async () => {
    const session = await server.login('analyst@mosprom.demo', 'a brand new password');
    const created = await server.gql(
      'mutation { createApiToken(input: { name: "before the reset" }) { secret userErrors { code } } }',
      {},
      { cookie: session },
    );
    const secret: string = created.data?.createApiToken.secret;
    expect((await server.gql(WHO, {}, { token: secret })).data?.viewer.email).toBe('analyst@mosprom.demo');
    const [{ id: userId }] = await sql<{ id: string }>(`select id from "user" where email = 'analyst@mosprom.demo'`);
    const reset = await server.gql(RESET, { input: { userId } }, { cookie: admin });
    // Not before the link is used: an admin's click alone does not cut a user's scripts off.
    expect((await server.gql(WHO, {}, { token: secret })).status).toBe(200);
    const { payload } = await accept(tokenOf(reset.data?.resetPasswordLink.link.path), 'yet another password');
    expect(payload.userErrors).toEqual([]);
    const after = await server.gql(WHO, {}, { token: secret });
    expect(after.status).toBe(401);
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const live = await sql<{ n: number }>(
      'select count(*)::int as n from api_token where user_id = ? and revoked_at is null',
      [userId],
    );
    expect(live[0].n).toBe(0);
  });

  it('are refused for a deactivated user (CONFLICT)', async () => {
    const [{ id: userId }] = await sql<{ id: string }>(`select id from "user" where email = 'manager@mosprom.demo'`);
    await server.gql(
      'mutation($input: DeactivateUserInput!) { deactivateUser(input: $input) { userErrors { code } } }',
      { input: { userId } },
      { cookie: admin },
    );
    const response = await server.gql(RESET, { input: { userId } }, { cookie: admin });
    expect(response.data?.resetPasswordLink).toMatchObject({ link: null, userErrors: [{ code: 'CONFLICT' }] });
  });
});
