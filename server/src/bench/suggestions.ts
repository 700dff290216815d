import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../config.js';
import { benchScale } from './scale.js';
import { runSuggestionsBench, suggestionsReport } from './suggestions-run.js';
import { positiveEnv } from './support.js';

/**
 * `pnpm bench:suggestions`: meeting suggestions on the generator's data (suggestions-run.ts): the
 * offline evaluation and the live statement's speed. Prints the report and writes it to
 * docs/bench-results/suggestions-<scale>-<database>.md.
 *
 * Environment: BENCH_SCALE (an integer or `large`), BENCH_SIZE (batches of S, default 10 for
 * `large`, else 1), BENCH_PAIRS (most (mission, exporter) pairs replayed, evenly spread, default
 * 300), BENCH_RUNS (live statements timed, default 20), BENCH_OUT (folder of the result, default
 * docs/bench-results), DATABASE_URL (PostgreSQL; without it, embedded PGlite).
 */
async function main(): Promise<void> {
  const scale = benchScale(process.env.BENCH_SCALE);
  const batches = positiveEnv('BENCH_SIZE', scale.label === 'large' ? 10 : 1, { integer: true });
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const result = await runSuggestionsBench({
    databaseUrl,
    shape: scale.shape,
    batches,
    maxPairs: positiveEnv('BENCH_PAIRS', 300, { integer: true }),
    runs: positiveEnv('BENCH_RUNS', 20, { integer: true }),
    log: (line) => console.error(line),
  });
  const label = `${scale.label === 'large' ? 'large' : `S=${scale.label}`}, ${batches}×S, ${databaseUrl ? 'PostgreSQL' : 'PGlite'}`;
  const report = suggestionsReport(result, label);
  console.log(report);
  const out = process.env.BENCH_OUT || join(repoRoot, 'docs/bench-results');
  mkdirSync(out, { recursive: true });
  const file = join(out, `suggestions-${scale.label}-${batches}xS-${databaseUrl ? 'postgresql' : 'pglite'}.md`);
  writeFileSync(file, `${report}\n`);
  console.error(`written: ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
