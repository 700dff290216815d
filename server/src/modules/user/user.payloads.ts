import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/user-error.js';
import { User } from './user.entity.js';
import { OneTimeLink } from './user.inputs.js';

@ObjectType()
export class InviteUserPayload {
  @Field(() => User, { nullable: true })
  user?: User;

  @Field(() => OneTimeLink, {
    nullable: true,
    description: 'The link, shown this once: only a hash of its token is kept.',
  })
  link?: OneTimeLink;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class UserPayload {
  @Field(() => User, { nullable: true })
  user?: User;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class SetUserRolePayload extends UserPayload {}

@ObjectType()
export class DeactivateUserPayload extends UserPayload {}

@ObjectType()
export class ReactivateUserPayload extends UserPayload {}

@ObjectType()
export class ResetPasswordLinkPayload extends InviteUserPayload {}

@ObjectType()
export class AcceptInvitationPayload extends UserPayload {}
