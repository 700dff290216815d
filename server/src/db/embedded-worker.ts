import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
// `.ts` on purpose: under the tests Node runs this file from the sources, stripping its types, and
// resolves imports as written; the build rewrites it to `.js` (rewriteRelativeImportExtensions).
import { extensions } from './embedded-extensions.ts';
import { SizeRememberingNodeFS } from './embedded-file-sizes.ts';
import { protocolSessions } from './embedded-session.ts';

/**
 * The embedded database's thread (started by db/embedded.ts): PGlite and its wire-protocol
 * socket run here, so SQL runs on another core than GraphQL. The main thread sends requests and
 * gets one reply per request; the first message is `ready` with the socket's port. A failure to
 * start is this thread's uncaught error, which the main thread receives.
 */

export interface EmbeddedWorkerData {
  dataDir?: string;
  loadDataDir?: Blob;
}

/** A backup image, stopping, or a connection over a port of its own (db/embedded-session.ts). */
export type EmbeddedRequest = { id: number; kind: 'dump' | 'stop' } | { kind: 'connect'; port: MessagePort };

export type EmbeddedReply =
  | { kind: 'ready'; url: string }
  | { id: number; kind: 'dumped'; image: ArrayBuffer }
  | { id: number; kind: 'stopped' }
  | { id: number; kind: 'failed'; error: unknown };

const main = parentPort;
if (!main) throw new Error('db/embedded-worker.ts runs in a worker thread, started by db/embedded.ts');
const { dataDir, loadDataDir } = workerData as EmbeddedWorkerData;
// PostgreSQL's 128 MB of shared buffers would be WebAssembly memory held from the start; the
// operating system caches the data folder's files as well (docs/bench.md, "The embedded default").
const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];
// A data folder's files with their sizes remembered (db/embedded-file-sizes.ts); in memory otherwise.
const fs = dataDir ? new SizeRememberingNodeFS(dataDir) : undefined;
const db = await PGlite.create({ fs, loadDataDir, extensions, startParams });
// The server's own connections come over MessagePorts (`connect`): no socket, no system call per
// message, and a query's messages in one PGlite call (the companies page under 16 clients: docs/bench.md).
// The wire-protocol socket stays for tools (psql, the tests' plain clients): a Unix socket in a
// folder of its own where there are such sockets; the folder goes when the thread stops.
const socketDir = process.platform === 'win32' ? undefined : mkdtempSync(join(tmpdir(), 'crm-pg-'));
const server = socketDir
  ? new PGLiteSocketServer({ db, path: join(socketDir, '.s.PGSQL.5432') })
  : new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
const removeSocketDir = () => socketDir && rmSync(socketDir, { recursive: true, force: true });
try {
  await server.start();
} catch (error) {
  await db.close();
  removeSocketDir();
  throw error;
}

// The server's connections, each over a MessagePort of its own (db/embedded-session.ts).
const sessions = protocolSessions(db);

async function answer(request: { id: number; kind: 'dump' | 'stop' }): Promise<EmbeddedReply> {
  if (request.kind === 'dump') {
    return { id: request.id, kind: 'dumped', image: await (await db.dumpDataDir('gzip')).arrayBuffer() };
  }
  sessions.closeAll();
  await server.stop();
  await db.close();
  removeSocketDir();
  return { id: request.id, kind: 'stopped' };
}

main.on('message', (request: EmbeddedRequest) => {
  if (request.kind === 'connect') return sessions.serve(request.port);
  answer(request).then(
    (reply) => main.postMessage(reply, reply.kind === 'dumped' ? [reply.image] : []),
    (error: unknown) => main.postMessage({ id: request.id, kind: 'failed', error } satisfies EmbeddedReply),
  );
});
// The driver reads a host that is a folder as the Unix socket `.s.PGSQL.<port>` in it.
const host = socketDir ? encodeURIComponent(socketDir) : '127.0.0.1';
const port = socketDir ? 5432 : Number(server.getServerConn().split(':').pop());
const ready: EmbeddedReply = { kind: 'ready', url: `postgres://postgres@${host}:${port}/postgres` };
main.postMessage(ready);
