import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../config.js';
import { type App, createApp } from '../http/app.js';
import { createLogger } from '../log/logger.js';
import { generateBatches, generateShared, pinned, TABLES } from './generate.js';
import { type BenchRequest, benchRequests } from './requests.js';
import { benchScale } from './scale.js';
import { benchWorld, createBenchAgency, login, percentile, postGraphQL } from './support.js';
import { openThrowawayDatabase } from './throwaway-db.js';

/**
 * `pnpm bench`: the screens' real GraphQL requests against a throwaway database at size S and
 * 10×S, through the real HTTP app, signed in like a browser. Prints, per size and request, p50
 * and p95 in ms, SQL statements and rows the database returned; then the ratio of p50 at the
 * largest size to the smallest. Figures only: nothing here passes or fails on a time.
 *
 * Environment: BENCH_SCALE (S = 1,000 companies and 10,000 interactions × this, default 1; or
 * `large`: 10×S is 100,000 companies, 1,000,000 interactions, 200,000 deals; see generate.ts),
 * BENCH_SIZES (multiples of S, default "1,10"), BENCH_RUNS (timed runs per request, default 20),
 * BENCH_WARMUP (untimed runs first, default 3), BENCH_BUDGET_MS (a request slower than this in
 * total stops after 5 timed runs, default 2000), BENCH_VERBOSE=1 (print the start of each answer),
 * DATABASE_URL (a PostgreSQL server to create a throwaway database on instead of the embedded PGlite).
 */

function envInt(name: string, fallback: number, min = 1): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${value}"`);
  return n;
}

function envSizes(): number[] {
  const raw = process.env.BENCH_SIZES || '1,10';
  const sizes = raw.split(',').map((s) => Number(s.trim()));
  if (sizes.some((s) => !Number.isInteger(s) || s < 1) || sizes.some((s, i) => i > 0 && s <= sizes[i - 1])) {
    throw new Error(`BENCH_SIZES must be increasing positive integers, e.g. "1,10" (got "${raw}")`);
  }
  return sizes;
}

/** What the statement hook saw while a request ran. */
interface Tally {
  statements: number;
  rows: number;
}

interface Measure {
  name: string;
  /** Timed runs (fewer than BENCH_RUNS when the time budget ran out). */
  runs: number;
  p50: number;
  p95: number;
  /** Statements per request: the same every run, or "min–max". */
  statements: string;
  rows: number;
  bytes: number;
}

const MIN_RUNS = 5;

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const int = (n: number) => Math.round(n).toLocaleString('en-US');

