import type { Connection, EntityManager } from '@mikro-orm/core';
import { currentRequest } from '../log/request-scope.js';

/**
 * Reads on replicas (issue 15): with `DATABASE_REPLICA_URLS`, the reads that may lag a little
 * go to a streaming replica: analytics (`agencyQuery(…, { connection: 'read' })`) and the compiled
 * page reads (read-model/statement-batch.ts, `connection: 'replica'`); the primary keeps the
 * writes, what mutations answer, and the reads the resolvers make.
 *
 * - Each replica is a MikroORM read connection named `replica-<n>` (db/statement-timeout.ts); the
 *   `analytics` one is the primary's own analytics pool, where reads go when no replica can take them.
 * - A user's own writes: the response to a mutation carries the primary's WAL position in the
 *   `crm_read_after` cookie (http/app.ts); a request carrying it reads a replica only once that
 *   replica has replayed that far, else the primary: no "I just saved it and it is gone".
 * - A replica that fails a statement (or a readiness probe) is left out for RETRY_MS, and the
 *   statement runs again on the primary; when every replica is out, reads go to the primary and
 *   /readyz says "degraded".
 */

export const REPLICA_PREFIX = 'replica-';
export const PRIMARY_READS = 'analytics';
/** How long a replica that failed is left out before it is tried again. */
export const RETRY_MS = 5_000;
/** The cookie of a writer's position (see above); it outlives any sane replication lag. */
export const READ_AFTER_COOKIE = 'crm_read_after';
export const READ_AFTER_MAX_AGE_S = 60;

const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

interface Named {
  options?: { name?: string };
}

/** Until when (ms) each failed replica is left out. */
const failedUntil = new WeakMap<Connection, number>();

function readConnections(em: EntityManager): { replicas: Connection[]; primary: Connection } {
  const all = (em.getDriver() as unknown as { replicas: Connection[] }).replicas ?? [];
  const name = (connection: Connection) => (connection as unknown as Named).options?.name ?? '';
  const primary = all.find((connection) => name(connection) === PRIMARY_READS) ?? em.getConnection('write');
  return { replicas: all.filter((connection) => name(connection).startsWith(REPLICA_PREFIX)), primary };
}

/** Whether the server was given replicas. */
export function hasReplicas(em: EntityManager): boolean {
  return readConnections(em).replicas.length > 0;
}

/** A WAL position read from a request's cookie header, if well formed. */
export function readAfterFromCookies(header: string | undefined): string | undefined {
  const value = header
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${READ_AFTER_COOKIE}=`))
    ?.slice(READ_AFTER_COOKIE.length + 1);
  return value && LSN.test(value) ? value : undefined;
}

/** The cookie that makes the writer's next requests wait for their write on a replica. */
export async function readAfterCookie(em: EntityManager, secure: boolean): Promise<string> {
  const [{ lsn }] = (await em
    .getConnection('write')
    .execute('select pg_current_wal_lsn()::text as lsn', [], 'all')) as { lsn: string }[];
  return `${READ_AFTER_COOKIE}=${lsn}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${READ_AFTER_MAX_AGE_S}${secure ? '; Secure' : ''}`;
}

function usable(replica: Connection, now: number): boolean {
  return (failedUntil.get(replica) ?? 0) <= now;
}

/** Leaves a replica out for RETRY_MS. */
export function markFailed(replica: Connection): void {
  failedUntil.set(replica, Date.now() + RETRY_MS);
}

async function hasReplayed(replica: Connection, lsn: string): Promise<boolean> {
  const [row] = (await replica.execute(
    'select coalesce(pg_last_wal_replay_lsn() >= ?::pg_lsn, false) as replayed',
    [lsn],
    'all',
  )) as { replayed: boolean }[];
  return row.replayed;
}

/**
 * The connection a read that may lag goes to: a usable replica (that has replayed the request's
 * own writes), else the primary: its analytics pool, or its main pool for a page read (`fallback`). `run` is tried on the replica, and on the
 * primary if the replica fails it (the replica is then left out).
 */
export async function onReadConnection<T>(
  em: EntityManager,
  run: (connection: Connection) => Promise<T>,
  fallback: 'analytics' | 'main' = 'analytics',
): Promise<T> {
  const connections = readConnections(em);
  const { replicas } = connections;
  const primary = fallback === 'main' ? em.getConnection('write') : connections.primary;
  const now = Date.now();
  const candidates = replicas.filter((replica) => usable(replica, now));
  if (candidates.length === 0) return run(primary);
  const replica = candidates[Math.floor(Math.random() * candidates.length)];
  const readAfter = currentRequest()?.readAfter;
  try {
    if (readAfter && !(await hasReplayed(replica, readAfter))) return run(primary);
  } catch {
    markFailed(replica);
    return run(primary);
  }
  try {
    return await run(replica);
  } catch (error) {
    if (!isConnectionFailure(error)) throw error;
    markFailed(replica);
    return run(primary);
  }
}

/** A replica that cannot be reached (refused, reset, shut down, timed out acquiring), not a bad statement. */
function isConnectionFailure(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (/^(ECONN|EPIPE|ETIMEDOUT|ENOTFOUND)/.test(code) || /^(08|57P)/.test(code))) {
    return true;
  }
  if (/terminat|connect|timeout exceeded/i.test(error.message)) return true;
  return isConnectionFailure(error.cause, depth + 1);
}

/**
 * The replicas' state for /readyz: `none` (no replicas given), `ok` (at least one answers), or
 * `degraded` (none does: reads go to the primary). Each is asked `select 1` within `timeoutMs`.
 */
export async function replicaState(em: EntityManager, timeoutMs: number): Promise<'none' | 'ok' | 'degraded'> {
  const { replicas } = readConnections(em);
  if (replicas.length === 0) return 'none';
  const answers = await Promise.all(
    replicas.map(async (replica) => {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const answered = replica.execute('select 1', [], 'all').then(
        () => true,
        () => false,
      );
      const ok = await Promise.race([answered, timedOut]);
      clearTimeout(timer);
      if (ok) failedUntil.delete(replica);
      else markFailed(replica);
      return ok;
    }),
  );
  return answers.some(Boolean) ? 'ok' : 'degraded';
}
