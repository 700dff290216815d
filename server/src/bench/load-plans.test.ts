import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBatches, generateShared } from './generate.js';
import { type LoadPage, loadPages } from './load-pages.js';
import {
  type CapturedStatement,
  captureOurStatements,
  explainPages,
  loadContextOf,
  pageStatements,
  plansReport,
  readPlan,
} from './load-plans.js';
import { benchWorld, createBenchAgency } from './support.js';
import { openThrowawayDatabase, type ThrowawayDatabase } from './throwaway-db.js';

const statement = (sql: string): CapturedStatement => ({ sql, params: [], text: sql });

describe('the plans step of pnpm bench:load', () => {
  it("keeps a page's reads: no sign-in look-up, no write, no session setting", () => {
    const kept = [
      'select "c0".* from "company" as "c0" where "c0"."id" = ?',
      'with page as (select 1) select * from page',
      '(select 1) union all (select 2)',
    ];
    const left = [
      'select s.id as session_id, u.id as user_id from session s join "user" u on u.id = s.user_id where s.token_hash = ?',
      'update session set last_seen_at = now() where id = ?',
      'insert into "audit" ("id") values (?)',
      'with moved as (delete from task where id = ? returning *) select * from moved',
      'select * from "user" where id = ? for update',
      "select set_config('statement_timeout', ?, true)",
      'begin',
    ];
    expect(pageStatements([...left, ...kept].map(statement)).map((s) => s.sql)).toEqual(kept);
  });

  it("reads a text plan's top line, times and the top node's shared buffers (not the planning's)", () => {
    const plan = readPlan(
      'select 1',
      [
        'Limit  (cost=0.42..8.44 rows=1 width=237) (actual time=0.005..0.006 rows=1 loops=1)',
        '  Buffers: shared hit=12 read=3 dirtied=1',
        '  ->  Index Scan using company_pkey on company c0  (cost=0.42..8.44 rows=1 width=237)',
        '        Buffers: shared hit=4',
        'Planning:',
        '  Buffers: shared hit=99',
        'Planning Time: 0.105 ms',
        'Execution Time: 12.5 ms',
      ].join('\n'),
    );
    expect(plan).toMatchObject({
      top: 'Limit  (cost=0.42..8.44 rows=1 width=237) (actual time=0.005..0.006 rows=1 loops=1)',
      executionMs: 12.5,
      planningMs: 0.105,
      sharedHit: 12,
      sharedRead: 3,
    });
  });

  describe('on a tiny bench database', () => {
    let throwaway: ThrowawayDatabase;
    let pages: LoadPage[];

    beforeAll(async () => {
      throwaway = await openThrowawayDatabase(process.env.DATABASE_URL || undefined, () => {});
      const { db } = throwaway;
      const conn = db.orm.em.getConnection();
      const world = benchWorld(await createBenchAgency(db, 'Bench Export Agency'), new Date());
      await generateShared(conn, world);
      const shape = {
        companies: 60,
        contactsPerCompany: 2,
        missions: 2,
        participantsPerMission: 6,
        interactions: 300,
        deals: 60,
        tasks: 30,
      };
      await generateBatches(conn, world, shape, 0, 1);
      await conn.execute('analyze');
      pages = loadPages(await loadContextOf((sql) => conn.execute(sql)));
      // The app and the plans open their own connections (PGlite takes one process at a time).
      await throwaway.close();
    }, 120_000);

    afterAll(() => throwaway?.destroy());

    it("captures this server's statements for each page, read only, the sign-in's left out; on PostgreSQL explains them and the floor's", async () => {
      const captures = await captureOurStatements(throwaway.location, pages);
      expect(captures.map((c) => c.page)).toEqual(pages.map((p) => p.name));
      for (const capture of captures) {
        expect(capture.statements.length).toBeGreaterThan(0);
        // The request's only other statement is the session look-up (answered without a session row).
        expect(capture.all.length - capture.statements.length).toBe(1);
      }

      // EXPLAIN of the floor's statements needs PostgreSQL, as the floor itself does (load-run.ts).
      if (!('databaseUrl' in throwaway.location)) return;
      const plans = await explainPages(throwaway.location.databaseUrl, pages);
      expect(plans.map((p) => p.page)).toEqual(pages.map((p) => p.name));
      for (const page of plans) {
        expect(page.floor.top).toMatch(/\(actual time=/);
        expect(page.floor.executionMs).toBeGreaterThanOrEqual(0);
        // Its own capture: how the ORM batches a page's reads may vary by a statement between requests.
        expect(page.ours.length).toBeGreaterThan(0);
        expect(page.leftOut).toBe(1);
        for (const plan of page.ours) expect(Number.isFinite(plan.executionMs)).toBe(true);
      }
      const report = plansReport(plans, 'Plans', 'tiny');
      for (const page of pages) expect(report).toContain(`## ${page.name}`);
    }, 60_000);
  });
});
