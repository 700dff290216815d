import type { MessagePort } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';

/**
 * One connection to the embedded database over a MessagePort (the PGlite thread's side; the main
 * thread's is db/embedded-channel.ts): the PostgreSQL wire protocol as the driver writes it, without
 * a socket. What the port brings is buffered; the startup packet (after refusing SSL) goes to PGlite
 * alone, then every run of complete messages that has arrived goes in ONE call (PGlite's main loop
 * reads them all: a query's Parse/Bind/Describe/Execute/Sync is one call, not five, unlike the socket
 * server's message-by-message queue), and its whole answer goes back in one message. PGlite is one
 * session: calls from several connections never interleave (`runExclusive`), and a connection that
 * closes inside a transaction has it rolled back, as the socket server does.
 */
const SSL_REQUEST = 80_877_103;
const CANCEL_REQUEST = 80_877_102;
const PROTOCOL_3 = 196_608;

/**
 * The sessions of one PGlite: every call of every connection, and every rollback of a connection
 * gone, in the order they came (PGlite is one session; the server's pool holds one connection).
 */
export function protocolSessions(db: PGlite) {
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(task: () => Promise<T>): Promise<T> => {
    const next = turn.then(task);
    turn = next.catch(() => undefined);
    return next;
  };
  const open = new Set<{ close(): void }>();
  return {
    serve(port: MessagePort): void {
      const session = serveProtocol(db, port, inTurn);
      open.add(session);
      port.once('close', () => open.delete(session));
    },
    closeAll(): void {
      for (const session of open) session.close();
    },
  };
}

function serveProtocol(
  db: PGlite,
  port: MessagePort,
  inTurn: <T>(task: () => Promise<T>) => Promise<T>,
): { close(): void } {
  let pending: Buffer = Buffer.alloc(0);
  let started = false;
  let closed = false;
  let work = Promise.resolve();

  const send = (chunks: Uint8Array[]) => {
    if (closed || chunks.length === 0) return;
    const answer = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    const copy = new Uint8Array(answer.byteLength);
    copy.set(answer);
    port.postMessage(copy, [copy.buffer]);
  };

  const run = async (messages: Uint8Array) => {
    const chunks: Uint8Array[] = [];
    await inTurn(() =>
      db.runExclusive(() =>
        // The data PGlite hands over is a view of its receive buffer: copied before the next call.
        db.execProtocolRawStream(messages, { onRawData: (data) => chunks.push(Buffer.from(data)) }),
      ),
    );
    send(chunks);
  };

  /** The length of the first packet in `pending` if it has all arrived; 0 if not. */
  const startupLength = () => {
    if (pending.length < 8) return 0;
    const length = pending.readInt32BE(0);
    return pending.length >= length ? length : 0;
  };

  /** The length of the complete messages at the start of `pending` (type byte, then their length). */
  const completeLength = () => {
    let end = 0;
    while (end + 5 <= pending.length) {
      const next = end + 1 + pending.readInt32BE(end + 1);
      if (next > pending.length) break;
      end = next;
    }
    return end;
  };

  const drain = async () => {
    while (!closed) {
      if (!started) {
        const length = startupLength();
        if (length === 0) return;
        const code = pending.readInt32BE(4);
        const packet = pending.subarray(0, length);
        pending = pending.subarray(length);
        if (code === SSL_REQUEST) send([Buffer.from('N')]);
        else if (code === CANCEL_REQUEST)
          continue; // not supported, as on the socket
        else if (code === PROTOCOL_3) {
          started = true;
          await run(packet);
        } else throw new Error(`Unknown startup packet (${code})`);
      } else {
        const length = completeLength();
        if (length === 0) return;
        const messages = pending.subarray(0, length);
        pending = pending.subarray(length);
        await run(messages);
      }
    }
  };

  const close = () => {
    if (closed) return;
    closed = true;
    port.close();
    // A connection gone inside a transaction leaves no transaction to the next one.
    work = work.then(() =>
      inTurn(async () => {
        if (db.isInTransaction()) await db.exec('rollback');
      }),
    );
  };

  port.on('message', (data: Uint8Array | null) => {
    if (data === null) return close();
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    pending = pending.length === 0 ? bytes : Buffer.concat([pending, bytes]);
    work = work.then(drain).catch((error: unknown) => {
      // PGlite refused the bytes (a broken packet): the connection ends, as a socket would.
      port.postMessage({ error: String(error) });
      close();
    });
  });
  port.on('close', close);
  return { close };
}
