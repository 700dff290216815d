import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { type App, createApp } from '../http/app.js';
import { createLogger } from '../log/logger.js';
import { generateBatch, generateShared } from './generate.js';
import { batchShape } from './scale.js';
import { benchWorld, createBenchAgency, gc, login, MB, sampleMemory, statementLog } from './support.js';
import { openThrowawayDatabase } from './throwaway-db.js';

/**
 * `pnpm bench:export`: memory and speed of the streamed exports (GET /export/...). Generates
 * 10×S (100,000 interactions, 10,000 companies) in a throwaway database, then downloads lists
 * of growing size as CSV and XLSX while sampling the process's RSS every 20 ms (the server and
 * the client reading the body run in this one process). A flat peak RSS over the row count is
 * constant memory. Env: BENCH_EXPORT_SIZE (multiples of S, default 10), DATABASE_URL.
 */
/** SQL statements of the download being measured (MikroORM's log lines, with their time). */
const statements = statementLog();

interface Result {
  label: string;
  rows: number;
  bytes: number;
  seconds: number;
  before: number;
  peak: number;
  after: number;
  heapPeak: number;
  heapAfter: number;
  statements: number;
  slowest: string;
}

async function download(url: string, cookie: string, label: string, path: string, rows: number): Promise<Result> {
  const memory = sampleMemory();
  statements.start();
  const started = performance.now();
  const response = await fetch(`${url}${path}`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  let bytes = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    memory.sample();
  }
  const seconds = (performance.now() - started) / 1000;
  const { before, peak, heapPeak } = memory.stop();
  gc();
  const took = (line: string) => Number(/\[took ([\d.]+) ms/.exec(line)?.[1] ?? 0);
  const seen = statements.stop();
  const slowest = [...seen].sort((a, b) => took(b) - took(a))[0] ?? '';
  const count = seen.length;
  const usage = process.memoryUsage();
  return {
    label,
    rows,
    bytes,
    seconds,
    before,
    peak,
    after: usage.rss,
    heapPeak,
    heapAfter: usage.heapUsed,
    statements: count,
    slowest,
  };
}

async function main(): Promise<void> {
  const size = Number(process.env.BENCH_EXPORT_SIZE ?? 10);
  const throwaway = await openThrowawayDatabase(process.env.DATABASE_URL || undefined, statements.onQuery);
  const { db } = throwaway;
  let app: App | undefined;
  try {
    const world = benchWorld(await createBenchAgency(db, 'Bench Export Agency'), new Date());
    const conn = db.orm.em.getConnection();
    await generateShared(conn, world);
    const shape = batchShape(1);
    for (let batch = 0; batch < size; batch++) await generateBatch(conn, world, shape, batch);
    await conn.execute('analyze');

    const count = async (sql: string) => Number((await conn.execute<{ n: string }[]>(sql))[0]!.n);
    const interactions = await count('select count(*) as n from interaction');
    const companies = await count('select count(*) as n from company');
    const calls = await count(`select count(*) as n from interaction where kind = 'CALL'`);

    app = await createApp({ ...loadConfig({}), production: true }, db, createLogger({ level: 'error' }));
    const url = await app.listen(0, '127.0.0.1');
    const cookie = await login(url);
    console.log(`Bench database: ${throwaway.description}; Node ${process.version}`);
    console.log(`${interactions} interactions, ${companies} companies\n`);

    const callsFilter = encodeURIComponent(JSON.stringify({ kinds: ['CALL'] }));
    const runs: [string, string, number][] = [
      ['interactions CSV (calls only)', `/export/interactions.csv?lang=fr&filter=${callsFilter}`, calls],
      ['interactions CSV', '/export/interactions.csv?lang=fr', interactions],
      ['interactions CSV (again)', '/export/interactions.csv?lang=fr', interactions],
      ['interactions XLSX', '/export/interactions.xlsx?lang=fr', interactions],
      ['companies CSV', '/export/companies.csv?lang=fr', companies],
      ['companies XLSX', '/export/companies.xlsx?lang=fr', companies],
    ];
    // One untimed run first: the first request also loads code and builds the schema.
    await download(url, cookie, 'warm-up', runs[0]![1], runs[0]![2]);
    const results: Result[] = [];
    for (const [label, path, rows] of runs) results.push(await download(url, cookie, label, path, rows));

    console.log(
      '| export | rows | size | time | rows/s | SQL statements | RSS before | peak RSS (delta) | RSS after | peak JS heap | JS heap after |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      console.log(
        `| ${r.label} | ${r.rows.toLocaleString('en')} | ${(r.bytes / MB).toFixed(1)} MB | ${r.seconds.toFixed(1)} s | ` +
          `${Math.round(r.rows / r.seconds).toLocaleString('en')} | ${r.statements} | ${Math.round(r.before / MB)} MB | ` +
          `${Math.round(r.peak / MB)} MB (+${Math.round((r.peak - r.before) / MB)}) | ${Math.round(r.after / MB)} MB | ` +
          `${Math.round(r.heapPeak / MB)} MB | ${Math.round(r.heapAfter / MB)} MB |`,
      );
    }
    if (process.env.BENCH_VERBOSE)
      for (const r of results) console.log(`\n${r.label}: slowest ${r.slowest.slice(0, 600)}`);
  } finally {
    await app?.close();
    await throwaway.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
