import type { Rel } from '@mikro-orm/core';
import { ManyToOne } from '@mikro-orm/decorators/legacy';
import { ObjectType } from 'type-graphql';
import { Agency } from '../modules/agency/agency.entity.js';
import { BaseEntity } from './base.entity.js';

/**
 * Every record but Agency belongs to one agency. The `agency` filter (see db/agency-scope.ts)
 * restricts every read to the viewer's agency; the agency guard checks every write.
 */
@ObjectType()
export abstract class AgencyOwned extends BaseEntity {
  @ManyToOne(() => Agency, { deleteRule: 'restrict', updateRule: 'cascade' })
  agency!: Rel<Agency>;
}
