import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/user-error.js';
import { Interaction } from './interaction.entity.js';

@ObjectType()
export class LogInteractionPayload {
  @Field(() => Interaction, { nullable: true })
  interaction?: Interaction;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class UpdateInteractionPayload extends LogInteractionPayload {}
