import { existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.js';
import { startEmbedded } from './embedded.js';

/** The embedded database's thread (db/embedded-worker.ts), seen from the server's main thread. */

const dirs: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-embedded-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function query(url: string, sql: string, stream?: () => Duplex): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url, ...(stream ? { stream } : {}) });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('the embedded database thread', () => {
  it('runs a long statement while the main thread keeps answering', async () => {
    const db = await startEmbedded();
    try {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 20);
      await query(db.url, 'select pg_sleep(1)');
      clearInterval(timer);
      // PGlite runs a statement without yielding: on the main thread, no tick would come during it.
      expect(ticks).toBeGreaterThan(10);
    } finally {
      await db.stop();
    }
  });

  it('keeps the data folder across a stop, and frees it and its socket when stopped', async () => {
    const dir = folder();
    const first = await startEmbedded({ dataDir: dir });
    // A Unix socket in a folder of its own (the driver reads a host that is a path so).
    const socketDir = decodeURIComponent(new URL(first.url).hostname);
    expect(socketDir.startsWith(tmpdir())).toBe(true);
    await query(first.url, 'create table kept (name text); insert into kept values ($$written$$)');
    await first.stop();
    await expect(query(first.url, 'select 1')).rejects.toThrow(/ENOENT/);
    expect(existsSync(socketDir)).toBe(false);

    const second = await startEmbedded({ dataDir: dir });
    try {
      expect(await query(second.url, 'select name from kept')).toEqual([{ name: 'written' }]);
    } finally {
      await second.stop();
    }
  });

  it('serves the server’s connections over a MessagePort, with no socket between the threads', async () => {
    const db = await startEmbedded();
    try {
      // The socket gone, the port still connects; a statement, a transaction and its rollback cross it.
      unlinkSync(join(decodeURIComponent(new URL(db.url).hostname), '.s.PGSQL.5432'));
      await expect(query(db.url, 'select 1')).rejects.toThrow(/ENOENT/);
      const client = new pg.Client({ connectionString: db.url, stream: db.connect });
      await client.connect();
      await client.query('create table t (n int)');
      // Extended protocol (parse, bind, execute, sync in one write), then a failed statement.
      expect((await client.query('insert into t values ($1), ($2) returning n', [1, 2])).rows).toEqual([
        { n: 1 },
        { n: 2 },
      ]);
      await expect(client.query('select * from missing')).rejects.toThrow(/does not exist/);
      await client.query('begin');
      await client.query('insert into t values (3)');
      // A connection that ends inside a transaction: the next one does not inherit it.
      await client.end();
      const rows = await query(db.url, 'select n from t order by n', db.connect);
      expect(rows).toEqual([{ n: 1 }, { n: 2 }]);
      // A large answer comes back whole.
      const [big] = await query(db.url, "select repeat('x', 1000000) as x", db.connect);
      expect(String(big.x)).toHaveLength(1_000_000);
    } finally {
      await db.stop();
    }
  });

  it('fails to start with the database error on a dump it cannot load, and frees the folder', async () => {
    const dir = folder();
    await expect(startEmbedded({ dataDir: dir, loadDataDir: new Blob(['not a dump']) })).rejects.toThrow(
      'PGlite failed to initialize',
    );
    lockDataDir(dir).release();
  });
});
