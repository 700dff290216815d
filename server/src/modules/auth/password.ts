import { Algorithm, hash, verify } from '@node-rs/argon2';
import { SignInLimitedError } from '../../graphql/errors.js';
import { msg, render } from '../../shared/messages/index.js';
import { HashQueue, HashQueueFullError, type HashQueueLimits } from './hash-queue.js';

/** argon2id with OWASP's recommended floor (19 MiB, 2 passes). */
const options = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * Every hash and verification of the process goes through one queue: the thread pool it
 * protects is the process's (see hash-queue.ts). createApp sets the configured limits.
 */
export const passwordHashing = new HashQueue({ concurrency: 2, maxQueued: 32 });

export function configurePasswordHashing(limits: HashQueueLimits): void {
  passwordHashing.configure(limits);
}

/** A task of the queue; a full queue is answered 429 RATE_LIMITED (`limit: 'busy'`) with Retry-After. */
async function queued<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await passwordHashing.run(task);
  } catch (error) {
    if (!(error instanceof HashQueueFullError)) throw error;
    const seconds = error.retryAfterSeconds;
    throw new SignInLimitedError(render(msg('signInBusy', { seconds })), {
      retryAfterSeconds: seconds,
      limit: 'busy',
    });
  }
}

/** Throws SignInLimitedError when too many hashes wait already. */
export function hashPassword(plain: string): Promise<string> {
  return queued(() => hash(plain, options));
}

/** Throws SignInLimitedError when too many hashes wait already; a malformed hash is false. */
export function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  return queued(async () => {
    try {
      return await verify(passwordHash, plain);
    } catch {
      return false;
    }
  });
}

/** A hash of a random password: verifying against it costs what a real check costs. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  // A refused decoy (queue full) is not kept: the next caller computes it again.
  decoy.catch(() => {
    decoy = undefined;
  });
  return decoy;
}
