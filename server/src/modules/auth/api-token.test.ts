import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let analyst: string;

const CREATE = `mutation($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { secret apiToken { id name prefix expiresAt lastUsedAt } userErrors { field code } }
}`;
const WHO = '{ viewer { email role agency { shortName } } }';

beforeAll(async () => {
  server = await startTestServer();
  analyst = await server.login('analyst@mosprom.demo');
});
afterAll(() => server?.close());

async function create(name = 'notebook', expiresInDays?: number) {
  const response = await server.gql(CREATE, { input: { name, expiresInDays } }, { cookie: analyst });
  return response.data?.createApiToken;
}

describe('API tokens', () => {
  it('authenticate as their owner, with the owner’s role and agency, and record their last use', async () => {
    const created = await create();
    expect(created.userErrors).toEqual([]);
    expect(created.secret).toMatch(/^crm_[A-Za-z0-9_-]{43}$/);
    expect(created.secret.startsWith(created.apiToken.prefix)).toBe(true);
    const response = await server.gql(WHO, {}, { token: created.secret });
    expect(response.data?.viewer).toMatchObject({ email: 'analyst@mosprom.demo', role: 'ANALYST' });
    const listed = await server.gql('{ apiTokens { id lastUsedAt } }', {}, { cookie: analyst });
    const mine = listed.data?.apiTokens.find((t: { id: string }) => t.id === created.apiToken.id);
    expect(mine.lastUsedAt).not.toBeNull();
  });

  it('are stored only as a hash: the secret appears nowhere in the database', async () => {
    const created = await create('hash check');
    const dump = await server.db.orm.em.getConnection().execute('select * from api_token');
    expect(JSON.stringify(dump)).not.toContain(created.secret);
    const audit = await server.db.orm.em.getConnection().execute('select changes from audit_event');
    expect(JSON.stringify(audit)).not.toContain(created.secret);
  });

  it('stop working once revoked, or expired, or when the owner is deactivated: 401 UNAUTHENTICATED', async () => {
    const revoked = await create('to revoke');
    const revoke = await server.gql(
      'mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { apiToken { id } userErrors { code } } }',
      { input: { apiTokenId: revoked.apiToken.id } },
      { cookie: analyst },
    );
    expect(revoke.data?.revokeApiToken.userErrors).toEqual([]);
    const expired = await create('to expire');
    await server.db.orm.em
      .getConnection()
      .execute(`update api_token set expires_at = now() - interval '1 second' where id = ?`, [expired.apiToken.id]);
    for (const secret of [revoked.secret, expired.secret, 'crm_forged', 'not-even-a-token']) {
      const response = await server.gql(WHO, {}, { token: secret });
      expect(response.status).toBe(401);
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    const owned = await create('owner leaves');
    await server.db.orm.em
      .getConnection()
      .execute(`update "user" set active = false where email = 'analyst@mosprom.demo'`);
    expect((await server.gql(WHO, {}, { token: owned.secret })).status).toBe(401);
    await server.db.orm.em
      .getConnection()
      .execute(`update "user" set active = true where email = 'analyst@mosprom.demo'`);
  });

  it('is never readable after creation: not through the API, not in the SQL log or anything the server prints', async () => {
    const printed: string[] = [];
    const capture = (chunk: unknown) => {
      printed.push(String(chunk));
      return true;
    };
    const spies = [
      vi.spyOn(process.stdout, 'write').mockImplementation(capture),
      vi.spyOn(process.stderr, 'write').mockImplementation(capture),
      ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          printed.push(args.map(String).join(' '));
        }),
      ),
    ];
    server.resetStatements();
    try {
      const created = await create('never again');
      const { secret } = created;
      await server.gql(WHO, {}, { token: secret });
      await server.gql('{ nope }', {}, { token: secret });
      await server.gql(
        'mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { userErrors { code } } }',
        { input: { apiTokenId: created.apiToken.id } },
        { cookie: analyst },
      );
      await server.gql(WHO, {}, { token: secret });
      const fields = await server.gql('{ __type(name: "ApiToken") { fields { name } } }', {}, { cookie: analyst });
      expect(fields.data?.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual([
        'createdAt',
        'expiresAt',
        'id',
        'lastUsedAt',
        'name',
        'prefix',
        'revokedAt',
        'updatedAt',
      ]);
      const listed = await server.gql('{ apiTokens { id name prefix } }', {}, { cookie: analyst });
      expect(JSON.stringify(listed)).not.toContain(secret);
      expect(listed.data?.apiTokens.find((t: { id: string }) => t.id === created.apiToken.id).prefix).toBe(
        secret.slice(0, 12),
      );
      expect(server.statements.length).toBeGreaterThan(0);
      expect(server.statements.join('\n')).not.toContain(secret);
      expect(server.statements.join('\n')).not.toContain(secret.slice(12));
      expect(printed.join('\n')).not.toContain(secret.slice(12));
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('cannot be revoked by another user', async () => {
    const created = await create('mine');
    const other = await server.login('manager@mosprom.demo');
    const response = await server.gql(
      'mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { userErrors { code } } }',
      { input: { apiTokenId: created.apiToken.id } },
      { cookie: other },
    );
    expect(response.data?.revokeApiToken.userErrors[0].code).toBe('NOT_FOUND');
    expect((await server.gql(WHO, {}, { token: created.secret })).data?.viewer.email).toBe('analyst@mosprom.demo');
  });

  it('cannot be minted with a token: only a browser session creates tokens (FORBIDDEN userError, nothing written)', async () => {
    const leaked = await create('leaked');
    const count = async () =>
      (await server.db.orm.em.getConnection().execute('select count(*)::int as n from api_token'))[0].n as number;
    const before = await count();
    const response = await server.gql(
      CREATE,
      { input: { name: 'minted by a thief', expiresInDays: 365 } },
      { token: leaked.secret },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.createApiToken).toMatchObject({ secret: null, apiToken: null });
    const errors = (
      await server.gql(
        'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { userErrors { code field message } } }',
        { input: { name: 'again' } },
        { token: leaked.secret },
      )
    ).data?.createApiToken.userErrors;
    expect(errors).toEqual([{ code: 'FORBIDDEN', field: null, message: expect.stringMatching(/signed in|session/i) }]);
    expect(await count()).toBe(before);
    const withSession = await create('from the browser');
    expect(withSession.userErrors).toEqual([]);
    expect(await count()).toBe(before + 1);
  });

  it('refuses a bad name or lifetime', async () => {
    const response = await server.gql(CREATE, { input: { name: '', expiresInDays: 0 } }, { cookie: analyst });
    expect(response.data?.createApiToken.userErrors.map((e: { field: string[] }) => e.field.join('.')).sort()).toEqual([
      'input.expiresInDays',
      'input.name',
    ]);
  });
});
