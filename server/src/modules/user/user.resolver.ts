import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ConnectionType, OrderDirection, PageArgs, paginate } from '../../shared/connection.js';
import { runMutation } from '../../shared/mutation.js';
import { startSession } from '../auth/session.service.js';
import { acceptInvitation, describeLink, inviteUser, resetPasswordLink } from './invitation.service.js';
import { statusOf, User } from './user.entity.js';
import { Role, UserStatus } from './user.enums.js';
import { userWhere } from './user.filter.js';
import {
  AcceptInvitationInput,
  DeactivateUserInput,
  Invitation,
  InviteUserInput,
  ReactivateUserInput,
  ResetPasswordLinkInput,
  SetUserRoleInput,
  UserFilter,
  UserOrder,
  UserOrderField,
} from './user.inputs.js';
import {
  AcceptInvitationPayload,
  DeactivateUserPayload,
  InviteUserPayload,
  ReactivateUserPayload,
  ResetPasswordLinkPayload,
  SetUserRolePayload,
} from './user.payloads.js';
import { deactivateUser, reactivateUser, setUserRole } from './user.service.js';

const UserConnection = ConnectionType(User);

@Resolver(() => User)
export class UserResolver {
  @Authorized()
  @Query(() => UserConnection, {
    description: "The agency's users (default: by name). Only ADMIN sees inactive (invited, deactivated) users.",
  })
  users(
    @Args() page: PageArgs,
    @Arg('filter', () => UserFilter, { nullable: true }) filter: UserFilter | null,
    @Arg('orderBy', () => UserOrder, { nullable: true }) orderBy: UserOrder | null,
    @Ctx() { em, viewer, language }: Context,
  ) {
    const order = orderBy ?? { field: UserOrderField.FULL_NAME, direction: OrderDirection.ASC };
    return paginate(em, User, userWhere(filter, viewer!.role, language), order, page);
  }

  @FieldResolver(() => UserStatus)
  status(@Root() user: User): UserStatus {
    return statusOf(user);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => InviteUserPayload, {
    description: 'Creates an inactive user and returns a one-time invitation link with which they set their password.',
  })
  inviteUser(@Arg('input') input: InviteUserInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, (em) => inviteUser(em, ctx, input));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => SetUserRolePayload, {
    description: 'Changes a role; it applies from the user’s next request. The last active admin keeps the role.',
  })
  setUserRole(@Arg('input') input: SetUserRoleInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ user: await setUserRole(em, ctx, input) }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DeactivateUserPayload, {
    description: 'Signs a user out everywhere at once and revokes their API tokens; not the last active admin.',
  })
  deactivateUser(@Arg('input') input: DeactivateUserInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ user: await deactivateUser(em, ctx, input) }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ReactivateUserPayload, { description: 'Lets a deactivated user sign in again.' })
  reactivateUser(@Arg('input') input: ReactivateUserInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ user: await reactivateUser(em, ctx, input) }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ResetPasswordLinkPayload, {
    description:
      'A one-time link with which a user sets a new password (a new invitation link for a user who never accepted theirs).',
  })
  resetPasswordLink(@Arg('input') input: ResetPasswordLinkInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, (em) => resetPasswordLink(em, ctx, input));
  }
}

/** The public side of one-time links: the page that opens them, and their use. */
@Resolver()
export class InvitationResolver {
  @Query(() => Invitation, {
    nullable: true,
    description: 'Who a one-time link is for; null when it is unknown, used or expired. Needs no sign-in.',
  })
  invitation(@Arg('token') token: string, @Ctx() ctx: Context): Promise<Invitation | null> {
    return describeLink(ctx.rootEm, token);
  }

  @Mutation(() => AcceptInvitationPayload, {
    description:
      'Uses a one-time link (invitation or password reset): sets the password, activates the account and signs in. Needs no sign-in.',
  })
  async acceptInvitation(@Arg('input') input: AcceptInvitationInput, @Ctx() ctx: Context) {
    const payload = await acceptInvitation(ctx, input);
    if (payload.user) await startSession(ctx, payload.user);
    return payload;
  }
}
