import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log/logger.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { maintainEmbedded } from './embedded-maintenance.js';

/**
 * The embedded database has no autovacuum: the server vacuums and analyzes it
 * (embedded-maintenance.ts). Without statistics PostgreSQL plans a table as if it were empty.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('embedded database maintenance', () => {
  it('gives the planner the statistics of the rows written since', async () => {
    await server.sql('create table maintained (id int primary key, note text)');
    await server.sql(`insert into maintained select g, 'n' || g from generate_series(1, 500) g`);
    await server.sql('delete from maintained where id > 400');
    const state = async () =>
      (
        await server.sql<{ tuples: number; analyzed: number }>(
          `select reltuples::int as tuples,
                  (select count(*)::int from pg_stats where tablename = 'maintained') as analyzed
             from pg_class where relname = 'maintained'`,
        )
      )[0];
    expect((await state()).analyzed).toBe(0);

    const maintenance = maintainEmbedded(server.db.orm, createLogger({ level: 'silent' }));
    try {
      // Two passes asked together run once.
      await Promise.all([maintenance.run(), maintenance.run()]);
    } finally {
      maintenance.stop();
    }
    expect(await state()).toEqual({ tuples: 400, analyzed: 2 });
    await server.sql('drop table maintained');
  });
});
