import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum DealChange {
  CREATED = 'CREATED',
  EDITED = 'EDITED',
  MOVED = 'MOVED',
}
registerEnumType(DealChange, { name: 'DealChange', description: 'What happened to a deal.' });

@ObjectType({
  description:
    'A deal of the pipeline was created, edited or moved by someone (the subscriber included); fetch it to show it. Events come after the change is saved.',
})
export class DealChangedEvent {
  @Field(() => ID)
  dealId!: string;

  @Field(() => ID)
  pipelineId!: string;

  @Field(() => Int, { description: 'The version the deal has now.' })
  version!: number;

  @Field(() => DealChange)
  change!: DealChange;

  @Field(() => ID, { description: 'The user who made the change (resolve it with `by`).' })
  byUserId!: string;
}

@ObjectType({ description: 'An interaction (a meeting of the agenda) was logged in the mission; fetch it to show it.' })
export class InteractionLoggedEvent {
  @Field(() => ID)
  interactionId!: string;

  @Field(() => ID)
  missionId!: string;

  @Field(() => ID)
  byUserId!: string;
}
