/**
 * Statement timeouts (docs/api.md, "Timeouts"). On PostgreSQL the server cancels a statement
 * that runs longer than `statement_timeout` (SQLSTATE 57014, answered as TIMEOUT): it is a
 * startup option of every connection of the pool. Analytics statements read through a pool of
 * their own on the same server (MikroORM's read "replica", used only where asked for), with a
 * longer timeout and a few connections, so reports can neither run forever nor take the
 * connections of everyone else.
 *
 * PGlite (the embedded database) ignores statement_timeout: it runs in the server's one thread
 * and no timer fires while a statement runs. There, analytics are bounded by their row limits,
 * checked before the SQL runs (modules/analytics/limits.ts).
 */

import { PRIMARY_READS, REPLICA_PREFIX } from './read-replicas.js';

/** The connection analytics read through (`em.getConnection(ANALYTICS_CONNECTION)`). */
export const ANALYTICS_CONNECTION = 'read';

/** Connections of the analytics pool on PostgreSQL. */
export const ANALYTICS_POOL_SIZE = 4;

/** Connections of the main pool (and of each replica's) on PostgreSQL. */
export const MAIN_POOL_SIZE = 10;

export interface TimeoutOptions {
  url: string;
  singleConnection: boolean;
  /** Longest statement, in ms (0 or absent: none). */
  statementTimeoutMs?: number;
  /** Longest analytics statement, in ms (0 or absent: none). */
  analyticsTimeoutMs?: number;
  /** Streaming replicas: analytics read there (db/read-replicas.ts), each with a pool like the analytics one. */
  replicaUrls?: string[];
}

/** `pg`'s option: sent at connection start, so it holds for every statement of the connection. */
function statementTimeout(ms: number | undefined): { statement_timeout?: number } {
  return ms ? { statement_timeout: ms } : {};
}

/** The ORM options that set the timeouts, given the `pg` driver options of the main pool. */
export function timeoutConfig(options: TimeoutOptions, driverOptions: Record<string, unknown>) {
  if (options.singleConnection) return { driverOptions, preferReadReplicas: false };
  return {
    // The main pool serves pages of a few ms: PostgreSQL's JIT compiler, which starts on statements
    // it estimates costly (a board's stage totals over 200,000 deals), spent 25-30 ms compiling for
    // statements that run in 100: off there; analytics keep it.
    driverOptions: { ...driverOptions, ...statementTimeout(options.statementTimeoutMs), options: '-c jit=off' },
    // Plain reads stay on the main pool: only analytics ask for this one.
    preferReadReplicas: false,
    replicas: [
      {
        name: PRIMARY_READS,
        clientUrl: options.url,
        pool: { min: 0, max: ANALYTICS_POOL_SIZE },
        driverOptions: { ...driverOptions, ...statementTimeout(options.analyticsTimeoutMs) },
      },
      // A streaming replica serves pages too (read-model/statement-batch.ts): a pool as large as the
      // main one, JIT off as there (on, the company page took 115 ms on a replica for 5 on the
      // primary: docs/bench.md), and the analytics timeout, since analytics read there as well.
      ...(options.replicaUrls ?? []).map((clientUrl, index) => ({
        name: `${REPLICA_PREFIX}${index + 1}`,
        clientUrl,
        pool: { min: 0, max: MAIN_POOL_SIZE },
        driverOptions: { ...driverOptions, ...statementTimeout(options.analyticsTimeoutMs), options: '-c jit=off' },
      })),
    ],
  };
}

/** SQLSTATE 57014 query_canceled: the statement ran past statement_timeout (or was cancelled). */
export function isStatementTimeout(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  if ((error as { code?: unknown }).code === '57014') return true;
  return isStatementTimeout(error.cause, depth + 1);
}
