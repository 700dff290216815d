import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
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

  it('fails to start with the database error on a dump it cannot load, and frees the folder', async () => {
    const dir = folder();
    await expect(startEmbedded({ dataDir: dir, loadDataDir: new Blob(['not a dump']) })).rejects.toThrow(
      'PGlite failed to initialize',
    );
    lockDataDir(dir).release();
  });
});
