import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { repoRoot } from '../config.js';
import { TABLES } from './generate.js';
import { loadPages } from './load-pages.js';
import { explainPages, loadContextOf, PLANS_METHOD, plansReport } from './load-plans.js';
import { benchScale } from './scale.js';

/**
 * `pnpm bench:plans`: the query plans of `pnpm bench:load`'s pages (load-plans.ts) on a bench
 * database filled before, e.g. one `BENCH_KEEP_DATABASE=1 pnpm bench:load` kept, read only:
 * nothing is generated, written or dropped. Writes docs/bench-results/plans-<scale>-<size>xS-postgresql.md.
 *
 * Environment: BENCH_DATABASE_URL (the filled bench database, required), BENCH_SCALE and
 * BENCH_SIZE (what it was filled with, for the file's name only: as `pnpm bench:load`),
 * BENCH_PAGES (the pages whose name contains one of these), BENCH_OUT (default docs/bench-results).
 */
async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) throw new Error('BENCH_DATABASE_URL: the URL of a filled bench database');
  const scale = benchScale(process.env.BENCH_SCALE);
  const batches = Number(process.env.BENCH_SIZE || (scale.label === 'large' ? 10 : 1));
  const only = process.env.BENCH_PAGES?.split(',').map((s) => s.trim());

  const client = new Client({ connectionString: databaseUrl, options: '-c default_transaction_read_only=on' });
  await client.connect();
  let counts: string;
  let pages: ReturnType<typeof loadPages>;
  try {
    const query = async <T>(sql: string) => (await client.query(sql)).rows as T[];
    pages = loadPages(await loadContextOf(query)).filter((p) => only?.some((part) => p.name.includes(part)) ?? true);
    const [row] = await query<Record<string, string>>(
      `select ${TABLES.map((t) => `(select count(*) from "${t}") as "${t}"`).join(', ')}`,
    );
    counts = TABLES.map((t) => `${t} ${Number(row[t]).toLocaleString('en-US')}`).join(', ');
  } finally {
    await client.end();
  }

  const plans = await explainPages(databaseUrl, pages);
  const name = `plans-${scale.label}-${batches}xS-postgresql`;
  const cpu = cpus();
  const report = plansReport(
    plans,
    `Query plans of pnpm bench:load's pages (BENCH_SCALE=${scale.label}, ${batches}×S)`,
    `${new Date().toISOString().slice(0, 10)}, ${cpu.length} cores (${cpu[0]?.model ?? 'unknown CPU'}), Node ${process.version}; ` +
      `PostgreSQL database ${new URL(databaseUrl).pathname.slice(1)} (${counts}), read by \`pnpm bench:plans\`. ` +
      PLANS_METHOD,
  );
  const out = process.env.BENCH_OUT || join(repoRoot, 'docs/bench-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${name}.md`), report);
  console.log(report);
  console.log(`Written: ${join(out, `${name}.md`)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
