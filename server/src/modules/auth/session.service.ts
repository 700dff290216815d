import type { EntityManager } from '@mikro-orm/postgresql';
import { crossAgencyEm } from '../../db/agency-scope.js';
import type { Context, Viewer } from '../../graphql/context.js';
import { noteViewer } from '../../log/request-scope.js';
import { agencyQuery, crossAgencyQuery, sql } from '../../shared/sql.js';
import type { User } from '../user/user.entity.js';
import { Session } from './session.entity.js';
import { randomSecret, sha256 } from './tokens.js';

/** lastSeenAt is refreshed at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

export async function openSession(
  rootEm: EntityManager,
  user: User,
  ttlDays: number,
  userAgent?: string,
): Promise<{ token: string; maxAgeSeconds: number }> {
  const em = crossAgencyEm(rootEm);
  const token = randomSecret();
  const now = new Date();
  const maxAgeSeconds = ttlDays * 86_400;
  em.create(Session, {
    agency: user.agency,
    user,
    tokenHash: sha256(token),
    expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000),
    lastSeenAt: now,
    userAgent: userAgent?.slice(0, 500) ?? null,
  });
  await em.flush();
  return { token, maxAgeSeconds };
}

interface SessionRow {
  session_id: string;
  user_id: string;
  agency_id: string;
  role: Viewer['role'];
  last_seen_at: Date;
  data_version: string;
}

/**
 * The viewer behind a session cookie: one statement; null when expired (past its absolute lifetime,
 * or unused for more than `idleHours`: 0 means no idle timeout), unknown or the user is inactive.
 */
export async function viewerFromSession(
  rootEm: EntityManager,
  token: string,
  idleHours: number,
): Promise<Viewer | null> {
  const rows = await crossAgencyQuery<SessionRow>(
    rootEm,
    sql`select s.id as session_id, u.id as user_id, u.agency_id, u.role, s.last_seen_at,
         pg_current_wal_insert_lsn()::text as data_version
       from session s join "user" u on u.id = s.user_id
      where s.token_hash = ${sha256(token)} and s.expires_at > now() and u.active
        and (${idleHours}::int = 0 or s.last_seen_at > now() - make_interval(hours => ${idleHours}::int))`,
    'the session is found by its secret token before anyone, and so any agency, is known',
    // Every request runs it: planned once per connection.
    { prepared: true },
  );
  const row = rows[0];
  if (!row) return null;
  if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
    await crossAgencyQuery(
      rootEm,
      sql`update session set last_seen_at = now() where id = ${row.session_id}`,
      'the session found by its token above',
    );
  }
  return {
    userId: row.user_id,
    agencyId: row.agency_id,
    role: row.role,
    via: 'session',
    sessionId: row.session_id,
    dataVersion: row.data_version,
  };
}

export async function closeSession(rootEm: EntityManager, token: string): Promise<void> {
  await crossAgencyQuery(
    rootEm,
    sql`delete from session where token_hash = ${sha256(token)}`,
    'signing out: the session is known by its secret token only',
  );
}

/** Signs a user out everywhere (deactivation, password reset). */
export async function closeAllSessions(em: EntityManager, userId: string): Promise<void> {
  await agencyQuery(em, (agency) => sql`delete from session where agency_id = ${agency} and user_id = ${userId}`);
}

/** Signs a user in on this browser (sign-in, accepted invitation): replaces its session, if any, and sets the cookie. */
export async function startSession(ctx: Context, user: User): Promise<void> {
  if (ctx.cookies.sessionToken) await closeSession(ctx.rootEm, ctx.cookies.sessionToken);
  const session = await openSession(ctx.rootEm, user, ctx.sessionTtlDays, ctx.userAgent);
  ctx.cookies.set(session.token, session.maxAgeSeconds);
  noteViewer({ userId: user.id, agencyId: user.agency.id, via: 'session' });
}
