import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { createClient } from 'graphql-ws';
import { Client as PgClient } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { repoRoot } from '../config.js';
import { migrate, openDatabase } from '../db/database.js';
import { requireBuild, type ServerProcess, spawnServer, waitUntilReady } from '../test/server-process.js';
import { adminQuery, withDatabase } from '../test/test-databases.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../test/throwaway-postgres.js';

/**
 * Issue 15, "many processes": `CRM_WORKERS=2` on one PostgreSQL runs two real server processes on
 * one port, and whichever answers, a user sees one server: a session made through one works
 * through the other, a token's budget spent on one is spent on both, the sign-in throttle counts
 * the failures of both. Each request goes on a new connection (the primary hands connections to
 * the workers in turn); which process answered is read from its log line (pid, request id).
 */
let pg: ThrowawayPostgres;
let server: ServerProcess;

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { extensions?: Record<string, unknown> }[];
    extensions?: { cost?: { remaining?: number } };
  };
  cookie?: string;
  pid: number;
}

/** The pid of the process that logged the request `requestId` (its access log line). */
async function servedBy(requestId: string): Promise<number> {
  for (let i = 0; i < 50; i++) {
    for (const line of server.output().split('\n')) {
      if (!line.includes(requestId)) continue;
      const entry = JSON.parse(line) as { pid?: number; requestId?: string };
      if (entry.requestId === requestId && entry.pid) return entry.pid;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`No log line for request ${requestId}`);
}

/** A GraphQL request on a connection of its own. */
function gql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const body = JSON.stringify({ query, variables });
  const { hostname, port } = new URL(server.url);
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => {
          servedBy(String(res.headers['x-request-id'])).then(
            (pid) =>
              resolve({
                status: res.statusCode ?? 0,
                body: JSON.parse(text),
                cookie: res.headers['set-cookie']?.[0]?.split(';')[0],
                pid,
              }),
            reject,
          );
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { viewer { email } userErrors { code } } }';
const login = (email: string, password: string) => gql(LOGIN, { input: { email, password } });

beforeAll(async () => {
  requireBuild();
  pg = await startThrowawayPostgres();
  server = await spawnServer('', {
    seedDemo: true,
    env: {
      DATABASE_URL: pg.url,
      CRM_WORKERS: '2',
      CRM_LOG_LEVEL: 'info',
      CRM_LOGIN_DELAY_MS: '0',
      CRM_MAX_QUERY_COST: '100',
      CRM_TOKEN_COST_BURST: '100',
      CRM_TOKEN_COST_PER_MINUTE: '1',
    },
  });
  await waitUntilReady(server);
  // Both workers listening: each says so once.
  for (let i = 0; i < 300 && (server.output().match(/Export CRM serving on/g) ?? []).length < 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(server.output().match(/Export CRM serving on/g)).toHaveLength(2);
}, 120_000);

afterAll(async () => {
  server?.child.kill('SIGTERM');
  const exited = await server?.exited;
  expect(exited?.code).toBe(0);
  await pg?.destroy();
});

describe('two server processes on one PostgreSQL', () => {
  it('serve one session: signed in through one, recognised by both', async () => {
    const signedIn = await login('manager@mosprom.demo', 'demo-password');
    expect(signedIn.body.data?.login).toMatchObject({ viewer: { email: 'manager@mosprom.demo' } });
    const cookie = signedIn.cookie!;
    const answers = await Promise.all(Array.from({ length: 4 }, () => gql('{ viewer { email } }', {}, { cookie })));
    expect(answers.map((answer) => answer.body.data)).toEqual(
      Array.from({ length: 4 }, () => ({ viewer: { email: 'manager@mosprom.demo' } })),
    );
    expect(new Set([signedIn.pid, ...answers.map((answer) => answer.pid)]).size).toBe(2);
  });

  it('grant a token one budget: what one process spent, the other refuses', async () => {
    const { cookie } = await login('analyst@mosprom.demo', 'demo-password');
    const created = await gql(
      'mutation { createApiToken(input: { name: "two processes" }) { secret } }',
      {},
      { cookie: cookie! },
    );
    const authorization = `Bearer ${(created.body.data!.createApiToken as { secret: string }).secret}`;
    // 40 points each; the bucket holds 100 and leaks one a minute.
    const FORTY = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: viewer { agency { id } }`).join(' ')} }`;
    const answers: Answer[] = [];
    for (let i = 0; i < 4; i++) answers.push(await gql(FORTY, {}, { authorization }));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 429, 429]);
    expect(answers[1].body.extensions?.cost?.remaining).toBe(20);
    expect(answers[2].body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', remaining: 20 });
    expect(new Set(answers.map((answer) => answer.pid)).size).toBe(2);
  });

  it('count sign-in failures together: the sixth is refused whichever process gets it', async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < 7; i++) answers.push(await login('admin@mosprom.demo', `wrong-${i}`));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(answers[5].body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'account' });
    expect(new Set(answers.map((answer) => answer.pid)).size).toBe(2);
  });

  it('migrate once when they start together: the second waits for the first, then finds nothing to apply', async () => {
    await adminQuery(pg.url, 'create database started_together');
    const config = { databaseUrl: withDatabase(pg.url, 'started_together'), dataDir: '', logSql: false };
    const [one, two] = await Promise.all([openDatabase(config), openDatabase(config)]);
    try {
      const applied = await Promise.all([migrate(one.orm), migrate(two.orm)]);
      const files = readdirSync(`${repoRoot}/migrations`).filter((file) => /^Migration\d+\.ts$/.test(file));
      expect(applied.map((names) => names.length).sort((a, b) => a - b)).toEqual([0, files.length]);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('carry a deal moved through one process to a board watched through another (LISTEN/NOTIFY)', async () => {
    // A third server process, on a port of its own: the event can only reach it through PostgreSQL.
    const other = await spawnServer('', { env: { DATABASE_URL: pg.url } });
    await waitUntilReady(other);
    const { cookie } = await login('manager@mosprom.demo', 'demo-password');
    // The deal to move and where (the cluster's cost limit is small: read by SQL).
    const sql = new PgClient({ connectionString: pg.url });
    await sql.connect();
    const {
      rows: [deal],
    } = await sql.query(`select d.id, d.version, d.pipeline_id,
        (select s.id from pipeline_stage s where s.pipeline_id = d.pipeline_id and s.category = 'OPEN' and s.id <> d.stage_id limit 1) as to_stage
       from deal d join pipeline_stage st on st.id = d.stage_id join agency a on a.id = d.agency_id
      where st.category = 'OPEN' and a.short_name = 'Mosprom' limit 1`);
    await sql.end();
    const pipeline = { id: deal.pipeline_id as string };
    const to = { id: deal.to_stage as string };

    const client = createClient({
      url: `${other.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: { cookie: cookie! } });
        }
      },
      retryAttempts: 0,
    });
    try {
      const heard = new Promise<unknown>((resolve, reject) => {
        client.subscribe(
          {
            query: 'subscription($id: ID!) { dealChanged(pipelineId: $id) { dealId change by { email } } }',
            variables: { id: pipeline.id },
          },
          { next: (value) => resolve(value.data), error: reject, complete: () => undefined },
        );
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const moved = await gql(
        'mutation($input: MoveDealInput!) { moveDeal(input: $input) { userErrors { code } } }',
        { input: { dealId: deal.id, toStageId: to.id, version: deal.version } },
        { cookie: cookie! },
      );
      expect(moved.body.data?.moveDeal).toEqual({ userErrors: [] });
      expect(await heard).toEqual({
        dealChanged: { dealId: deal.id, change: 'MOVED', by: { email: 'manager@mosprom.demo' } },
      });
    } finally {
      await client.dispose();
      other.child.kill('SIGTERM');
      await other.exited;
    }
  });
});
