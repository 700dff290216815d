import 'reflect-metadata';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoadBench } from '../bench/load-run.js';
import { loadConfig } from '../config.js';
import { type App, createApp } from '../http/app.js';
import { createLogger } from '../log/logger.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../test/throwaway-postgres.js';
import { type Database, migrate, openDatabase } from './database.js';
import { seedDemo } from './seed/demo-seed.js';

/**
 * Issue 15, "reads on a replica", on a real streaming replica (`pg_basebackup -R` of a cluster of
 * the test's own): analytics read the replica; the user who just wrote reads the primary until the
 * replica has replayed the write; with the replica down, reads go to the primary and /readyz says
 * "degraded", nothing breaks.
 */
let primary: ThrowawayPostgres;
let replica: ThrowawayPostgres;
let db: Database;
let app: App;
let url: string;

async function onReplica<T extends Record<string, unknown>>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: replica.url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Waited in vain: ${what}`);
}

async function post(query: string, variables: Record<string, unknown>, cookie: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const cookies = response.headers.getSetCookie().map((line) => line.split(';')[0]);
  return {
    body: (await response.json()) as {
      data?: {
        exportValue?: { total: { dealsWon: number } };
        moveDeal?: unknown;
        deals?: { edges: { node: { id: string } }[] };
      };
      errors?: unknown[];
    },
    cookies,
  };
}

async function signIn(email: string): Promise<string> {
  const { cookies } = await post(
    'mutation($input: LoginInput!) { login(input: $input) { viewer { id } } }',
    { input: { email, password: 'demo-password' } },
    '',
  );
  return cookies.find((cookie) => cookie.startsWith('crm_session='))!;
}

const WON = '{ exportValue(groupBy: [], from: "2000-01-01", to: "2099-12-31") { total { dealsWon } } }';
const dealsWon = async (cookie: string) => (await post(WON, {}, cookie)).body.data?.exportValue?.total.dealsWon;

/** Whether the deals list (a compiled read, read-model/) shows the deal among the won ones. */
async function wonInList(cookie: string, dealId: string): Promise<boolean> {
  const { body } = await post(
    '{ deals(first: 100, filter: { categories: [WON] }) { edges { node { id } } } }',
    {},
    cookie,
  );
  const edges = body.data?.deals?.edges;
  if (!edges) throw new Error(JSON.stringify(body));
  return edges.some((edge) => edge.node.id === dealId);
}

beforeAll(async () => {
  primary = await startThrowawayPostgres();
  const setup = await openDatabase({ databaseUrl: primary.url, dataDir: '', logSql: false });
  await migrate(setup.orm);
  await seedDemo(setup.orm);
  await setup.close();
  replica = await primary.replica();
  await until(
    async () => Number((await onReplica<{ n: string }>('select count(*) as n from agency'))[0].n) > 0,
    'the replica has the demo data',
  );
  const config = { ...loadConfig({}), production: true, databaseUrl: primary.url, replicaUrls: [replica.url] };
  db = await openDatabase(config);
  app = await createApp(config, db, createLogger({ level: 'silent' }));
  url = await app.listen(0, '127.0.0.1');
}, 120_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  await replica?.destroy();
  await primary?.destroy();
});

describe('analytics on a streaming replica', () => {
  it('read the replica, except for the user who just wrote, until the replica has replayed it', async () => {
    const manager = await signIn('manager@mosprom.demo');
    const analyst = await signIn('analyst@mosprom.demo');
    const before = await dealsWon(analyst);
    expect(before).toBeGreaterThan(0);

    // The replica stops replaying: whoever reads it sees the database as it was.
    await onReplica('select pg_wal_replay_pause()');
    const [deal] = await db.orm.em.getConnection().execute<{ id: string; version: number; won: string }[]>(
      `select d.id, d.version, (select s.id from pipeline_stage s where s.pipeline_id = d.pipeline_id and s.category = 'WON' limit 1) as won
         from deal d join pipeline_stage st on st.id = d.stage_id join "user" u on u.agency_id = d.agency_id
        where st.category = 'OPEN' and d.amount is not null and u.email = 'manager@mosprom.demo' limit 1`,
    );
    const moved = await post(
      'mutation($input: MoveDealInput!) { moveDeal(input: $input) { deal { stage { category } } userErrors { message } } }',
      { input: { dealId: deal.id, toStageId: deal.won, version: deal.version } },
      manager,
    );
    expect(moved.body.data?.moveDeal).toEqual({ deal: { stage: { category: 'WON' } }, userErrors: [] });
    const readAfter = moved.cookies.find((cookie) => cookie.startsWith('crm_read_after='));
    expect(readAfter).toMatch(/^crm_read_after=[0-9A-F]+\/[0-9A-F]+$/);

    // The analyst reads the paused replica; the manager, carrying their write's position, the primary.
    expect(await dealsWon(analyst)).toBe(before);
    expect(await dealsWon(`${manager}; ${readAfter}`)).toBe(before! + 1);
    // So do the pages (the compiled reads): the deals list shows the deal where each one reads it.
    expect(await wonInList(analyst, deal.id)).toBe(false);
    expect(await wonInList(`${manager}; ${readAfter}`, deal.id)).toBe(true);

    await onReplica('select pg_wal_replay_resume()');
    await until(async () => (await dealsWon(analyst)) === before! + 1, 'the replica replays the won deal');
    expect(await wonInList(analyst, deal.id)).toBe(true);
    expect(await dealsWon(`${manager}; ${readAfter}`)).toBe(before! + 1);
    expect(await (await fetch(`${url}/readyz`)).json()).toEqual({ status: 'ready' });
  });

  it('with the replica down, read the primary and say degraded', async () => {
    const analyst = await signIn('analyst@mosprom.demo');
    const won = await dealsWon(analyst);
    const [deal] = await db.orm.em.getConnection().execute<{ id: string }[]>(
      `select d.id from deal d join pipeline_stage s on s.id = d.stage_id join agency a on a.id = d.agency_id
        where s.category = 'WON' and a.name like '%Mosprom%' limit 1`,
    );
    await replica.stop();
    expect(await dealsWon(analyst)).toBe(won);
    expect(await wonInList(analyst, deal.id)).toBe(true);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'degraded', replicas: 'unreachable' });
    await replica.start();
    await until(
      async () => ((await (await fetch(`${url}/readyz`)).json()) as { status: string }).status === 'ready',
      'the replica is back',
    );
    expect(await dealsWon(analyst)).toBe(won);
  });

  it("runs the load bench's server with its page reads on the replica", async () => {
    let kept = '';
    const result = await runLoadBench({
      databaseUrl: primary.url,
      replicaUrl: replica.url,
      shape: {
        companies: 50,
        contactsPerCompany: 2,
        missions: 2,
        participantsPerMission: 6,
        interactions: 200,
        deals: 50,
        tasks: 20,
      },
      batches: 1,
      connections: [2],
      seconds: 1,
      warmupSeconds: 0,
      only: { servers: ['ours-replica'] },
      log: (line) => {
        if (line.startsWith('kept: ')) kept = (JSON.parse(line.slice(6)) as { databaseUrl: string }).databaseUrl;
      },
      keepDatabase: true,
    });
    expect(result.servers).toEqual(['ours-replica']);
    expect(result.cells.map((cell) => cell.errors)).toEqual(result.pages.map(() => 0));
    const served = result.cells.reduce((sum, cell) => sum + cell.requests, 0);
    expect(served).toBeGreaterThan(0);
    // Every page request ran its statement on the replica (a standby counts its own transactions).
    const database = new URL(kept).pathname.slice(1);
    await until(async () => {
      const [row] = await onReplica<{ n: string }>(
        `select xact_commit as n from pg_stat_database where datname = '${database}'`,
      );
      return Number(row?.n ?? 0) >= served;
    }, 'the replica counts the pages it served');
  }, 120_000);
});
