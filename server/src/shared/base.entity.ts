import { type Opt, OptionalProps } from '@mikro-orm/core';
import { ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import type { Agency } from '../modules/agency/agency.entity.js';
import { newId } from './ids.js';

/** id (UUID v7), createdAt, updatedAt: every table has them. */
@ObjectType({ isAbstract: true })
export abstract class BaseEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/**
 * Every record but Agency belongs to one agency. The `agency` filter (see db/agency-scope.ts)
 * restricts every read to the viewer's agency; the agency guard checks every write.
 */
@ObjectType({ isAbstract: true })
export abstract class AgencyOwned extends BaseEntity {
  @ManyToOne('Agency', { deleteRule: 'restrict', updateRule: 'cascade' })
  agency!: Agency;
}

export type { Opt };
