import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { extname } from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { serveBackups } from './backup.js';
import { type DataDirLock, lockDataDir } from './data-dir-lock.js';
import { PortStream } from './embedded-channel.js';
import { extensions } from './embedded-extensions.js';
import type { EmbeddedReply, EmbeddedRequest, EmbeddedWorkerData } from './embedded-worker.js';

export interface EmbeddedDatabase {
  /** postgres://… URL that the normal PostgreSQL driver connects to (tools; the server uses `connect`). */
  url: string;
  /** A new connection over a MessagePort, as the `pg` driver's socket (its `stream` option): no socket between the threads. */
  connect(): Duplex;
  stop(): Promise<void>;
}

/**
 * PGlite (PostgreSQL compiled to WebAssembly) speaking the PostgreSQL wire protocol: the ORM uses
 * the same driver, SQL and migrations as with a real server. It runs in a worker thread of its own
 * (db/embedded-worker.ts), so SQL and GraphQL use two cores; the server's connections reach it over
 * MessagePorts (`connect`, the driver's `stream`: db/embedded-channel.ts, db/embedded-session.ts),
 * tools over a socket (`url`: a Unix socket in a private folder; TCP on loopback on Windows).
 * `dataDir` undefined keeps the database in memory; `loadDataDir` starts from a dump.
 * PGlite is a single backend session: connect with a pool of one. A data folder is locked to
 * this process while open (db/data-dir-lock.ts): a second server on it is refused; its backups
 * are served to `pnpm crm backup` (db/backup.ts). If the worker dies, the process exits with
 * its error rather than serve without a database.
 */
export async function startEmbedded(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<EmbeddedDatabase> {
  let lock: DataDirLock | undefined;
  let backups: Server | undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    lock = lockDataDir(options.dataDir);
  }
  const worker = startWorker({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  try {
    const url = await worker.ready;
    if (options.dataDir) {
      backups = await serveBackups(options.dataDir, worker.dump);
    }
    worker.onDeath((error) => {
      backups?.close();
      lock?.release();
      throw new Error(`The embedded database stopped unexpectedly: ${String(error)}`, { cause: error });
    });
    return {
      url,
      connect: worker.connect,
      async stop() {
        try {
          if (backups) await new Promise((done) => backups?.close(done));
          await worker.stop();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    backups?.close();
    await worker.stop().catch(() => undefined);
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

/** The worker of db/embedded-worker.ts: run from the build's .js, or from the sources' .ts under the tests. */
function startWorker(data: EmbeddedWorkerData) {
  const file = new URL(`embedded-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
  const worker = new Worker(file, { workerData: data });
  const pending = new Map<number, { resolve(reply: EmbeddedReply): void; reject(error: unknown): void }>();
  let nextId = 0;
  let stopping = false;
  let failure: unknown;
  let gone: unknown;
  let onDeath = (_error: unknown) => {};
  let notReady = (_error: unknown) => {};

  const ready = new Promise<string>((resolve, reject) => {
    notReady = reject;
    worker.once('message', (reply: EmbeddedReply) => {
      if (reply.kind === 'ready' && reply.url) resolve(reply.url);
      else reject(new Error('The embedded database did not report where it listens'));
      worker.on('message', (answer: EmbeddedReply) => {
        if (!('id' in answer)) return;
        const request = pending.get(answer.id);
        pending.delete(answer.id);
        if (answer.kind === 'failed') request?.reject(answer.error);
        else request?.resolve(answer);
      });
    });
    worker.on('error', (error) => {
      failure = error;
      reject(error);
    });
  });
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      const error = failure ?? new Error(`its thread exited with code ${code}`);
      gone = error;
      notReady(error);
      for (const request of pending.values()) request.reject(error);
      pending.clear();
      resolve();
      if (!stopping) onDeath(error);
    }),
  );

  async function ask(kind: 'dump' | 'stop'): Promise<EmbeddedReply> {
    if (gone) throw gone;
    const id = nextId++;
    return new Promise<EmbeddedReply>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, kind } satisfies EmbeddedRequest);
    });
  }

  return {
    ready,
    connect(): Duplex {
      const { port1, port2 } = new MessageChannel();
      if (gone) {
        port1.close();
      } else {
        worker.postMessage({ kind: 'connect', port: port2 } satisfies EmbeddedRequest, [port2]);
      }
      return new PortStream(port1);
    },
    /** A backup image (.tar.gz) of the data folder, taken between two statements. */
    async dump(): Promise<Blob> {
      const reply = await ask('dump');
      return new Blob(reply.kind === 'dumped' ? [reply.image] : []);
    },
    onDeath(handler: (error: unknown) => void) {
      onDeath = handler;
    },
    /** Closes the socket server and PGlite, then ends the thread (at once if it never got ready). */
    async stop() {
      if (stopping) return exited;
      stopping = true;
      try {
        await ready.then(
          () => ask('stop'),
          () => undefined,
        );
      } finally {
        await worker.terminate();
        await exited;
      }
    },
  };
}
