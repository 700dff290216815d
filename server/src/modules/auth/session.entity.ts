import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { User } from '../user/user.entity.js';

/** A signed-in browser. The cookie holds a random id; only its SHA-256 is stored. */
@Entity()
@Index({ properties: ['user', 'expiresAt'] })
export class Session extends AgencyOwned {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: Rel<User>;

  @Property({ type: 'character', length: 64 })
  @Unique({ name: 'session_token_hash_unique' })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz' })
  lastSeenAt!: Date;

  @Property({ type: 'text', nullable: true })
  userAgent?: string | null;
}
