/**
 * The per-minute cost budget of API tokens: a leaky bucket per key (a user), as Shopify's Admin
 * API has. A request pours its requested cost into the bucket, which leaks `perMinute` points a
 * minute; a request that would overflow `capacity` is refused with the time to wait. Once the
 * response is known, the bucket is corrected by actual - requested (usually a refund).
 *
 * The interface is asynchronous and keyed so that the state can live outside the process: with
 * several server processes, implement it on PostgreSQL (one row per key, `level` and `updated_at`,
 * updated with a single `insert ... on conflict do update ... returning`) or Redis (a Lua script
 * doing the same arithmetic), and pass it to createApp. The in-memory bucket below is right for
 * one process only: each process would otherwise grant the full budget.
 */
export type Take = { ok: true; remaining: number } | { ok: false; remaining: number; retryAfterSeconds: number };

export interface CostBudget {
  readonly capacity: number;
  readonly perMinute: number;
  /** Spends `cost` points if the bucket has room for them; otherwise spends nothing. */
  take(key: string, cost: number): Promise<Take>;
  /** Adds `delta` points (negative: gives them back) once the actual cost is known; returns the points left. */
  settle(key: string, delta: number): Promise<number>;
}

interface Bucket {
  /** Points in the bucket at `at` (ms). */
  level: number;
  at: number;
}

export class InMemoryLeakyBucket implements CostBudget {
  readonly capacity: number;
  readonly perMinute: number;
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;

  constructor(options: { capacity: number; perMinute: number; now?: () => number }) {
    this.capacity = options.capacity;
    this.perMinute = options.perMinute;
    this.now = options.now ?? Date.now;
  }

  /** The bucket as it is now, after leaking since its last change. */
  private current(key: string): Bucket {
    const now = this.now();
    const bucket = this.buckets.get(key);
    if (!bucket) return { level: 0, at: now };
    const leaked = ((now - bucket.at) * this.perMinute) / 60_000;
    return { level: Math.max(0, bucket.level - leaked), at: now };
  }

  private store(key: string, bucket: Bucket): void {
    if (bucket.level <= 0) this.buckets.delete(key);
    else this.buckets.set(key, bucket);
  }

  private remaining(bucket: Bucket): number {
    return Math.max(0, Math.floor(this.capacity - bucket.level));
  }

  async take(key: string, cost: number): Promise<Take> {
    const bucket = this.current(key);
    const overflow = bucket.level + cost - this.capacity;
    if (overflow > 0) {
      this.store(key, bucket);
      const retryAfterSeconds = Math.max(1, Math.ceil((overflow * 60) / this.perMinute));
      return { ok: false, remaining: this.remaining(bucket), retryAfterSeconds };
    }
    bucket.level += cost;
    this.store(key, bucket);
    return { ok: true, remaining: this.remaining(bucket) };
  }

  async settle(key: string, delta: number): Promise<number> {
    const bucket = this.current(key);
    bucket.level = Math.min(this.capacity, Math.max(0, bucket.level + delta));
    this.store(key, bucket);
    return this.remaining(bucket);
  }
}
