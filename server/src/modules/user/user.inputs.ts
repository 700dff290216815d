import { IsEmail, IsEnum, IsNotEmpty, IsOptional, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../shared/connection.js';
import { OneTimeTokenPurpose } from '../auth/one-time-token.entity.js';
import { Locale, Role } from './user.enums.js';

export const MIN_PASSWORD_LENGTH = 10;
/** Sign-in reads at most this much of a password. */
export const MAX_PASSWORD_LENGTH = 1024;

@InputType({ description: 'Only ADMIN sees inactive users; for other roles `active` is always true.' })
export class UserFilter {
  @Field(() => [Role], { nullable: true })
  roles?: Role[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: active users only; false: invited and deactivated.' })
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Part of the full name or e-mail, case-insensitive.' })
  nameOrEmailContains?: string | null;
}

export enum UserOrderField {
  FULL_NAME = 'fullName',
  EMAIL = 'email',
  CREATED_AT = 'createdAt',
}
registerEnumType(UserOrderField, { name: 'UserOrderField' });

@InputType()
export class UserOrder {
  @Field(() => UserOrderField)
  field!: UserOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}

@ObjectType({
  description: 'A one-time link to give to its user (no e-mail is sent): it works once, until it expires.',
})
export class OneTimeLink {
  @Field({ description: 'The path on the web app, e.g. "/invitation/<token>": join it to the app’s address.' })
  path!: string;

  @Field(() => OneTimeTokenPurpose)
  purpose!: OneTimeTokenPurpose;

  @Field(() => Date)
  expiresAt!: Date;
}

@InputType()
export class InviteUserInput {
  @Field()
  @IsEmail({})
  @MaxLength(254)
  email!: string;

  @Field()
  @IsNotEmpty()
  @MaxLength(200)
  fullName!: string;

  @Field(() => Role)
  @IsEnum(Role)
  role!: Role;

  @Field(() => Locale, { nullable: true, description: 'Their interface language (default: French).' })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale | null;
}

@InputType()
export class SetUserRoleInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field(() => Role)
  @IsEnum(Role)
  role!: Role;
}

@InputType()
export class UserIdInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;
}

@InputType()
export class DeactivateUserInput extends UserIdInput {}

@InputType()
export class ReactivateUserInput extends UserIdInput {}

@InputType()
export class ResetPasswordLinkInput extends UserIdInput {}

@InputType()
export class AcceptInvitationInput {
  @Field({ description: 'The token of the link: the part after "/invitation/".' })
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;

  @Field({ description: `At least ${MIN_PASSWORD_LENGTH} characters.` })
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

@ObjectType({
  description: 'What a one-time link is for, so the page can greet its user before they choose a password.',
})
export class Invitation {
  @Field()
  email!: string;

  @Field()
  fullName!: string;

  @Field(() => OneTimeTokenPurpose)
  purpose!: OneTimeTokenPurpose;

  @Field(() => Date)
  expiresAt!: Date;

  @Field({ description: 'The agency the user joins (or belongs to).' })
  agencyName!: string;

  @Field(() => Locale, { description: 'The language to greet them in.' })
  locale!: Locale;
}
