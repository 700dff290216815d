import { Duplex } from 'node:stream';
import type { MessagePort } from 'node:worker_threads';

/**
 * The main thread's side of a connection to the embedded database over a MessagePort (the PGlite
 * thread's side is db/embedded-session.ts): a stream the `pg` driver takes for its socket (its
 * `stream` option). What the driver writes is posted to the PGlite thread; what comes back is read.
 * No socket, no system call, no file descriptor between the two threads.
 */
export class PortStream extends Duplex {
  constructor(private readonly port: MessagePort) {
    super();
    port.on('message', (data: Uint8Array | { error: string }) => {
      if (data instanceof Uint8Array) this.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      else this.destroy(new Error(`The embedded database ended the connection: ${data.error}`));
    });
    port.on('close', () => {
      this.push(null);
      if (!this.destroyed) this.destroy();
    });
  }

  /** What `pg` calls on a socket: the connection is there at once (asynchronously, as a socket's). */
  connect(): this {
    process.nextTick(() => this.emit('connect'));
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setKeepAlive(): this {
    return this;
  }

  /** The driver holds the event loop open while a query runs, and lets it go when idle. */
  ref(): this {
    this.port.ref();
    return this;
  }

  unref(): this {
    this.port.unref();
    return this;
  }

  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.post([chunk]);
    done();
  }

  override _writev(chunks: { chunk: Buffer }[], done: (error?: Error | null) => void): void {
    this.post(chunks.map((c) => c.chunk));
    done();
  }

  /** The bytes in a buffer of their own, moved to the other thread (a Buffer may be a view of a larger one). */
  private post(chunks: Buffer[]): void {
    const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    this.port.postMessage(bytes, [bytes.buffer]);
  }

  override _final(done: (error?: Error | null) => void): void {
    this.port.postMessage(null);
    done();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.port.close();
    done(error);
  }
}
