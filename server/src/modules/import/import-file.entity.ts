import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { User } from '../user/user.entity.js';

/**
 * A file uploaded for import, kept (in the database, so any server process can serve the next
 * steps) until it expires a day later. Read and written with raw SQL: the bytes are never
 * hydrated into an entity.
 */
@Entity()
@Index({ properties: ['agency', 'expiresAt'] })
@Index({ properties: ['createdBy'] })
export class ImportFile extends AgencyOwned {
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy?: Rel<User> | null;

  @Property({ length: 300 })
  fileName!: string;

  @Property({ type: 'integer' })
  fileSize!: number;

  @Property({ type: 'character', length: 64 })
  sha256!: string;

  @Property({ type: 'blob', lazy: true })
  content!: Buffer;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;
}
