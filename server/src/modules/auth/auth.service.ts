import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import { crossAgencyEm } from '../../db/agency-scope.js';
import { msg } from '../../shared/messages/index.js';
import { User } from '../user/user.entity.js';
import { decoyHash, verifyPassword } from './password.js';

/** Every failed sign-in takes at least this long, whichever part was wrong. */
const FAILED_LOGIN_FLOOR_MS = 400;

export const WRONG_CREDENTIALS = msg('wrongCredentials');

/** The account an e-mail names: trimmed and lower-cased, as users are stored. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface Authentication {
  /** The user signed in; null when the e-mail, the password or the user's state was wrong. */
  user: User | null;
  /** The user the e-mail names, signed in or not (for the audit log); null for an unknown e-mail. */
  account: User | null;
}

/**
 * Checks an e-mail and password across agencies (sign-in is the one read that must).
 * An unknown e-mail, an inactive user and a wrong password cost the same argon2 work and the
 * same delay, and return the same answer.
 */
export async function authenticate(rootEm: EntityManager, email: string, password: string): Promise<Authentication> {
  const started = Date.now();
  const em = crossAgencyEm(rootEm);
  const normalized = normalizeEmail(email);
  const account =
    normalized.length <= 254
      ? await em.findOne(User, { email: normalized }, { populate: ['passwordHash', 'agency'] })
      : null;
  const hash = account?.passwordHash ?? (await decoyHash());
  const valid =
    (await verifyPassword(hash, password.slice(0, 1024))) && Boolean(account?.active && account.passwordHash);
  if (valid && account) {
    account.lastLoginAt = new Date();
    await em.flush();
    return { user: account, account };
  }
  const wait = FAILED_LOGIN_FLOOR_MS - (Date.now() - started);
  await sleep(Math.max(0, wait) + Math.floor(Math.random() * 50));
  return { user: null, account };
}
