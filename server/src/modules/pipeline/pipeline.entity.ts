import { Collection, type Opt } from '@mikro-orm/core';
import { Entity, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { PipelineStage } from './pipeline-stage.entity.js';

@ObjectType({ description: 'An ordered set of stages a deal goes through.' })
@Entity()
@Unique({ name: 'pipeline_agency_name_unique', properties: ['agency', 'name'] })
export class Pipeline extends AgencyOwned {
  @Field()
  @Property({ length: 120 })
  name!: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  isDefault: boolean & Opt = false;

  @OneToMany(
    () => PipelineStage,
    (stage) => stage.pipeline,
    { orderBy: { position: 'asc' } },
  )
  stages = new Collection<PipelineStage>(this);
}
