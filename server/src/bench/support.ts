import { performance } from 'node:perf_hooks';
import { crossAgencyEm } from '../db/agency-scope.js';
import type { Database } from '../db/database.js';
import { type AgencySetupResult, createAgencyWithAdmin } from '../modules/agency/agency.service.js';
import { generateBatches, generateShared, type World } from './generate.js';
import type { BatchShape } from './scale.js';
import { openThrowawayDatabase, type ThrowawayDatabase } from './throwaway-db.js';

/** What the benches share: their agency and admin, signing in, memory and statement sampling, percentiles. */

/** The bench agency's admin (a throwaway database: these never guard real data). */
export const BENCH_ADMIN = { email: 'admin@bench.example', password: 'bench-password-1' };
export const MB = 1024 * 1024;

/** A full collection when node runs with --expose-gc; nothing otherwise. */
export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** A Moroccan export agency with its admin (BENCH_ADMIN's password), default pipeline and stages. */
export function createBenchAgency(
  db: Database,
  name: string,
  shortName = 'Bench',
  adminEmail = BENCH_ADMIN.email,
): Promise<AgencySetupResult> {
  return createAgencyWithAdmin(crossAgencyEm(db.orm.em), {
    name,
    shortName,
    kind: 'NATIONAL_EXPORT_AGENCY',
    country: 'MA',
    baseCurrency: 'MAD',
    adminEmail,
    adminFullName: 'Bench Admin',
    adminPassword: BENCH_ADMIN.password,
  });
}

/** The generator's world for an agency just set up (users and sectors come from generateShared). */
export function benchWorld(setup: AgencySetupResult, now: Date): World {
  return {
    agencyId: setup.agency.id,
    adminId: setup.admin.id,
    pipelineId: setup.pipeline.id,
    stageIds: [...setup.stages].sort((a, b) => a.position - b.position).map((s) => s.id),
    now: now.toISOString(),
    userIds: [],
    sectorIds: [],
  };
}

/**
 * A throwaway database (throwaway-db.ts; foreign keys unchecked while generating) with a bench
 * agency filled with `batches` of `shape` (generate.ts), then vacuumed and analyzed as autovacuum
 * leaves a live database (hint bits set, visibility map written): else the first measure pays for
 * the first reads of freshly copied rows. `log` hears of each batch. Destroyed if filling fails.
 */
export async function openFilledDatabase(
  databaseUrl: string | undefined,
  shape: BatchShape,
  batches: number,
  log: (line: string) => void,
): Promise<{ throwaway: ThrowawayDatabase; world: World; generationMs: number }> {
  const throwaway = await openThrowawayDatabase(databaseUrl, () => {}, { uncheckedForeignKeys: true });
  try {
    const { db } = throwaway;
    const conn = db.orm.em.getConnection();
    const world = benchWorld(await createBenchAgency(db, 'Bench Export Agency'), new Date());
    const t0 = performance.now();
    await generateShared(conn, world);
    await generateBatches(conn, world, shape, 0, batches, (batch) =>
      log(`batch ${batch + 1}/${batches} generated (${((performance.now() - t0) / 1000).toFixed(1)} s)`),
    );
    await conn.execute('vacuum analyze');
    return { throwaway, world, generationMs: performance.now() - t0 };
  } catch (error) {
    await throwaway.destroy();
    throw error;
  }
}

/** A positive number from the environment (an integer if asked), or `fallback` when unset. */
export function positiveEnv(name: string, fallback: number, options: { integer?: boolean } = {}): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || (options.integer && !Number.isInteger(n))) {
    throw new Error(`${name} must be a positive ${options.integer ? 'integer' : 'number'}, got "${raw}"`);
  }
  return n;
}

/** Signs BENCH_ADMIN in like a browser; the session cookie. */
export async function login(url: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($input: LoginInput!) { login(input: $input) { userErrors { message } } }',
      variables: { input: BENCH_ADMIN },
    }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`Could not sign in as ${BENCH_ADMIN.email}: ${await response.text()}`);
  return cookie;
}

/**
 * One GraphQL request to a bench server, as the web client sends it; its answer's text, refused
 * (thrown, with `what` and the start of the answer) unless HTTP 200 with data and no errors.
 */
export async function postGraphQL(url: string, cookie: string, body: string, what: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      cookie,
    },
    body,
  });
  const text = await response.text();
  const parsed = JSON.parse(text) as { errors?: unknown[]; data?: unknown };
  if (response.status !== 200 || parsed.errors || !parsed.data) {
    throw new Error(`${what}: HTTP ${response.status} ${text.slice(0, 2000)}`);
  }
  return text;
}

/** The p-th percentile (nearest rank) of ascending values. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}

/**
 * Samples the process's RSS and JS heap every 20 ms (after a gc) until stop(); `sample()` takes
 * one more sample at once (e.g. after each chunk read).
 */
export function sampleMemory() {
  gc();
  const before = process.memoryUsage().rss;
  let peak = before;
  let heapPeak = process.memoryUsage().heapUsed;
  const sample = () => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    heapPeak = Math.max(heapPeak, usage.heapUsed);
  };
  const timer = setInterval(sample, 20);
  return {
    sample,
    /** Stops sampling after a last sample: RSS before, peak RSS and peak heap. */
    stop() {
      clearInterval(timer);
      sample();
      return { before, peak, heapPeak };
    },
  };
}

/** The SQL statements MikroORM logs (with their time) between start() and stop(). */
export function statementLog() {
  let statements: string[] | undefined;
  return {
    /** The throwaway database's onQuery. */
    onQuery: (sql: string) => {
      statements?.push(sql);
    },
    start: () => {
      statements = [];
    },
    stop: (): string[] => {
      const seen = statements ?? [];
      statements = undefined;
      return seen;
    },
  };
}
