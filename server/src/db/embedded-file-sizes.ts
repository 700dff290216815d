import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * The embedded database's data folder with its files' sizes remembered (used by
 * db/embedded-worker.ts).
 *
 * PostgreSQL asks a relation's size (`lseek(fd, 0, SEEK_END)`) each time it starts scanning it,
 * and Emscripten's Node file system answers every such seek with an `fstat` system call: 17 % of
 * the database thread's busy time on the companies page (docs/bench.md, "The embedded default").
 * Every write to these files goes through this file system (one process holds the folder:
 * db/data-dir-lock.ts), so a file's size is known once read: the end of its furthest write, or
 * what a truncation set. Kept per file node (one per path while the file exists; a file deleted
 * or renamed gets a new node, and a new entry); anything else that may change a size forgets it,
 * and the next seek asks the system again.
 */

/** The parts of an Emscripten file stream this file system uses. */
interface Stream {
  node: { mode: number };
  position: number;
}

type Ops = Record<string, ((...args: never[]) => unknown) | undefined>;

interface EmscriptenFS {
  filesystems: { NODEFS?: { stream_ops: Ops; node_ops: Ops } };
  isFile(mode: number): boolean;
  ErrnoError: new (errno: number) => Error;
}

const SEEK_END = 2;
const EINVAL = 28;

/** Remembers the sizes of the files NODEFS opens (see above); false when NODEFS is not as expected. */
export function rememberFileSizes(FS: EmscriptenFS): boolean {
  const nodefs = FS.filesystems.NODEFS;
  const streamOps = nodefs?.stream_ops;
  const nodeOps = nodefs?.node_ops;
  const llseek = streamOps?.llseek as ((stream: Stream, offset: number, whence: number) => number) | undefined;
  const write = streamOps?.write as
    | ((stream: Stream, buffer: unknown, offset: number, length: number, position?: number, canOwn?: boolean) => number)
    | undefined;
  if (!streamOps || !nodeOps || !llseek || !write || !streamOps.setattr || !nodeOps.setattr) return false;

  const sizes = new WeakMap<object, number>();
  streamOps.llseek = ((stream: Stream, offset: number, whence: number) => {
    if (whence !== SEEK_END || !FS.isFile(stream.node.mode)) return llseek(stream, offset, whence);
    let size = sizes.get(stream.node);
    if (size === undefined) {
      size = llseek(stream, 0, SEEK_END);
      sizes.set(stream.node, size);
    }
    const position = size + offset;
    if (position < 0) throw new FS.ErrnoError(EINVAL);
    return position;
  }) as Ops[string];
  streamOps.write = ((
    stream: Stream,
    buffer: unknown,
    offset: number,
    length: number,
    position?: number,
    canOwn?: boolean,
  ) => {
    const written = write(stream, buffer, offset, length, position, canOwn);
    const size = sizes.get(stream.node);
    if (size !== undefined) {
      if (typeof position !== 'number') sizes.delete(stream.node);
      else if (position + written > size) sizes.set(stream.node, position + written);
    }
    return written;
  }) as Ops[string];
  // Truncations (setattr with a size), and whatever else may change a file behind the streams.
  const forgetting = (ops: Ops, name: string, nodeOf: (first: unknown) => object | undefined) => {
    const original = ops[name];
    if (!original) return;
    ops[name] = ((...args: never[]) => {
      const node = nodeOf(args[0]);
      if (node) sizes.delete(node);
      return original(...args);
    }) as Ops[string];
  };
  const streamNode = (stream: unknown) => (stream as Stream | undefined)?.node;
  const node = (value: unknown) => value as object | undefined;
  for (const name of ['setattr', 'allocate', 'mmap', 'msync']) forgetting(streamOps, name, streamNode);
  forgetting(nodeOps, 'setattr', node);
  return true;
}

/** NodeFS (PGlite's file system for a data folder on Node) with rememberFileSizes. */
export class SizeRememberingNodeFS extends NodeFS {
  /** Whether the sizes are remembered (NODEFS was as expected). */
  remembering = false;

  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const { emscriptenOpts } = await super.init(...args);
    const preRun = [
      ...(emscriptenOpts.preRun ?? []),
      (mod: { FS: unknown }) => {
        this.remembering = rememberFileSizes(mod.FS as EmscriptenFS);
        if (!this.remembering) {
          process.emitWarning('PGlite’s NODEFS is not as expected: file sizes are asked of the system on each seek');
        }
      },
    ];
    return { emscriptenOpts: { ...emscriptenOpts, preRun } as typeof emscriptenOpts };
  }
}
