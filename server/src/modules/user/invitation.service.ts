import type { EntityManager } from '@mikro-orm/postgresql';
import { agencyEm } from '../../db/agency-scope.js';
import type { Context, Viewer } from '../../graphql/context.js';
import { msg } from '../../shared/messages/index.js';
import { type Payload, refuse, runMutation } from '../../shared/mutation.js';
import { agencyQuery, crossAgencyQuery, sql } from '../../shared/sql.js';
import { UserErrorCode, userError } from '../../shared/user-error.js';
import { validateInput } from '../../shared/validation.js';
import { Agency } from '../agency/agency.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { revokeAllApiTokens } from '../auth/api-token.service.js';
import { OneTimeToken, OneTimeTokenPurpose } from '../auth/one-time-token.entity.js';
import { hashPassword } from '../auth/password.js';
import { closeAllSessions } from '../auth/session.service.js';
import { randomSecret, sha256 } from '../auth/tokens.js';
import { longDate } from '../mail/mail-templates.js';
import { absoluteLink, writeMail } from '../mail/outbox.js';
import { statusOf, User } from './user.entity.js';
import { Locale, type Role, UserStatus } from './user.enums.js';
import type {
  AcceptInvitationInput,
  Invitation,
  InviteUserInput,
  OneTimeLink,
  ResetPasswordLinkInput,
} from './user.inputs.js';
import { findUser } from './user.service.js';

/** How long a link works. An invitation may wait for a busy person; a reset is asked for now. */
export const LINK_TTL_HOURS: Record<OneTimeTokenPurpose, number> = {
  [OneTimeTokenPurpose.INVITATION]: 7 * 24,
  [OneTimeTokenPurpose.PASSWORD_RESET]: 24,
};

/** One route on the web app for both purposes: it asks for a password either way. */
export const LINK_PATH = '/invitation/';

const BAD_LINK = msg('badLink');

/** A new one-time link for a user; the user's unused links stop working. */
async function issueLink(
  em: EntityManager,
  ctx: Context,
  user: User,
  purpose: OneTimeTokenPurpose,
): Promise<OneTimeLink> {
  await em.nativeDelete(OneTimeToken, { user: user.id, usedAt: null });
  const token = randomSecret();
  const expiresAt = new Date(Date.now() + LINK_TTL_HOURS[purpose] * 3_600_000);
  em.create(OneTimeToken, {
    agency: ctx.viewer!.agencyId,
    user,
    purpose,
    tokenHash: sha256(token),
    expiresAt,
    createdBy: ctx.viewer!.userId,
  });
  const path = `${LINK_PATH}${token}`;
  // Mailed in the user's language (sent after the commit; without SMTP, read in "Outgoing mail").
  const agency = await em.findOneOrFail(Agency, ctx.viewer!.agencyId);
  writeMail(em, {
    agencyId: agency.id,
    to: { address: user.email, name: user.fullName },
    locale: user.locale,
    template: purpose === OneTimeTokenPurpose.INVITATION ? 'invitation' : 'passwordReset',
    view: {
      fullName: user.fullName,
      agencyName: agency.name,
      link: absoluteLink(path),
      expiresAt: longDate(expiresAt, user.locale),
    },
    createdBy: ctx.viewer!.userId,
  });
  return { path, purpose, expiresAt };
}

const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** An inactive user without a password, and the link with which they will set one. */
export async function inviteUser(
  em: EntityManager,
  ctx: Context,
  input: InviteUserInput,
): Promise<{ user: User; link: OneTimeLink }> {
  const email = normalizeEmail(input.email);
  // E-mail addresses are unique across agencies (sign-in is by e-mail alone): look in all of them,
  // inside the mutation's transaction (the embedded database has a single connection). The refusal
  // is the same whichever agency the address belongs to (same query, same code, message and field,
  // no id): an admin must not learn that someone works at another agency.
  const [taken] = await crossAgencyQuery<{ taken: boolean }>(
    em,
    sql`select true as taken from "user" where email = ${email}`,
    'e-mail addresses are unique across agencies (sign-in is by e-mail alone)',
  );
  if (taken) refuse(UserErrorCode.DUPLICATE, msg('emailTaken'), ['input', 'email']);
  const user = em.create(User, {
    agency: ctx.viewer!.agencyId,
    email,
    fullName: input.fullName.trim(),
    role: input.role,
    locale: input.locale ?? Locale.fr,
    active: false,
    passwordHash: null,
  });
  const link = await issueLink(em, ctx, user, OneTimeTokenPurpose.INVITATION);
  recordAudit(em, ctx, {
    action: 'inviteUser',
    entity: 'User',
    entityId: user.id,
    after: {
      email,
      fullName: user.fullName,
      role: user.role,
      locale: user.locale,
      active: false,
      linkExpiresAt: link.expiresAt,
    },
  });
  return { user, link };
}

