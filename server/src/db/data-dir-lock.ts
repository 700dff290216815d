import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One process at a time on an embedded data folder: two PGlite instances writing the same files
 * corrupt them. The lock is a file in the folder holding the owner's PID, created atomically
 * (O_EXCL); a lock whose process is gone (killed, crashed) is taken over; it is removed when the
 * database closes, and at exit.
 */
export const LOCK_FILE = 'crm-server.lock';

export class DataDirLockedError extends Error {}

/** For the entry points (server, CLI): a locked data folder ends the process with its message, exit code 1. */
export function exitIfLocked(error: unknown): never {
  if (!(error instanceof DataDirLockedError)) throw error;
  process.stderr.write(`error: ${error.message}\n`);
  process.exit(1);
}

export interface DataDirLock {
  release(): void;
}

/** Lock files this process holds (its own PID in a file it does not hold is a previous life's). */
const held = new Set<string>();

function alive(pid: number, path: string): boolean {
  if (pid === process.pid) return held.has(path);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    try {
      writeSync(fd, String(process.pid));
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path)) return ownLock(path);
    const owner = readOwner(path);
    if (owner === undefined) continue; // released meanwhile: try again
    const pid = Number(owner.trim());
    if (Number.isInteger(pid) && pid > 0 && alive(pid, path)) {
      throw new DataDirLockedError(
        `The data folder ${dataDir} is in use by another server process (PID ${pid}): stop that one first, or set CRM_DATA_DIR to another folder. (If no such server runs, delete ${path}.)`,
      );
    }
    // A stale lock (its process is gone): remove it, unless someone took it over meanwhile.
    if (readOwner(path) === owner) {
      try {
        unlinkSync(path);
      } catch {
        // removed by another process taking over: the next attempt decides
      }
    }
  }
  throw new DataDirLockedError(`Could not lock the data folder ${dataDir} (${path}): another process keeps taking it.`);
}

function ownLock(path: string): DataDirLock {
  held.add(path);
  const release = () => {
    if (!held.has(path)) return;
    held.delete(path);
    process.off('exit', release);
    if (readOwner(path) === String(process.pid)) {
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', release);
  return { release };
}