function table(headers: string[], rows: string[][], rightFrom = 1): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i >= rightFrom ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const { label: scale, shape } = benchScale(process.env.BENCH_SCALE);
  const sizes = envSizes();
  const runs = envInt('BENCH_RUNS', 20);
  const warmup = envInt('BENCH_WARMUP', 3, 0);
  const budgetMs = envInt('BENCH_BUDGET_MS', 2_000);

  let tally: Tally | undefined;
  const onQuery = (message: string) => {
    if (!tally) return;
    tally.statements++;
    // MikroORM's query log ends with "[took 3 ms, 25 results]" (or "1 result", or "1 row affected").
    const rows = /\[took [\d.]+ ms(?:, (\d+) (?:results?|rows? affected))?\]/.exec(message);
    tally.rows += rows?.[1] ? Number(rows[1]) : 0;
  };

  const started = performance.now();
  const throwaway = await openThrowawayDatabase(process.env.DATABASE_URL || undefined, onQuery);
  const { db } = throwaway;
  let app: App | undefined;
  const serverErrors: unknown[] = [];
  try {
    console.log(`Bench database: ${throwaway.description}`);
    console.log(
      `Node ${process.version}, S = ${int(shape.companies)} companies, ${int(shape.interactions)} interactions, ` +
        `${int(shape.deals)} deals (BENCH_SCALE=${scale}); sizes ${sizes.map((s) => (s === 1 ? 'S' : `${s}×S`)).join(', ')}; ` +
        `${runs} timed runs per request (at least ${MIN_RUNS} and ~${budgetMs} ms) after ${warmup} warm-up.\n`,
    );

    const now = new Date();
    const world = benchWorld(await createBenchAgency(db, 'Bench Export Agency'), now);
    const conn = db.orm.em.getConnection();
    await generateShared(conn, world);

    const config = { ...loadConfig({}), production: true };
    app = await createApp(
      config,
      db,
      createLogger({ level: 'error', destination: { write: (line) => serverErrors.push(line) } }),
    );
    const url = await app.listen(0, '127.0.0.1');
    const cookie = await login(url);

    let requests: BenchRequest[] | undefined;
    const results = new Map<number, Measure[]>();
    let batches = 0;
    let generationMs = 0;
    let generatedRows = 0;
    const countRows = async () => {
      const [row] = await conn.execute<Record<string, string>[]>(
        `select ${TABLES.map((t) => `(select count(*) from "${t}") as "${t}"`).join(', ')}`,
      );
      return Object.fromEntries(TABLES.map((t) => [t, Number(row[t])]));
    };
    let before = await countRows();

    for (const size of sizes) {
      const label = size === 1 ? 'S' : `${size}×S`;
      const t0 = performance.now();
      await generateBatches(conn, world, shape, batches, size);
      batches = size;
      // A production database has autovacuum's statistics; give the planner the same.
      await conn.execute('analyze');
      const ms = performance.now() - t0;
      const counts = await countRows();
      const added = TABLES.reduce((sum, t) => sum + counts[t] - before[t], 0);
      before = counts;
      generationMs += ms;
      generatedRows += added;
      console.log(
        `== size ${label}: ${Object.entries(counts)
          .map(([t, n]) => `${t} ${int(n)}`)
          .join(', ')}`,
      );
      console.log(
        `   generated ${int(added)} rows in ${fmt(ms / 1000)} s (${int((added / ms) * 1000)} rows/s, analyze included)\n`,
      );

      // The pinned mission exists from the first batch on.
      const ids = pinned();
      const [mission] = await conn.execute<{ starts_on: string }[]>(
        `select to_char(starts_on, 'YYYY-MM-DD') as starts_on from mission where id = '${ids.missionId}'`,
      );
      requests ??= benchRequests({
        now,
        viewerId: world.adminId,
        pipelineId: world.pipelineId,
        companyId: ids.companyId,
        missionId: ids.missionId,
        agendaDay: mission.starts_on,
      });

      const measures: Measure[] = [];
      for (const request of requests) {
        measures.push(await measure(url, cookie, request, runs, warmup, budgetMs, (t) => (tally = t)));
      }
      tally = undefined;
      results.set(size, measures);
      console.log(
        table(
          ['request', 'runs', 'p50 ms', 'p95 ms', 'SQL', 'db rows', 'KB'],
          measures.map((m) => [
            m.name,
            String(m.runs),
            fmt(m.p50),
            fmt(m.p95),
            m.statements,
            int(m.rows),
            fmt(m.bytes / 1024),
          ]),
        ),
      );
      console.log('');
    }

    const first = sizes[0];
    const last = sizes[sizes.length - 1];
    if (sizes.length > 1) {
      const small = results.get(first) ?? [];
      const large = results.get(last) ?? [];
      const name = (s: number) => (s === 1 ? 'S' : `${s}×S`);
      console.log(
        `== p50 at ${name(last)} / p50 at ${name(first)} (data ×${last / first}): ≈1 does not grow with the data, ≈${last / first} grows with it`,
      );
      console.log(
        table(
          ['request', `p50 ${name(first)}`, `p50 ${name(last)}`, 'ratio', 'SQL', 'db rows'],
          small.map((m, i) => {
            const l = large[i];
            const sql = m.statements === l.statements ? m.statements : `${m.statements}→${l.statements}`;
            const rows = m.rows === l.rows ? int(m.rows) : `${int(m.rows)}→${int(l.rows)}`;
            return [m.name, fmt(m.p50), fmt(l.p50), `${fmt(l.p50 / m.p50, 2)}×`, sql, rows];
          }),
        ),
      );
      console.log('');
    }
    console.log(
      `Data generation: ${int(generatedRows)} rows in ${fmt(generationMs / 1000)} s = ${int((generatedRows / generationMs) * 1000)} rows/s. ` +
        `Whole run: ${fmt((performance.now() - started) / 1000)} s.`,
    );
    if (serverErrors.length > 0) {
      console.error('Errors logged by the server during the bench:', serverErrors);
      process.exitCode = 1;
    }
  } finally {
    await app?.close();
    await throwaway.destroy();
  }
}

async function measure(
  url: string,
  cookie: string,
  request: BenchRequest,
  runs: number,
  warmup: number,
  budgetMs: number,
  record: (tally: Tally | undefined) => void,
): Promise<Measure> {
  const body = JSON.stringify({ query: request.query, variables: request.variables });
  const send = async (): Promise<{ ms: number; text: string }> => {
    const t0 = performance.now();
    const text = await postGraphQL(url, cookie, body, request.name);
    const ms = performance.now() - t0;
    return { ms, text };
  };

  // Warm-up: untimed; one slow run is warm-up enough.
  const warmStart = performance.now();
  for (let i = 0; i < warmup && performance.now() - warmStart < budgetMs / 2; i++) await send();
  const times: number[] = [];
  const statements: number[] = [];
  let rows = 0;
  let bytes = 0;
  // Up to `runs` runs, but a slow request stops after its time budget (at least MIN_RUNS runs).
  const timedStart = performance.now();
  for (let i = 0; i < runs; i++) {
    if (i >= MIN_RUNS && performance.now() - timedStart > budgetMs) break;
    const tally: Tally = { statements: 0, rows: 0 };
    record(tally);
    const { ms, text } = await send();
    record(undefined);
    times.push(ms);
    statements.push(tally.statements);
    rows = tally.rows;
    bytes = Buffer.byteLength(text);
    if (i === 0 && process.env.BENCH_VERBOSE) console.log(`${request.name}: ${text.slice(0, 600)}`);
  }
  times.sort((a, b) => a - b);
  const min = Math.min(...statements);
  const max = Math.max(...statements);
  return {
    name: request.name,
    runs: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    statements: min === max ? String(min) : `${min}–${max}`,
    rows,
    bytes,
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
