import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { type Message, msg } from '../../shared/messages/index.js';
import { refuse } from '../../shared/mutation.js';
import { agencyQuery, sql } from '../../shared/sql.js';
import { UserErrorCode } from '../../shared/user-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { revokeAllApiTokens } from '../auth/api-token.service.js';
import { OneTimeToken } from '../auth/one-time-token.entity.js';
import { closeAllSessions } from '../auth/session.service.js';
import { User } from './user.entity.js';
import { Role } from './user.enums.js';
import type { DeactivateUserInput, ReactivateUserInput, SetUserRoleInput } from './user.inputs.js';

export async function findUser(em: EntityManager, userId: string): Promise<User> {
  const user = await em.findOne(User, userId);
  if (!user) return refuse(UserErrorCode.NOT_FOUND, msg('noSuchUser'), ['input', 'userId']);
  return user;
}

/**
 * Refuses to take away the agency's last active admin. The active admins are locked (FOR
 * UPDATE) until the transaction ends, so two admins demoting each other at the same time
 * cannot both succeed: the second waits, then counts again without the first.
 */
async function keepAnAdmin(em: EntityManager, user: User, message: Message): Promise<void> {
  if (user.role !== Role.ADMIN || !user.active) return;
  const admins = await agencyQuery<{ id: string }>(
    em,
    (agency) => sql`select id from "user" where agency_id = ${agency} and role = 'ADMIN' and active for update`,
  );
  if (!admins.some((admin) => admin.id !== user.id)) {
    refuse(UserErrorCode.CONFLICT, message, ['input', 'userId'], user.id);
  }
}

export async function setUserRole(em: EntityManager, ctx: Context, input: SetUserRoleInput): Promise<User> {
  const user = await findUser(em, input.userId);
  if (user.role === input.role) return user;
  await keepAnAdmin(em, user, msg('lastAdminRole'));
  const before = { role: user.role };
  user.role = input.role;
  recordAudit(em, ctx, {
    action: 'setUserRole',
    entity: 'User',
    entityId: user.id,
    before,
    after: { role: user.role },
  });
  return user;
}

/**
 * Deactivation takes effect at once: the user's sessions are deleted, their API tokens
 * revoked (so a reactivation does not revive a secret that may have leaked) and their unused
 * one-time links deleted. Their records (deals, tasks, audit entries) stay theirs.
 */
export async function deactivateUser(em: EntityManager, ctx: Context, input: DeactivateUserInput): Promise<User> {
  const user = await findUser(em, input.userId);
  if (user.deactivatedAt) return user;
  await keepAnAdmin(em, user, msg('lastAdminDeactivation'));
  const before = { active: user.active, deactivatedAt: null };
  user.active = false;
  user.deactivatedAt = new Date();
  await closeAllSessions(em, user.id);
  const revokedApiTokens = await revokeAllApiTokens(em, user.id);
  await em.nativeDelete(OneTimeToken, { user: user.id, usedAt: null });
  recordAudit(em, ctx, {
    action: 'deactivateUser',
    entity: 'User',
    entityId: user.id,
    before: { ...before, revokedApiTokens: 0 },
    after: { active: false, deactivatedAt: user.deactivatedAt, revokedApiTokens },
  });
  return user;
}

/**
 * Lets a deactivated user sign in again with their password (new sessions, new tokens). A user
 * deactivated before accepting their invitation goes back to INVITED: give them a new link
 * with resetPasswordLink.
 */
export async function reactivateUser(em: EntityManager, ctx: Context, input: ReactivateUserInput): Promise<User> {
  const user = await findUser(em, input.userId);
  if (!user.deactivatedAt) return user;
  await em.populate(user, ['passwordHash']);
  const before = { active: user.active, deactivatedAt: user.deactivatedAt };
  user.active = Boolean(user.passwordHash);
  user.deactivatedAt = null;
  recordAudit(em, ctx, {
    action: 'reactivateUser',
    entity: 'User',
    entityId: user.id,
    before,
    after: { active: user.active, deactivatedAt: null },
  });
  return user;
}
