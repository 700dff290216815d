import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { type DataDirLock, DataDirLockedError, LOCK_FILE, lockDataDir } from './data-dir-lock.js';
import { extensions } from './embedded-extensions.js';

/**
 * Backups of the embedded database (`pnpm crm backup` / `pnpm crm restore`).
 *
 * A backup is PGlite's own image of the data folder (`dumpDataDir`, a .tar.gz): PGlite takes it
 * between two statements (its query lock held, the tar built synchronously), so it is a
 * point-in-time copy of every committed transaction, which restores like a database that
 * stopped at that moment (a transaction still open is rolled back).
 *
 * While a server runs, it alone may read its data folder (db/data-dir-lock.ts), so the backup
 * comes from it: the server listens on a Unix socket of its own (mode 0600, outside the data
 * folder; never on the network) and streams the image to the CLI. Whoever may use that socket
 * could read the data folder anyway. With no server running, the CLI opens the folder itself.
 */

export class BackupError extends Error {}

/** The control socket of the server holding `dataDir` (a short path: Unix sockets allow ~100 bytes). */
export function backupSocketPath(dataDir: string): string {
  const id = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return join(tmpdir(), `crm-${id}.sock`);
}

/** Serves `GET /backup` on the control socket of `dataDir`; the caller holds the data folder's lock. */
export async function serveBackups(dataDir: string, dump: () => Promise<Blob>): Promise<Server> {
  const path = backupSocketPath(dataDir);
  rmSync(path, { force: true });
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/backup') {
      res.writeHead(404).end();
      return;
    }
    dump().then(
      async (image) => {
        const bytes = Buffer.from(await image.arrayBuffer());
        res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': bytes.length });
        res.end(bytes);
      },
      (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)),
    );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen({ path, readableAll: false, writableAll: false }, () => done());
  });
  chmodSync(path, 0o600);
  return server;
}

/** The image from the server running on `dataDir`, or undefined when none runs. */
async function backupFromServer(dataDir: string): Promise<Buffer | undefined> {
  const path = backupSocketPath(dataDir);
  if (!existsSync(path)) return undefined;
  if (lstatSync(path).uid !== process.getuid?.()) {
    throw new BackupError(`${path} belongs to another user: refusing to read a backup from it.`);
  }
  return new Promise((done, fail) => {
    const req = request({ socketPath: path, path: '/backup', method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        if (res.statusCode === 200) done(body);
        else fail(new BackupError(`The server could not write the backup: ${body.toString().slice(0, 200)}`));
      });
      res.on('error', fail);
    });
    // A socket left by a server that was killed: nobody listens, open the folder directly.
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNREFUSED' || error.code === 'ENOENT' ? done(undefined) : fail(error),
    );
    req.end();
  });
}

async function backupFromFolder(dataDir: string): Promise<Buffer> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new BackupError(`${dataDir} holds no database.`);
  let lock: DataDirLock;
  try {
    lock = lockDataDir(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    throw new BackupError(
      `A server runs on ${dataDir}, but its backup socket ${backupSocketPath(dataDir)} is not there: run the backup with the server's user and TMPDIR.`,
    );
  }
  try {
    const db = await PGlite.create({ dataDir, extensions });
    try {
      return Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
    } finally {
      await db.close();
    }
  } finally {
    lock.release();
  }
}

/** Writes a backup of the embedded database in `dataDir` to `file`; says where it came from. */
export async function backupTo(dataDir: string, file: string): Promise<{ bytes: number; fromServer: boolean }> {
  const fromServer = await backupFromServer(dataDir);
  const image = fromServer ?? (await backupFromFolder(dataDir));
  const partial = `${file}.partial`;
  writeFileSync(partial, image);
  renameSync(partial, file);
  return { bytes: image.length, fromServer: fromServer !== undefined };
}

/** The tar inside a backup, or a clear refusal of a file that is not one. */
function unpack(image: Buffer, file: string): Buffer {
  let tar: Buffer;
  try {
    tar = gunzipSync(image);
  } catch {
    throw new BackupError(`${file} is not a backup of this CRM (not a .tar.gz).`);
  }
  if (!tar.includes('PG_VERSION')) throw new BackupError(`${file} is not a backup of this CRM (no database inside).`);
  return tar;
}

/** Restores a backup into `dataDir`, which must be empty (or not exist) and not in use. */
export async function restoreInto(dataDir: string, file: string): Promise<void> {
  const tar = unpack(readFileSync(file), file);
  mkdirSync(dataDir, { recursive: true });
  // A running server holds the lock: refused here with its PID.
  const lock = lockDataDir(dataDir);
  try {
    const others = readdirSync(dataDir).filter((name) => name !== LOCK_FILE);
    if (others.length > 0) {
      throw new BackupError(
        `${dataDir} is not empty: restore into an empty (or new) folder, then point CRM_DATA_DIR at it.`,
      );
    }
    try {
      const loadDataDir = new Blob([tar], { type: 'application/x-tar' });
      const db = await PGlite.create({ dataDir, loadDataDir, extensions });
      try {
        await db.query('select count(*) from mikro_orm_migrations');
      } finally {
        await db.close();
      }
    } catch (error) {
      // The folder was empty: leave it so, not half restored.
      for (const name of readdirSync(dataDir)) if (name !== LOCK_FILE) rmSync(join(dataDir, name), { recursive: true });
      throw new BackupError(`${file} could not be restored: ${(error as Error).message}`);
    }
    // The image holds the lock file of the server it was taken from.
    rmSync(join(dataDir, LOCK_FILE), { force: true });
  } finally {
    lock.release();
  }
}
