import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { UserErrorCode, userError } from '../../shared/user-error.js';
import { User } from '../user/user.entity.js';
import { LoginInput } from './auth.inputs.js';
import { LoginPayload, LogoutPayload } from './auth.payloads.js';
import { WRONG_CREDENTIALS } from './auth.service.js';
import { closeSession, startSession } from './session.service.js';
import { signIn } from './sign-in.service.js';

@Resolver()
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null.' })
  async viewer(@Ctx() { em, viewer }: Context): Promise<User | null> {
    if (!viewer) return null;
    return em.findOne(User, viewer.userId);
  }

  @Mutation(() => LoginPayload, {
    description:
      'Signs in with e-mail and password and sets the session cookie. Once per operation. After too many failures ' +
      'for the account or from the address, refused with RATE_LIMITED (HTTP 429, extensions.retryAfterSeconds).',
  })
  async login(@Arg('input') input: LoginInput, @Ctx() ctx: Context): Promise<LoginPayload> {
    if (!ctx.loginThrottle) throw new Error('Sign-in needs the LoginThrottle on the context (see http/app.ts)');
    const user = await signIn(ctx, ctx.loginThrottle, input);
    if (!user) {
      return { viewer: null, userErrors: [userError(UserErrorCode.INVALID, WRONG_CREDENTIALS)] };
    }
    await startSession(ctx, user);
    return { viewer: user, userErrors: [] };
  }

  @Mutation(() => LogoutPayload, { description: 'Ends this browser session and clears its cookie.' })
  async logout(@Ctx() ctx: Context): Promise<LogoutPayload> {
    if (ctx.cookies.sessionToken) await closeSession(ctx.rootEm, ctx.cookies.sessionToken);
    ctx.cookies.clear();
    return { ok: true };
  }
}
