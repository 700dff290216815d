import { setTimeout as wait } from 'node:timers/promises';
import type { Context } from '../../graphql/context.js';
import { SignInLimitedError } from '../../graphql/errors.js';
import { msg, render } from '../../shared/messages/index.js';
import type { User } from '../user/user.entity.js';
import { authenticate, normalizeEmail } from './auth.service.js';
import type { LoginThrottle } from './login-throttle.js';
import { recordFailedSignIn } from './sign-in-audit.js';

/**
 * Signs in through the throttle: refused with RATE_LIMITED (429, Retry-After) before any
 * password is checked when the account or the address failed too often; otherwise after the
 * growing delay; a failure on an existing user is audited in that user's agency. Returns null
 * for a wrong e-mail or password.
 */
export async function signIn(
  ctx: Context,
  throttle: LoginThrottle,
  credentials: { email: string; password: string },
  sleep: (ms: number) => Promise<unknown> = wait,
): Promise<User | null> {
  const verdict = await throttle.attempt(normalizeEmail(credentials.email), ctx.clientAddress);
  if (!verdict.allowed) {
    const seconds = verdict.retryAfterSeconds;
    throw new SignInLimitedError(render(msg('signInLimited', { seconds }), ctx.language), {
      retryAfterSeconds: seconds,
      limit: verdict.limit,
    });
  }
  if (verdict.delayMs > 0) await sleep(verdict.delayMs);
  let outcome: Awaited<ReturnType<typeof authenticate>>;
  try {
    outcome = await authenticate(ctx.rootEm, credentials.email, credentials.password);
  } catch (error) {
    // Nothing was checked (the hash queue was full, the database failed): not a failure of the user's.
    await throttle.settle(verdict.ticket, 'void');
    if (error instanceof SignInLimitedError) {
      const seconds = Number(error.extensions.retryAfterSeconds);
      throw new SignInLimitedError(render(msg('signInBusy', { seconds }), ctx.language), {
        retryAfterSeconds: seconds,
        limit: 'busy',
      });
    }
    throw error;
  }
  await throttle.settle(verdict.ticket, outcome.user ? 'success' : 'failure');
  if (outcome.account && !outcome.user) {
    await recordFailedSignIn(ctx.rootEm, {
      account: outcome.account,
      clientAddress: ctx.clientAddress,
      userAgent: ctx.userAgent,
    });
  }
  return outcome.user;
}
