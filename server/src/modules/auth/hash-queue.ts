/**
 * At most `concurrency` password hashes computed at once, at most `maxQueued` waiting.
 *
 * argon2 runs on libuv's thread pool (4 threads by default), which file reads, DNS and zlib
 * share: unbounded sign-in attempts would fill it and stall every request. Beyond the queue,
 * `run` refuses at once (the caller answers 429 with Retry-After) instead of waiting forever.
 */
export interface HashQueueLimits {
  /** Hashes computed at once (CRM_PASSWORD_HASH_CONCURRENCY). */
  concurrency: number;
  /** Hashes waiting for a slot (CRM_PASSWORD_HASH_QUEUE); one more is refused. */
  maxQueued: number;
}

/** The queue was full: nothing was computed. */
export class HashQueueFullError extends Error {
  override name = 'HashQueueFullError';
  constructor(readonly retryAfterSeconds: number) {
    super('Too many passwords are being checked at once.');
  }
}

export class HashQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** Tasks started since the queue was made (tests count hashing work with it). */
  started = 0;

  constructor(private limits: HashQueueLimits) {
    if (limits.concurrency < 1) throw new Error('CRM_PASSWORD_HASH_CONCURRENCY must be at least 1');
  }

  /** New limits apply to tasks that start from now on. */
  configure(limits: HashQueueLimits): void {
    if (limits.concurrency < 1) throw new Error('CRM_PASSWORD_HASH_CONCURRENCY must be at least 1');
    this.limits = limits;
  }

  /** Tasks computing now and tasks waiting. */
  get load(): { running: number; queued: number } {
    return { running: this.running, queued: this.waiting.length };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limits.concurrency) {
      if (this.waiting.length >= this.limits.maxQueued) throw new HashQueueFullError(1);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    this.started++;
    try {
      return await task();
    } finally {
      // The slot passes to the next waiting task as is (running stays counted), or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
