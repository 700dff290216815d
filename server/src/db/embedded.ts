import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** The contrib modules search needs (the migrations create them; a real server ships them too). */
const extensions = { unaccent, pg_trgm };

export interface EmbeddedDatabase {
  /** postgres://… URL that the normal PostgreSQL driver connects to. */
  url: string;
  stop(): Promise<void>;
}

/**
 * PGlite (PostgreSQL compiled to WebAssembly) behind a PostgreSQL wire-protocol socket on
 * loopback: the ORM uses the same driver, SQL and migrations as with a real server.
 * `dataDir` undefined keeps the database in memory; `loadDataDir` starts from a dump.
 * PGlite is a single backend session: connect with a pool of one.
 */
export async function startEmbedded(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<EmbeddedDatabase> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir, extensions });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const port = socketPort(server);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
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
