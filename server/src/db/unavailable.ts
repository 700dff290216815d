/**
 * Whether an error means "the database is not there right now" (stopped, restarting, unreachable,
 * or every connection busy past the acquire timeout), as opposed to a bug or a bad statement.
 * Such errors are answered 503 SERVICE_UNAVAILABLE: the client may retry, nothing was written.
 */

/** SQLSTATEs of a server shutting down or starting up, and of broken connections (class 08). */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);

/** Node's socket errors when nothing answers at the server's address. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/** What the `pg` driver and pool say when a connection drops or cannot be had in time. */
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection timeout|Client has encountered a connection error|Client was closed|the database system is (starting up|shutting down|in recovery mode)/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SQLSTATES.has(code) || SOCKET_CODES.has(code))) return true;
  if (MESSAGES.test(error.message)) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) {
    return true;
  }
  return isDatabaseUnavailable(error.cause, depth + 1);
}
