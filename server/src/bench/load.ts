import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../config.js';
import { PLANS_METHOD, plansReport } from './load-plans.js';
import { loadChart, loadReport } from './load-report.js';
import { runLoadBench, SERVER_LABELS, type ServerKind } from './load-run.js';
import { benchScale } from './scale.js';
import { positiveEnv } from './support.js';

/**
 * `pnpm bench:load`: this server, PostGraphile 5 and the SQL floor under 1, 16 and 32 concurrent
 * clients on the pages of issue 14 (see load-run.ts). Prints the report and writes it with its
 * chart to docs/bench-results/load-<scale>-<database>.{md,svg}.
 *
 * Environment: BENCH_SCALE (as `pnpm bench`: an integer or `large`), BENCH_SIZE (batches of S,
 * default 10 for `large`, else 1), BENCH_CLIENTS (default "1,16,32"), BENCH_SECONDS (per measure,
 * default 5), BENCH_WARMUP_SECONDS (per page and server, default 2), BENCH_OUT (folder of the
 * results, default docs/bench-results), BENCH_SERVERS (some of "ours,ours2,ours-replica,postgraphile,floor"),
 * BENCH_PAGES (the pages whose name contains one of these, e.g. "companies,board"), DATABASE_URL
 * (PostgreSQL; without it, embedded PGlite and this server only), BENCH_KEEP_DATABASE=1 (leave
 * the generated database in place and print where it is, to measure it again by hand), BENCH_PLANS=1
 * (PostgreSQL: also each page's query plans, load-plans.ts, written beside the report as
 * plans-<scale>-<size>xS-postgresql.md; `pnpm bench:plans` reads them from a kept database),
 * BENCH_REPLICA_URL (a streaming replica of DATABASE_URL's server: also runs server `ours-replica`,
 * this server with its page reads on that replica, docs/deploy.md).
 */

async function main(): Promise<void> {
  const scale = benchScale(process.env.BENCH_SCALE);
  const batches = Math.round(positiveEnv('BENCH_SIZE', scale.label === 'large' ? 10 : 1));
  const connections = (process.env.BENCH_CLIENTS || '1,16,32').split(',').map((s) => Number(s.trim()));
  if (connections.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error('BENCH_CLIENTS: positive integers, e.g. "1,16,32"');
  const seconds = positiveEnv('BENCH_SECONDS', 5);
  const warmupSeconds = positiveEnv('BENCH_WARMUP_SECONDS', 2);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const list = (name: string) => process.env[name]?.split(',').map((s) => s.trim()) || undefined;
  const servers = list('BENCH_SERVERS');
  const known = Object.keys(SERVER_LABELS);
  if (servers?.some((s) => !known.includes(s))) throw new Error(`BENCH_SERVERS: some of ${known.join(', ')}`);

  const result = await runLoadBench({
    databaseUrl,
    shape: scale.shape,
    batches,
    connections,
    seconds,
    warmupSeconds,
    only: { servers: servers as ServerKind[] | undefined, pages: list('BENCH_PAGES') },
    log: (line) => console.error(line),
    keepDatabase: process.env.BENCH_KEEP_DATABASE === '1',
    plans: process.env.BENCH_PLANS === '1',
    replicaUrl: process.env.BENCH_REPLICA_URL || undefined,
  });

  const name = `load-${scale.label}-${batches}xS-${databaseUrl ? 'postgresql' : 'pglite'}`;
  const out = process.env.BENCH_OUT || join(repoRoot, 'docs/bench-results');
  const cpu = cpus();
  const machine = `${new Date().toISOString().slice(0, 10)}, ${cpu.length} cores (${cpu[0]?.model ?? 'unknown CPU'}), Node ${process.version}`;
  const plansFile = Array.isArray(result.plans) ? `${name.replace(/^load-/, 'plans-')}.md` : undefined;
  const report = loadReport(
    result,
    { scale: `BENCH_SCALE=${scale.label}, ${batches}×S`, seconds, warmupSeconds, chartFile: `${name}.svg`, plansFile },
    machine,
  );
  mkdirSync(out, { recursive: true });
  if (plansFile && Array.isArray(result.plans)) {
    writeFileSync(
      join(out, plansFile),
      plansReport(
        result.plans,
        `Query plans of pnpm bench:load's pages (BENCH_SCALE=${scale.label}, ${batches}×S)`,
        `${machine}; ${result.database}, read by \`BENCH_PLANS=1 pnpm bench:load\` before its load. ${PLANS_METHOD}`,
      ),
    );
  }
  writeFileSync(join(out, `${name}.md`), report);
  writeFileSync(
    join(out, `${name}.svg`),
    loadChart(result, `req/s, BENCH_SCALE=${scale.label}, ${batches}×S, ${databaseUrl ? 'PostgreSQL' : 'PGlite'}`),
  );
  console.log(report);
  console.log(`Written: ${join(out, `${name}.md`)} and .svg`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
