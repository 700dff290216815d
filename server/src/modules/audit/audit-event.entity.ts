import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { JSONObjectScalar } from '../../graphql/scalars.js';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { User } from '../user/user.entity.js';

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

@ObjectType({ description: 'Who changed what, and when. Never edited, never deleted.' })
@Entity()
@Index({ properties: ['agency', 'at', 'id'] })
@Index({ properties: ['agency', 'entity', 'entityId'] })
@Index({ properties: ['actor', 'at'] })
export class AuditEvent extends AgencyOwned {
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  actor?: Rel<User> | null;

  @Field({ description: 'The mutation, e.g. createCompany.' })
  @Property({ length: 60 })
  action!: string;

  @Field({ description: 'The entity changed, e.g. Company.' })
  @Property({ length: 60 })
  entity!: string;

  @Field(() => ID, { description: 'The id of the record changed.' })
  @Property({ type: 'uuid' })
  entityId!: string;

  @Field(() => JSONObjectScalar, {
    description: 'The fields that changed: `{ "role": { "before": "ANALYST", "after": "ADMIN" } }`. Never secrets.',
  })
  @Property({ type: 'jsonb' })
  changes!: AuditChanges;

  @Field(() => Date, { description: 'When the change was made.' })
  @Property({ type: 'timestamptz' })
  at!: Date;
}
