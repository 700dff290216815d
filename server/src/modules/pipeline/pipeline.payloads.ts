import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/user-error.js';
import { Pipeline } from './pipeline.entity.js';

@ObjectType()
export class CreatePipelinePayload {
  @Field(() => Pipeline, { nullable: true })
  pipeline?: Pipeline;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class UpdatePipelineStagesPayload extends CreatePipelinePayload {}
