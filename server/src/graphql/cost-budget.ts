import type { EntityManager } from '@mikro-orm/postgresql';
import { crossAgencyQuery, sql } from '../shared/sql.js';

/**
 * The per-minute cost budget of API tokens: a leaky bucket per key (a user), as Shopify's Admin
 * API has. A request pours its requested cost into the bucket, which leaks `perMinute` points a
 * minute; a request that would overflow `capacity` is refused with the time to wait. Once the
 * response is known, the bucket is corrected by actual - requested (usually a refund).
 *
 * The buckets live in PostgreSQL (issue 15: any number of server processes grant one budget),
 * one row per key in the unlogged table `cost_bucket` (state that a crash may lose: a bucket
 * starts empty again), each take one conditional upsert: two processes cannot both spend the
 * last points.
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

const WHY = 'cost budget: a bucket is keyed by its user, before or after the request it counts';

export class SqlLeakyBucket implements CostBudget {
  readonly capacity: number;
  readonly perMinute: number;
  private readonly now: () => number;

  constructor(
    private readonly em: EntityManager,
    options: { capacity: number; perMinute: number; now?: () => number },
  ) {
    this.capacity = options.capacity;
    this.perMinute = options.perMinute;
    this.now = options.now ?? Date.now;
  }

  /** The bucket's level at `now` (ms), leaked since its last change, as SQL over the row `b`. */
  private leaked(now: number) {
    return sql`greatest(0, b.level - greatest(0, ${now}::bigint - b.at) * ${this.perMinute}::float8 / 60000)`;
  }

  private remaining(level: number): number {
    return Math.max(0, Math.floor(this.capacity - level));
  }

  async take(key: string, cost: number): Promise<Take> {
    const now = this.now();
    const level = this.leaked(now);
    const [taken] = await crossAgencyQuery<{ level: number }>(
      this.em.fork(),
      sql`insert into cost_bucket as b (key, level, at)
          select ${key}, ${cost}::float8, ${now}::bigint where ${cost}::float8 <= ${this.capacity}
          on conflict (key) do update set level = ${level} + excluded.level, at = excluded.at
            where ${level} + excluded.level <= ${this.capacity}
          returning level`,
      WHY,
    );
    if (taken) return { ok: true, remaining: this.remaining(Number(taken.level)) };
    const [row] = await crossAgencyQuery<{ level: number }>(
      this.em.fork(),
      sql`select ${level} as level from cost_bucket b where key = ${key}`,
      WHY,
    );
    const current = Number(row?.level ?? 0);
    const overflow = current + cost - this.capacity;
    const retryAfterSeconds = Math.max(1, Math.ceil((overflow * 60) / this.perMinute));
    return { ok: false, remaining: this.remaining(current), retryAfterSeconds };
  }

  async settle(key: string, delta: number): Promise<number> {
    const now = this.now();
    const [row] = await crossAgencyQuery<{ level: number }>(
      this.em.fork(),
      sql`insert into cost_bucket as b (key, level, at)
          values (${key}, least(${this.capacity}, greatest(0, ${delta}::float8)), ${now}::bigint)
          on conflict (key) do update
            set level = least(${this.capacity}, greatest(0, ${this.leaked(now)} + ${delta}::float8)), at = excluded.at
          returning level`,
      WHY,
    );
    return this.remaining(Number(row.level));
  }
}
