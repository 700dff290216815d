import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { User } from '../user/user.entity.js';

export enum OneTimeTokenPurpose {
  /** Sets the first password of an invited user and activates the account. */
  INVITATION = 'INVITATION',
  /** Sets a new password for an active user and signs them out everywhere else. */
  PASSWORD_RESET = 'PASSWORD_RESET',
}
registerEnumType(OneTimeTokenPurpose, {
  name: 'OneTimeLinkPurpose',
  description: 'What a one-time link is for.',
});

/**
 * The secret of a one-time link (invitation, password reset). The link carries a random
 * 256-bit token; only its SHA-256 is stored. Used once (`usedAt`), valid until `expiresAt`;
 * issuing a new link for a user deletes the user's unused ones.
 */
@Entity()
@Index({ properties: ['user'] })
@Index({ properties: ['createdBy'] })
export class OneTimeToken extends AgencyOwned {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: Rel<User>;

  @Enum({ items: () => OneTimeTokenPurpose })
  purpose!: OneTimeTokenPurpose;

  @Property({ type: 'character', length: 64, hidden: true })
  @Unique({ name: 'one_time_token_hash_unique' })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;

  /** The admin who issued the link. */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy?: Rel<User> | null;
}
