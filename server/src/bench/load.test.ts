import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../config.js';
import { serveFlags } from './load-child.js';
import { loadChart, loadReport, loadTable, ratioTable } from './load-report.js';
import { runLoadBench, SERVER_LABELS, type ServerKind } from './load-run.js';

// The bench's servers run as processes from the build, as `pnpm bench:load` runs them.
const SERVE_OURS = join(repoRoot, 'server/dist/server/src/bench/serve-ours.js');

describe('pnpm bench:load at a tiny scale', () => {
  it('runs this server with the Node flags pnpm serve runs it with: its heap capped', () => {
    expect(serveFlags()).toEqual(['--max-old-space-size=256', '--no-liftoff']);
  });

  it('measures every page on every server it can reach, at each number of clients, without a failed request', async () => {
    if (!existsSync(SERVE_OURS)) throw new Error('The load bench runs the built servers: run `pnpm build` first.');
    const databaseUrl = process.env.DATABASE_URL || undefined;
    const result = await runLoadBench({
      databaseUrl,
      shape: {
        companies: 200,
        contactsPerCompany: 2,
        missions: 4,
        participantsPerMission: 12,
        interactions: 1_000,
        deals: 200,
        tasks: 100,
      },
      batches: 1,
      // Two numbers of clients would only repeat the same path (and cost CI time): one, concurrent.
      connections: [2],
      seconds: 1,
      warmupSeconds: 0,
      log: () => {},
      plans: true,
    });

    const expected: ServerKind[] = databaseUrl ? ['ours', 'ours2', 'postgraphile', 'floor'] : ['ours'];
    expect(result.servers).toEqual(expected);
    // On PGlite the others are named as skipped, with the reason.
    expect(result.skipped.map((s) => s.server)).toEqual(
      databaseUrl ? ['ours-replica'] : ['ours2', 'ours-replica', 'postgraphile', 'floor'],
    );
    // The replica's run is measured in db/read-replicas.test.ts, which has one.
    expect(result.skipped.find((s) => s.server === 'ours-replica')?.reason).toMatch(
      databaseUrl ? /BENCH_REPLICA_URL/ : /PostgreSQL/,
    );
    expect(result.pages).toHaveLength(5);
    for (const page of result.pages) {
      for (const server of expected) {
        // Each page answered with data (checked before its load) …
        expect(result.answerBytes.find((b) => b.page === page && b.server === server)?.bytes).toBeGreaterThan(0);
        // … and was measured at 2 concurrent clients, with no error.
        const cells = result.cells.filter((c) => c.page === page && c.server === server);
        expect(cells.map((c) => [c.connections, c.errors])).toEqual([[2, 0]]);
      }
    }

    // The query plans of each page (load-plans.ts, tested on its own) on PostgreSQL; on PGlite, why none.
    if (databaseUrl) expect(Array.isArray(result.plans) && result.plans.map((p) => p.page)).toEqual(result.pages);
    else expect(result.plans).toEqual({ skipped: expect.stringContaining('PostgreSQL') });

    const table = loadTable(result).split('\n');
    expect(table).toHaveLength(2 + result.pages.length * expected.length);
    for (const page of result.pages) {
      for (const server of expected) {
        expect(table.filter((line) => line.startsWith(`| ${page} | ${SERVER_LABELS[server]} |`))).toHaveLength(1);
      }
    }
    const ratios = ratioTable(result);
    expect(ratios === '' ? 0 : ratios.split('\n').length).toBe(databaseUrl ? 2 + result.pages.length : 0);
    const report = loadReport(
      result,
      { scale: 'tiny', seconds: 1, warmupSeconds: 0, plansFile: databaseUrl ? 'plans-tiny.md' : undefined },
      'test',
    );
    expect(report).toContain(loadTable(result));
    expect(report).toContain(databaseUrl ? '(plans-tiny.md)' : 'No query plans: needs PostgreSQL');
    const svg = loadChart(result, 'tiny');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(result.cells.length);
  }, 180_000);
});
