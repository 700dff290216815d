import { type Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { Locale, Role, UserStatus } from './user.enums.js';

@ObjectType({ description: 'A person who signs in; belongs to one agency.' })
@Entity()
@Index({ properties: ['agency', 'fullName', 'id'] })
export class User extends AgencyOwned {
  @Field()
  @Property({ length: 254 })
  @Unique({ name: 'user_email_unique' })
  email!: string;

  @Field()
  @Property({ length: 200 })
  fullName!: string;

  @Field(() => Role)
  @Enum({ items: () => Role })
  role!: Role;

  /** Signs in. False for an invited user until the invitation is accepted, and for a deactivated one. */
  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

  @Field(() => Date, { nullable: true, description: 'When an admin deactivated the account; null otherwise.' })
  @Property({ type: 'timestamptz', nullable: true })
  deactivatedAt?: Date | null;

  @Field(() => Locale)
  @Enum({ items: () => Locale, default: Locale.fr })
  locale: Locale & Opt = Locale.fr;

  /** argon2id; null for an invited user who has not set a password yet. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: true })
  passwordHash?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastLoginAt?: Date | null;
}

export function statusOf(user: User): UserStatus {
  if (user.active) return UserStatus.ACTIVE;
  return user.deactivatedAt ? UserStatus.DEACTIVATED : UserStatus.INVITED;
}
