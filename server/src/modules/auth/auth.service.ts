import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import { crossAgencyEm } from '../../db/agency-scope.js';
import { msg } from '../../shared/messages/index.js';
import { User } from '../user/user.entity.js';
import { decoyHash, verifyPassword } from './password.js';

/** Every failed sign-in takes at least this long, whichever part was wrong. */
const FAILED_LOGIN_FLOOR_MS = 400;

export const WRONG_CREDENTIALS = msg('wrongCredentials');

/**
 * Checks an e-mail and password across agencies (sign-in is the one read that must).
 * An unknown e-mail, an inactive user and a wrong password cost the same argon2 work and the
 * same delay, and return the same answer.
 */
export async function authenticate(rootEm: EntityManager, email: string, password: string): Promise<User | null> {
  const started = Date.now();
  const em = crossAgencyEm(rootEm);
  const normalized = email.trim().toLowerCase();
  const user =
    normalized.length <= 254
      ? await em.findOne(User, { email: normalized }, { populate: ['passwordHash', 'agency'] })
      : null;
  const hash = user?.passwordHash ?? (await decoyHash());
  const valid = (await verifyPassword(hash, password.slice(0, 1024))) && Boolean(user?.active && user.passwordHash);
  if (valid && user) {
    user.lastLoginAt = new Date();
    await em.flush();
    return user;
  }
  const wait = FAILED_LOGIN_FLOOR_MS - (Date.now() - started);
  await sleep(Math.max(0, wait) + Math.floor(Math.random() * 50));
  return null;
}
