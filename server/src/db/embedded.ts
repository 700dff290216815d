import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { serveBackups } from './backup.js';
import { type DataDirLock, lockDataDir } from './data-dir-lock.js';
import { extensions } from './embedded-extensions.js';

export interface EmbeddedDatabase {
  /** postgres://… URL that the normal PostgreSQL driver connects to. */
  url: string;
  stop(): Promise<void>;
}

/**
 * PGlite (PostgreSQL compiled to WebAssembly) behind a PostgreSQL wire-protocol socket on
 * loopback: the ORM uses the same driver, SQL and migrations as with a real server.
 * `dataDir` undefined keeps the database in memory; `loadDataDir` starts from a dump.
 * PGlite is a single backend session: connect with a pool of one. A data folder is locked to
 * this process while open (db/data-dir-lock.ts): a second server on it is refused; its backups
 * are served to `pnpm crm backup` (db/backup.ts).
 */
export async function startEmbedded(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<EmbeddedDatabase> {
  let lock: DataDirLock | undefined;
  let backups: Server | undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    lock = lockDataDir(options.dataDir);
  }
  try {
    const db = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir, extensions });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
    await server.start();
    const port = socketPort(server);
    if (options.dataDir) backups = await serveBackups(options.dataDir, () => db.dumpDataDir('gzip'));
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      async stop() {
        try {
          if (backups) await new Promise((done) => backups?.close(done));
          await server.stop();
          await db.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    backups?.close();
    lock?.release();
    throw error;
  }
}

export async function dumpEmbedded(dataDir?: string): Promise<Blob> {
  const db = await PGlite.create({ dataDir, extensions });
  const dump = await db.dumpDataDir('none');
  await db.close();
  return dump;
}

function socketPort(server: PGLiteSocketServer): number {
  const port = Number(server.getServerConn().split(':').pop());
  if (!(port > 0)) throw new Error('The embedded database did not report its port');
  return port;
}
