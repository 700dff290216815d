import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { PipelineStage } from '../pipeline/pipeline-stage.entity.js';
import { User } from '../user/user.entity.js';
import { Deal } from './deal.entity.js';

@ObjectType({ description: "One move of a deal from a stage to another; a deal's history." })
@Entity()
@Index({ properties: ['deal', 'changedAt'] })
@Index({ properties: ['agency', 'changedAt'] })
@Index({ properties: ['changedBy'] })
@Index({ properties: ['fromStage'] })
@Index({ properties: ['toStage'] })
export class DealStageChange extends AgencyOwned {
  @ManyToOne(() => Deal, { deleteRule: 'cascade' })
  deal!: Rel<Deal>;

  @ManyToOne(() => PipelineStage, { nullable: true, deleteRule: 'restrict' })
  fromStage?: Rel<PipelineStage> | null;

  @ManyToOne(() => PipelineStage, { deleteRule: 'restrict' })
  toStage!: Rel<PipelineStage>;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  changedAt!: Date;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  changedBy?: Rel<User> | null;
}
