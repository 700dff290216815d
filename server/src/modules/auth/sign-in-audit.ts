import type { EntityManager } from '@mikro-orm/postgresql';
import { agencyEm } from '../../db/agency-scope.js';
import { changesBetween } from '../audit/audit.service.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import type { User } from '../user/user.entity.js';

/** Audit actions of sign-ins (AuditEvent.action). */
export const SIGN_IN_ACTIONS = { success: 'login', failure: 'loginFailed' } as const;

/**
 * Records a sign-in to an existing user in that user's agency's audit log, with the client's
 * address and user agent: the agency's admins see who signed in and who tried from where.
 *
 * A failed attempt is filed under the user the e-mail names, with no actor (whoever typed the
 * password is not proven to be that user). Attempts on unknown e-mails are not audited: they
 * belong to no agency, and filing them anywhere would tell an agency about e-mails of others;
 * the per-address limit counts them, and the request log records them with the address.
 */
export async function recordSignIn(
  rootEm: EntityManager,
  attempt: { account: User; succeeded: boolean; clientAddress: string; userAgent?: string },
): Promise<void> {
  const em = agencyEm(rootEm, attempt.account.agency.id);
  em.create(AuditEvent, {
    agency: attempt.account.agency.id,
    actor: attempt.succeeded ? attempt.account.id : null,
    action: attempt.succeeded ? SIGN_IN_ACTIONS.success : SIGN_IN_ACTIONS.failure,
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
