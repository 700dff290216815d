import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type GraphQLResponse, startTestServer, type TestServer } from '../test/test-server.js';

type LogLine = Record<string, unknown> & { level: string; msg: string; requestId?: string };

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { viewer { email } userErrors { code } } }`;
const CREATE_TOKEN = `mutation CreateToken($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { secret userErrors { code } }
}`;
const VIEWER = 'query WhoAmI { viewer { id email } companies(first: 5) { nodes { id } } }';
const INVITE = `mutation Invite($input: InviteUserInput!) {
  inviteUser(input: $input) { user { id } link { path } userErrors { code } }
}`;
const RESET = `mutation ResetLink($input: ResetPasswordLinkInput!) {
  resetPasswordLink(input: $input) { link { path } userErrors { code } }
}`;
const ACCEPT = `mutation Accept($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { user { email } userErrors { code } }
}`;
const NEW_PASSWORD = 'a fresh password for logs';
const WRONG_PASSWORD = 'not-the-password-4711';

describe('logs', () => {
  const lines: string[] = [];
  let server: TestServer;
  /** Every value that must never reach a log line. */
  const secrets = new Set<string>([DEMO_PASSWORD, NEW_PASSWORD, WRONG_PASSWORD]);
  /** Lines logged by each request, by the id its response carried. */
  const byRequest = new Map<string, LogLine[]>();

  beforeAll(async () => {
    server = await startTestServer({ logDestination: { write: (line: string) => void lines.push(line) } });
    lines.length = 0;
  });
  afterAll(() => server?.close());

  const parsed = () => lines.map((line) => JSON.parse(line) as LogLine);

  /** Runs one request and keeps the lines it logged, checking they all carry its id. */
  async function logged<T extends { headers: Headers }>(request: () => Promise<T>): Promise<T> {
    const from = lines.length;
    const response = await request();
    // The access line is written once the response is done: the client may read it first.
    for (let turn = 0; turn < 1000 && !lines.slice(from).some((line) => line.includes('"msg":"request"')); turn++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    const own = lines.slice(from).map((line) => JSON.parse(line) as LogLine);
    const id = response.headers.get('x-request-id');
    expect(id).toBeTruthy();
    expect(own.length).toBeGreaterThan(0);
    expect(own.map((line) => line.requestId)).toEqual(own.map(() => id));
    byRequest.set(id as string, own);
    return response;
  }
  const accessLine = (requestId: string) => byRequest.get(requestId)?.find((line) => line.msg === 'request');
  const gql = (query: string, variables: Record<string, unknown>, options: Parameters<TestServer['gql']>[2] = {}) =>
    logged<GraphQLResponse>(() => server.gql(query, variables, options));

  let cookie: string;
  let secret: string;

  it('logs one access line per request, without the password of a sign-in or its cookie', async () => {
    const response = await gql(
      LOGIN,
      { input: { email: 'admin@mosprom.demo', password: DEMO_PASSWORD } },
      { headers: { 'x-request-id': 'login-1' } },
    );
    expect(response.headers.get('x-request-id')).toBe('login-1');
    cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(cookie).toMatch(/^crm_session=.+/);
    secrets.add(cookie.split('=')[1]);
    const [admin] = await server.sql<{ id: string; agency_id: string }>(
      `select id, agency_id from "user" where email = 'admin@mosprom.demo'`,
    );
    expect(accessLine('login-1')).toMatchObject({
      level: 'info',
      userId: admin.id,
      agencyId: admin.agency_id,
      via: 'session',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operationName: 'Login',
      operationType: 'mutation',
      clientAddress: '127.0.0.1',
      durationMs: expect.any(Number),
    });
    const failed = await gql(LOGIN, { input: { email: 'admin@mosprom.demo', password: WRONG_PASSWORD } });
    expect(failed.data?.login.userErrors).not.toEqual([]);
  });

  it('says who called, how (session or token), what the operation cost and how long it took', async () => {
    const created = await gql(CREATE_TOKEN, { input: { name: 'logs' } }, { cookie });
    secret = created.data?.createApiToken.secret;
    expect(secret).toMatch(/^crm_/);
    secrets.add(secret);
    const [admin] = await server.sql<{ id: string; agency_id: string }>(
      `select id, agency_id from "user" where email = 'admin@mosprom.demo'`,
    );
    expect(accessLine(created.headers.get('x-request-id') as string)).toMatchObject({
      operationName: 'CreateToken',
      userId: admin.id,
      agencyId: admin.agency_id,
      via: 'session',
    });

    const response = await gql(VIEWER, {}, { token: secret });
    expect(response.errors).toBeUndefined();
    const line = accessLine(response.headers.get('x-request-id') as string);
    expect(line).toMatchObject({
      level: 'info',
      status: 200,
      operationName: 'WhoAmI',
      operationType: 'query',
      userId: admin.id,
      agencyId: admin.agency_id,
      via: 'token',
      cost: { requested: response.extensions?.cost.requested, actual: response.extensions?.cost.actual },
    });
    expect(line?.cost).toEqual({ requested: expect.any(Number), actual: expect.any(Number) });
    expect(response.extensions?.cost.requested).toBeGreaterThan(1);
    expect(line?.durationMs).toEqual(expect.any(Number));
  });

  it('logs neither invitation nor password reset links, nor the passwords they set', async () => {
    const invited = await gql(
      INVITE,
      { input: { email: 'logged.invitee@mosprom.demo', fullName: 'Logged Invitee', role: 'ANALYST' } },
      { cookie },
    );
    const invitation = invited.data?.inviteUser.link.path.replace('/invitation/', '');
    expect(invitation.length).toBeGreaterThan(20);
    secrets.add(invitation);
    // The link's page: the token travels in the path of a GET.
    const page = await logged(() => fetch(`${server.url}/invitation/${invitation}`));
    expect(accessLine(page.headers.get('x-request-id') as string)?.path).toBe('/invitation/[redacted]');

    const [manager] = await server.sql<{ id: string }>(`select id from "user" where email = 'manager@mosprom.demo'`);
    const reset = await gql(RESET, { input: { userId: manager.id } }, { cookie });
    const resetToken = reset.data?.resetPasswordLink.link.path.replace('/invitation/', '');
    secrets.add(resetToken);
    const accepted = await gql(ACCEPT, { input: { token: resetToken, password: NEW_PASSWORD } });
    expect(accepted.data?.acceptInvitation.userErrors).toEqual([]);
    secrets.add(accepted.headers.get('set-cookie')?.split(';')[0].split('=')[1] ?? 'no cookie');
    expect(accessLine(accepted.headers.get('x-request-id') as string)?.operationName).toBe('Accept');
  });

  it('gives an error response the request id of its log lines, and logs the masked error once with it', async () => {
    // A broken table: the token's look-up fails inside the server, an internal error with the token at hand.
    await server.sql('alter table api_token rename to api_token_gone');
    let response: Response;
    try {
      // Raw: the test server's gql checks and removes the ids of errors (test-server.ts).
      response = await logged(() =>
        fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${secret}`,
            'x-request-id': 'broken-1',
          },
          body: JSON.stringify({ query: VIEWER }),
        }),
      );
    } finally {
      await server.sql('alter table api_token_gone rename to api_token');
    }
    expect(response.status).toBe(500);
    const body = (await response.json()) as GraphQLResponse;
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: 'broken-1' });
    const own = byRequest.get('broken-1') ?? [];
    const errorLine = own.find((line) => line.level === 'error' && line.msg !== 'request');
    expect(errorLine?.err).toMatchObject({ message: expect.stringContaining('api_token') });
    expect(accessLine('broken-1')).toMatchObject({
      level: 'error',
      status: 500,
      errorCodes: ['INTERNAL_SERVER_ERROR'],
    });

    const unknown = await gql(VIEWER, {}, { token: 'crm_not-a-token-but-secret-looking-00000000000000' });
    secrets.add('crm_not-a-token-but-secret-looking-00000000000000');
    const id = unknown.headers.get('x-request-id') as string;
    // gql checked that the error's requestId is the header's.
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(accessLine(id)).toMatchObject({ status: 401, errorCodes: ['UNAUTHENTICATED'] });

    const refused = await gql('query Broken { noSuchField }', {}, { cookie });
    expect(accessLine(refused.headers.get('x-request-id') as string)).toMatchObject({
      status: 400,
      errorCodes: ['GRAPHQL_VALIDATION_FAILED'],
    });
  });

  it('puts the request id in the plain HTTP errors of /graphql, /export and /import', async () => {
    const badJson = await logged(() =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'bad-json' },
        body: '{"query": ',
      }),
    );
    expect(((await badJson.json()) as GraphQLResponse).errors?.[0].extensions?.requestId).toBe('bad-json');
    expect(accessLine('bad-json')).toMatchObject({ status: 400, errorCodes: ['BAD_REQUEST'] });
    const exported = await logged(() => fetch(`${server.url}/export/companies.csv?filter=%7B%7D`));
    const exportBody = (await exported.json()) as GraphQLResponse;
    expect(exportBody.errors?.[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      requestId: exported.headers.get('x-request-id'),
    });
    expect(accessLine(exported.headers.get('x-request-id') as string)).toMatchObject({
      method: 'GET',
      path: '/export/companies.csv',
      status: 401,
      errorCodes: ['UNAUTHENTICATED'],
    });
    const imported = await logged(() =>
      fetch(`${server.url}/import/files`, { method: 'POST', headers: { authorization: `Bearer ${secret}x` } }),
    );
    const importBody = (await imported.json()) as { error: { code: string; requestId: string } };
    expect(importBody.error).toMatchObject({
      code: 'UNAUTHENTICATED',
      requestId: imported.headers.get('x-request-id'),
    });
    expect(accessLine(importBody.error.requestId)).toMatchObject({
      path: '/import/files',
      errorCodes: ['UNAUTHENTICATED'],
    });
  });

  it('keeps a safe X-Request-Id and replaces any other by its own', async () => {
    for (const unsafe of ['has space', 'x'.repeat(65), '../etc', 'id\u00e9', '']) {
      const response = await logged(() => fetch(`${server.url}/healthz`, { headers: { 'x-request-id': unsafe } }));
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    const kept = await logged(() => fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'Trace_1.2-3' } }));
    expect(kept.headers.get('x-request-id')).toBe('Trace_1.2-3');
  });

  it('wrote JSON lines only, each with a request id, and no secret, cookie or variable among them', () => {
    const all = parsed();
    expect(all.length).toBeGreaterThan(15);
    for (const line of all) expect(line.requestId).toEqual(expect.any(String));
    const text = lines.join('');
    for (const value of secrets) {
      expect(value.length).toBeGreaterThan(8);
      expect(text).not.toContain(value);
    }
    expect(text).not.toMatch(/crm_session|crm_[A-Za-z0-9_-]{20,}|Bearer|argon2|"variables"/i);
    expect(text).not.toContain('logged.invitee');
  });
});
