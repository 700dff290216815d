import type { EntityManager } from '@mikro-orm/postgresql';
import { agencyEm } from '../../db/agency-scope.js';
import { changesBetween } from '../audit/audit.service.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import type { User } from '../user/user.entity.js';

/** The audit action of a failed sign-in (AuditEvent.action). */
export const FAILED_SIGN_IN = 'loginFailed';

/**
 * Records a failed sign-in to an existing user in that user's agency's audit log, with the
 * client's address and user agent: the agency's admins see who is being guessed at, and from where.
 * Filed under the user the e-mail names, with no actor: whoever typed the password is not
 * proven to be that user.
 *
 * Not audited: attempts on unknown e-mails (they belong to no agency, and filing them anywhere
 * would tell an agency about e-mails of others; the per-address limit counts them and the
 * request log has their address), and successful sign-ins (each opens a session, which
 * records its user agent and time, and sets the user's lastLoginAt; a line per sign-in would
 * bury the changes the log is for).
 */
export async function recordFailedSignIn(
  rootEm: EntityManager,
  attempt: { account: User; clientAddress: string; userAgent?: string },
): Promise<void> {
  const em = agencyEm(rootEm, attempt.account.agency.id);
  em.create(AuditEvent, {
    agency: attempt.account.agency.id,
    actor: null,
    action: FAILED_SIGN_IN,
    entity: 'User',
    entityId: attempt.account.id,
    changes: changesBetween(null, {
      clientAddress: attempt.clientAddress,
      userAgent: attempt.userAgent?.slice(0, 300) ?? null,
    }),
    at: new Date(),
  });
  await em.flush();
}
