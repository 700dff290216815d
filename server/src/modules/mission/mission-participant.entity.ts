import { type Opt, type Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { Company } from '../company/company.entity.js';
import { ImportBatch } from '../import/import-batch.entity.js';
import { Mission } from './mission.entity.js';
import { ParticipantStatus } from './mission.enums.js';

@ObjectType({ description: "An exporter in a mission's delegation." })
@Entity()
@Unique({ name: 'mission_participant_mission_company_unique', properties: ['mission', 'company'] })
@Index({ properties: ['company'] })
@Index({ properties: ['importBatch'] })
export class MissionParticipant extends AgencyOwned {
  @ManyToOne(() => Mission, { deleteRule: 'cascade' })
  mission!: Rel<Mission>;

  @ManyToOne(() => Company, { deleteRule: 'restrict' })
  company!: Rel<Company>;

  @Field(() => ParticipantStatus)
  @Enum({ items: () => ParticipantStatus, default: ParticipantStatus.INVITED })
  status: ParticipantStatus & Opt = ParticipantStatus.INVITED;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  /** The import that added this participant, if one did. */
  @ManyToOne(() => ImportBatch, { nullable: true, deleteRule: 'set null' })
  importBatch?: Rel<ImportBatch> | null;
}