/**
 * A link to set a new password, for a user who forgot theirs; for a user who never accepted
 * their invitation, a new invitation link. A deactivated user must be reactivated first.
 */
export async function resetPasswordLink(
  em: EntityManager,
  ctx: Context,
  input: ResetPasswordLinkInput,
): Promise<{ user: User; link: OneTimeLink }> {
  const user = await findUser(em, input.userId);
  if (statusOf(user) === UserStatus.DEACTIVATED) {
    refuse(UserErrorCode.CONFLICT, msg('reactivateFirst'), ['input', 'userId']);
  }
  const purpose = user.active ? OneTimeTokenPurpose.PASSWORD_RESET : OneTimeTokenPurpose.INVITATION;
  const link = await issueLink(em, ctx, user, purpose);
  recordAudit(em, ctx, {
    action: 'resetPasswordLink',
    entity: 'User',
    entityId: user.id,
    after: { linkPurpose: purpose, linkExpiresAt: link.expiresAt },
  });
  return { user, link };
}

interface LinkRow {
  id: string;
  agency_id: string;
  user_id: string;
  role: Role;
  purpose: OneTimeTokenPurpose;
  expires_at: Date;
}

/** The live link behind a token, across agencies (the caller is anonymous): null when unknown, used or expired. */
async function findLink(rootEm: EntityManager, token: string): Promise<LinkRow | null> {
  if (token.length > 200) return null;
  const rows = await crossAgencyQuery<LinkRow>(
    rootEm,
    sql`select t.id, t.agency_id, t.user_id, u.role, t.purpose, t.expires_at
       from one_time_token t join "user" u on u.id = t.user_id
      where t.token_hash = ${sha256(token)} and t.used_at is null and t.expires_at > now() and u.deactivated_at is null`,
    'the link is found by its secret token before anyone, and so any agency, is known',
  );
  return rows[0] ?? null;
}

/** For the link's page: who it is for, before they choose a password. */
export async function describeLink(rootEm: EntityManager, token: string): Promise<Invitation | null> {
  const link = await findLink(rootEm, token);
  if (!link) return null;
  const em = agencyEm(rootEm, link.agency_id);
  const user = await em.findOneOrFail(User, link.user_id);
  const agency = await em.findOneOrFail(Agency, link.agency_id);
  return {
    email: user.email,
    fullName: user.fullName,
    purpose: link.purpose,
    expiresAt: new Date(link.expires_at),
    agencyName: agency.name,
    locale: user.locale,
  };
}

/**
 * Uses a link: sets the password, activates an invited user, ends a resetting user's other
 * sessions and revokes their API tokens; runs as the link's user, in the link's agency. Refuses (nothing written) when the
 * link is unknown, used, expired, or its user deactivated: the same answer for each.
 */
export async function acceptInvitation(
  ctx: Context,
  input: AcceptInvitationInput,
): Promise<Payload<Partial<{ user: User }>>> {
  const errors = await validateInput(input);
  if (errors.length > 0) return { userErrors: errors };
  const link = await findLink(ctx.rootEm, input.token);
  if (!link) return { userErrors: [userError(UserErrorCode.INVALID, BAD_LINK, ['input', 'token'])] };
  const passwordHash = await hashPassword(input.password);
  const viewer: Viewer = { userId: link.user_id, agencyId: link.agency_id, role: link.role, via: 'session' };
  const scoped: Context = { ...ctx, em: agencyEm(ctx.rootEm, link.agency_id), viewer };
  return runMutation(scoped, undefined, async (em) => {
    // Single use even under concurrent requests: only one transaction can mark the link used.
    const claimed = await agencyQuery<{ id: string }>(
      em,
      (agency) => sql`update one_time_token set used_at = now()
        where agency_id = ${agency} and id = ${link.id} and used_at is null and expires_at > now() returning id`,
    );
    const user = await em.findOne(User, link.user_id);
    if (claimed.length === 0 || !user || user.deactivatedAt)
      refuse(UserErrorCode.INVALID, BAD_LINK, ['input', 'token']);
    const before = { active: user.active };
    user.passwordHash = passwordHash;
    user.active = true;
    user.lastLoginAt = new Date();
    // A reset ends everything the old password may have let someone else keep: sessions and API tokens.
    let apiTokensRevoked = 0;
    if (link.purpose === OneTimeTokenPurpose.PASSWORD_RESET) {
      await closeAllSessions(em, user.id);
      apiTokensRevoked = await revokeAllApiTokens(em, user.id);
    }
    recordAudit(em, scoped, {
      action: 'acceptInvitation',
      entity: 'User',
      entityId: user.id,
      before: { ...before, password: null },
      after: {
        active: true,
        password: link.purpose === OneTimeTokenPurpose.INVITATION ? 'set' : 'changed',
        ...(apiTokensRevoked > 0 ? { apiTokensRevoked } : {}),
      },
    });
    return { user };
  });
}
