import { crossAgencyQuery, sql } from '../shared/sql.js';
import type { Database } from './database.js';

/** How long /readyz waits for `select 1` before answering "not ready" (a hung server must not hang probes). */
export const READY_TIMEOUT_MS = 2_000;

/** Whether the database answers `select 1` within `timeoutMs`. */
export async function databaseAnswers(db: Pick<Database, 'orm'>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = crossAgencyQuery(db.orm.em, sql`select 1`, 'the readiness probe: reads no data').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
