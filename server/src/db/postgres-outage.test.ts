import 'reflect-metadata';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { type App, createApp } from '../http/app.js';
import { createLogger } from '../log/logger.js';
import { createAgencyWithAdmin, validateAgencySetup } from '../modules/agency/agency.service.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../test/throwaway-postgres.js';
import { crossAgencyEm } from './agency-scope.js';
import { type Database, migrate, openDatabase } from './database.js';

/**
 * PostgreSQL stops under a stream of writes and comes back (a cluster of the test's own, never
 * the shared one): requests fail fast with 503 SERVICE_UNAVAILABLE, /readyz turns red, nothing
 * hangs, the server recovers by itself, and every write it acknowledged is in the database.
 */

const ACQUIRE_TIMEOUT_MS = 2_000;
/** A request still unanswered after this is a hang (well past the acquire timeout). */
const HANG_MS = 4 * ACQUIRE_TIMEOUT_MS;
const CLIENTS = 4;
const PASSWORD = 'outage-password';

type Phase = 'up' | 'down' | 'back';

interface Outcome {
  client: number;
  name: string;
  startedIn: Phase;
  endedIn: Phase;
  status: number | 'hung';
  code?: string;
  message?: string;
  retryAfter?: string | null;
  acknowledged: boolean;
}

let pg: ThrowawayPostgres;
let db: Database;
let app: App;
let url: string;

beforeAll(async () => {
  pg = await startThrowawayPostgres();
  db = await openDatabase({ databaseUrl: pg.url, dataDir: '', logSql: false, dbAcquireTimeoutMs: ACQUIRE_TIMEOUT_MS });
  await migrate(db.orm);
  await createAgencyWithAdmin(
    crossAgencyEm(db.orm.em),
    validateAgencySetup({
      name: 'Outage agency',
      shortName: 'OUT',
      kind: 'CHAMBER',
      country: 'MA',
      baseCurrency: 'MAD',
      adminEmail: 'admin@outage.test',
      adminFullName: 'Outage Admin',
      adminPassword: PASSWORD,
    }),
  );
  app = await createApp({ ...loadConfig({}), production: true }, db, createLogger({ level: 'silent' }));
  url = await app.listen(0, '127.0.0.1');
});

afterAll(async () => {
  await app?.close();
  await db?.close();
  await pg?.destroy();
});

async function post(body: unknown, cookie?: string, language = 'en'): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': language, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(HANG_MS),
  });
}

async function readyStatus(): Promise<number> {
  return (await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(HANG_MS) })).status;
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Gave up waiting: ${what}`);
}

describe('PostgreSQL stops under load and comes back', () => {
  it('answers 503 fast, turns /readyz red, recovers alone, and keeps every acknowledged write', async () => {
    const signedIn = await post({
      query: 'mutation($input: LoginInput!) { login(input: $input) { userErrors { message } } }',
      variables: { input: { email: 'admin@outage.test', password: PASSWORD } },
    });
    const cookie = signedIn.headers.get('set-cookie')?.split(';')[0];
    expect(cookie, await signedIn.clone().text()).toBeDefined();

    let phase: Phase = 'up';
    let running = true;
    const outcomes: Outcome[] = [];
    const count = (client: number, endedIn: Phase, acknowledged: boolean) =>
      outcomes.filter((o) => o.client === client && o.endedIn === endedIn && o.acknowledged === acknowledged).length;

    async function client(index: number): Promise<void> {
      for (let n = 0; running; n++) {
        const name = `Outage ${index}-${n}`;
        const startedIn = phase;
        let status: Outcome['status'] = 'hung';
        let code: string | undefined;
        let message: string | undefined;
        let retryAfter: string | null | undefined;
        let acknowledged = false;
        try {
          const response = await post(
            {
              query: `mutation($input: CreateCompanyInput!) {
                createCompany(input: $input) { company { id } userErrors { message } } }`,
              variables: { input: { name, kind: 'BUYER', country: 'FR' } },
            },
            cookie,
            // One client reads French: the refusal speaks the caller's language.
            index === 0 ? 'fr' : 'en',
          );
          status = response.status;
          retryAfter = response.headers.get('retry-after');
          const body = (await response.json()) as {
            data?: { createCompany?: { userErrors: unknown[] } } | null;
            errors?: { message: string; extensions?: { code?: string } }[];
          };
          code = body.errors?.[0]?.extensions?.code;
          message = body.errors?.[0]?.message;
          acknowledged = status === 200 && !body.errors && body.data?.createCompany?.userErrors.length === 0;
        } catch (error) {
          if ((error as Error).name !== 'TimeoutError') throw error;
        }
        outcomes.push({
          client: index,
          name,
          startedIn,
          endedIn: phase,
          status,
          code,
          message,
          retryAfter,
          acknowledged,
        });
        // Refused requests come back at once: breathe between them.
        if (!acknowledged) await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }

    const clients = Array.from({ length: CLIENTS }, (_, index) => client(index));
    try {
      await until(() => outcomes.filter((o) => o.acknowledged).length >= 5 * CLIENTS, 'writes before the stop');

      await pg.stop();
      phase = 'down';
      expect(await readyStatus()).toBe(503);
      await until(
        () => Array.from({ length: CLIENTS }, (_, c) => count(c, 'down', false)).every((n) => n >= 3),
        'refusals while the database is down',
      );
      expect(await readyStatus()).toBe(503);

      // Before starting: the database answers before pg_ctl returns.
      phase = 'back';
      await pg.start();
      await until(async () => (await readyStatus()) === 200, '/readyz green again');
      await until(
        () => Array.from({ length: CLIENTS }, (_, c) => count(c, 'back', true)).every((n) => n >= 3),
        'writes after the restart',
      );
    } finally {
      running = false;
      await Promise.all(clients);
    }

    // Nothing hung, nothing answered 500: each request was acknowledged or refused with 503.
    expect(outcomes.filter((o) => o.status === 'hung')).toEqual([]);
    const refused = outcomes.filter((o) => !o.acknowledged);
    expect(refused.length).toBeGreaterThanOrEqual(3 * CLIENTS);
    for (const outcome of refused) {
      expect({ status: outcome.status, code: outcome.code, retryAfter: outcome.retryAfter }).toEqual({
        status: 503,
        code: 'SERVICE_UNAVAILABLE',
        retryAfter: '5',
      });
      expect(outcome.message).toMatch(
        outcome.client === 0 ? /^La base de données est momentanément indisponible/ : /^The database is unavailable/,
      );
    }
    // While the database was down, nothing was acknowledged.
    expect(outcomes.filter((o) => o.startedIn === 'down' && o.endedIn === 'down' && o.acknowledged)).toEqual([]);

    // Every acknowledged write is there, and only those could be: the server's own pool reads it.
    const acknowledged = outcomes.filter((o) => o.acknowledged).map((o) => o.name);
    const rows = await db.orm.em
      .getConnection()
      .execute<{ name: string }[]>(`select name from company where name like 'Outage %'`);
    const stored = new Set(rows.map((row) => row.name));
    expect(acknowledged.filter((name) => !stored.has(name))).toEqual([]);

    // No connection that died in the outage is still held: the pool would shrink with each
    // outage, and closing it (shutdown) would wait for them forever.
    const pool = (await db.orm.em.getConnection().getNativeClient()) as unknown as Pool;
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });
});
