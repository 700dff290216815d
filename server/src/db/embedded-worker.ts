import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
// `.ts` on purpose: under the tests Node runs this file from the sources, stripping its types, and
// resolves imports as written; the build rewrites it to `.js` (rewriteRelativeImportExtensions).
import { extensions } from './embedded-extensions.ts';

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

export type EmbeddedRequest = { id: number; kind: 'dump' | 'stop' };

export type EmbeddedReply =
  | { kind: 'ready'; port: number }
  | { id: number; kind: 'dumped'; image: ArrayBuffer }
  | { id: number; kind: 'stopped' }
  | { id: number; kind: 'failed'; error: unknown };

const main = parentPort;
if (!main) throw new Error('db/embedded-worker.ts runs in a worker thread, started by db/embedded.ts');
const { dataDir, loadDataDir } = workerData as EmbeddedWorkerData;
// PostgreSQL's 128 MB of shared buffers would be WebAssembly memory held from the start; the
// operating system caches the data folder's files as well (docs/bench.md, "The embedded default").
const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];
const db = await PGlite.create({ dataDir, loadDataDir, extensions, startParams });
const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
try {
  await server.start();
} catch (error) {
  await db.close();
  throw error;
}

async function answer(request: EmbeddedRequest): Promise<EmbeddedReply> {
  if (request.kind === 'dump') {
    return { id: request.id, kind: 'dumped', image: await (await db.dumpDataDir('gzip')).arrayBuffer() };
  }
  await server.stop();
  await db.close();
  return { id: request.id, kind: 'stopped' };
}

main.on('message', (request: EmbeddedRequest) => {
  answer(request).then(
    (reply) => main.postMessage(reply, reply.kind === 'dumped' ? [reply.image] : []),
    (error: unknown) => main.postMessage({ id: request.id, kind: 'failed', error } satisfies EmbeddedReply),
  );
});
const ready: EmbeddedReply = { kind: 'ready', port: Number(server.getServerConn().split(':').pop()) };
main.postMessage(ready);
