import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars.js';
import { loadOptionalRef } from '../../shared/load.js';
import { Money } from '../../shared/money.js';
import { InteractionKind } from '../interaction/interaction.enums.js';
import { Mission } from '../mission/mission.entity.js';
import { User } from '../user/user.entity.js';

export enum ActivityGrouping {
  OWNER = 'OWNER',
  MISSION = 'MISSION',
  KIND = 'KIND',
}
registerEnumType(ActivityGrouping, {
  name: 'ActivityGrouping',
  description: 'Whose activity an activity summary counts.',
  valuesConfig: {
    OWNER: {
      description:
        'Per account manager: interactions by their author, deal figures by the deal’s owner (the person in charge).',
    },
    MISSION: { description: 'Per mission: interactions by their mission, deal figures by the deal’s sourceMission.' },
    KIND: {
      description:
        'Per interaction kind: interactions by their kind, deal figures by the kind of the deal’s sourceInteraction (deals born in a MEETING, a CALL …).',
    },
  },
});

@ObjectType({
  description:
    'Activity of one group (or of all, for the total) between from and to: instants (interactions, creations, moves) by their UTC day, closings by closedOn.',
})
export class ActivityRow {
  ownerRef!: User | null;
  missionRef!: Mission | null;

  @Field({ description: 'A readable name of the group: the person, the mission, the kind, or “Total”.' })
  label!: string;

  @Field(() => User, { nullable: true, description: 'OWNER: the person; null in other groupings and the total.' })
  owner(): Promise<User | null> {
    return loadOptionalRef(this.ownerRef);
  }

  @Field(() => Mission, {
    nullable: true,
    description: 'MISSION: the mission; null for activity with no mission, in other groupings and the total.',
  })
  mission(): Promise<Mission | null> {
    return loadOptionalRef(this.missionRef);
  }

  @Field(() => InteractionKind, {
    nullable: true,
    description:
      'KIND: the interaction kind; null for deals without a source interaction, in other groupings and the total.',
  })
  kind!: InteractionKind | null;

  @Field(() => Int, { description: 'Interactions of any kind and status that occurred in the period.' })
  interactions!: number;

  @Field(() => Int, { description: 'Of those, meetings with status HELD.' })
  meetingsHeld!: number;

  @Field(() => Int, { description: 'Deals created in the period.' })
  dealsCreated!: number;

  @Field(() => Int, { description: 'Distinct deals moved from a stage to another in the period.' })
  dealsMoved!: number;

  @Field(() => Int, { description: 'Moves (stage changes, not counting a deal’s creation) in the period.' })
  stageChanges!: number;

  @Field(() => Int, { description: 'Deals in a WON stage now with closedOn in the period (as exportValue).' })
  dealsWon!: number;

  @Field(() => Money, {
    description:
      'Their value in the base currency at the rate of each closedOn; deals without a rate left out (see dealsWithoutRate).',
  })
  valueWon!: Money;

  @Field(() => Int, { description: 'Won deals left out of valueWon for lack of an exchange rate.' })
  dealsWithoutRate!: number;

  @Field(() => Int, { description: 'Deals in a LOST stage now with closedOn in the period.' })
  dealsLost!: number;
}

@ObjectType({
  description:
    'What the agency did between from and to, by person, mission or interaction kind. See docs/analytics.md.',
})
export class ActivitySummary {
  @Field(() => DateScalar, { description: 'First day counted.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day counted.' })
  to!: string;

  @Field(() => ActivityGrouping, { description: 'The grouping of rows.' })
  groupBy!: ActivityGrouping;

  @Field(() => [ActivityRow], {
    description: 'One row per group with any activity in the period, by label (the group “none” last).',
  })
  rows!: ActivityRow[];

  @Field(() => ActivityRow, { description: 'The whole agency’s activity in the period.' })
  total!: ActivityRow;
}
