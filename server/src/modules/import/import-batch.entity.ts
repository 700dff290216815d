import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { JSONObjectScalar } from '../../graphql/scalars.js';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { Mission } from '../mission/mission.entity.js';
import { User } from '../user/user.entity.js';
import { ImportBatchStatus, ImportKind } from './import.enums.js';

/** One applied import file: what it was, who brought it, what it did. Records it created point to it. */
@ObjectType({ description: 'An applied import: the file, who imported it, and what it created or changed.' })
@Entity()
@Index({ properties: ['agency', 'createdAt', 'id'] })
@Index({ properties: ['mission'] })
@Index({ properties: ['createdBy'] })
export class ImportBatch extends AgencyOwned {
  @Field(() => ImportKind)
  @Enum({ items: () => ImportKind })
  kind!: ImportKind;

  @ManyToOne(() => Mission, { nullable: true, deleteRule: 'set null' })
  mission?: Rel<Mission> | null;

  @Field()
  @Property({ length: 300 })
  fileName!: string;

  @Field(() => Int, { description: 'Size of the file in bytes.' })
  @Property({ type: 'integer' })
  fileSize!: number;

  @Field({ description: 'SHA-256 of the file, hex.' })
  @Property({ type: 'character', length: 64 })
  sha256!: string;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy?: Rel<User> | null;

  @Field(() => JSONObjectScalar, { description: 'Rows created, updated, linked, skipped and rejected.' })
  @Property({ type: 'jsonb' })
  counts!: Record<string, number>;

  /** What undo needs: the records created and the values the import overwrote. Never exposed as is. */
  @Property({ type: 'jsonb', lazy: true })
  details!: Record<string, unknown>;

  @Field(() => ImportBatchStatus)
  @Enum({ items: () => ImportBatchStatus, default: ImportBatchStatus.APPLIED })
  status: ImportBatchStatus & Opt = ImportBatchStatus.APPLIED;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  undoneAt?: Date | null;
}
