import { type Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { Locale, Role } from './user.enums.js';

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

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

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
