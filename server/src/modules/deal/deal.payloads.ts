import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/user-error.js';
import { Deal } from './deal.entity.js';
import { DealStageChange } from './deal-stage-change.entity.js';

@ObjectType()
export class CreateDealPayload {
  @Field(() => Deal, { nullable: true })
  deal?: Deal;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class UpdateDealPayload extends CreateDealPayload {}

@ObjectType()
export class MoveDealPayload extends CreateDealPayload {
  @Field(() => DealStageChange, { nullable: true, description: 'The move, as written in the history.' })
  stageChange?: DealStageChange;
}
