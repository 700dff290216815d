import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne } from '@mikro-orm/decorators/legacy';
import { Company } from '../company/company.entity.js';
import { Mission } from './mission.entity.js';

/** The partner companies of a mission (pivot of `Mission.partners`), declared to index its company column. */
@Entity({ tableName: 'mission_partner' })
@Index({ properties: ['company'] })
export class MissionPartner {
  @ManyToOne(() => Mission, { primary: true, deleteRule: 'cascade' })
  mission!: Rel<Mission>;

  @ManyToOne(() => Company, { primary: true, deleteRule: 'cascade' })
  company!: Rel<Company>;
}
