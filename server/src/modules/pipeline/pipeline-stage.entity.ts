import { type Opt, type Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { Pipeline } from './pipeline.entity.js';
import { StageCategory } from './pipeline.enums.js';

@ObjectType({ description: 'A step of a pipeline.' })
@Entity()
@Index({ properties: ['pipeline', 'position'] })
@Check({ name: 'pipeline_stage_probability_check', expression: 'probability >= 0 and probability <= 100' })
@Check({ name: 'pipeline_stage_position_check', expression: 'position >= 0' })
export class PipelineStage extends AgencyOwned {
  @ManyToOne(() => Pipeline, { deleteRule: 'cascade' })
  pipeline!: Rel<Pipeline>;

  @Field()
  @Property({ length: 120 })
  name!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => StageCategory)
  @Enum({ items: () => StageCategory })
  category!: StageCategory;

  @Field(() => Int, { description: 'Default probability of winning, in percent.' })
  @Property({ type: 'smallint' })
  probability!: number;

  @Field(() => Boolean, { description: 'A retired stage takes no new deals but keeps its history.' })
  @Property({ type: 'boolean', default: false })
  retired: boolean & Opt = false;
}
