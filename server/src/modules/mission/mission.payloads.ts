import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/user-error.js';
import { Mission } from './mission.entity.js';
import { MissionParticipant } from './mission-participant.entity.js';

@ObjectType()
export class CreateMissionPayload {
  @Field(() => Mission, { nullable: true })
  mission?: Mission;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class UpdateMissionPayload extends CreateMissionPayload {}

@ObjectType()
export class AddMissionParticipantPayload {
  @Field(() => MissionParticipant, { nullable: true })
  participant?: MissionParticipant;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class UpdateMissionParticipantPayload extends AddMissionParticipantPayload {}
