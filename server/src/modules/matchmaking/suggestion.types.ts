import { IsUUID } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../shared/user-error.js';
import { Company } from '../company/company.entity.js';
import { Sector } from '../sector/sector.entity.js';

export enum SuggestionReasonKind {
  /** Sectors the counterpart shares with the exporter (`sectors`). */
  SHARED_SECTORS = 'SHARED_SECTORS',
  /** Its kind suits the exporter (a buyer; a distributor or retailer for consumer goods; an institution for those who sell to them). */
  KIND_FIT = 'KIND_FIT',
  /** Positive meetings with exporters of the same sectors before (`count`). */
  POSITIVE_MEETINGS = 'POSITIVE_MEETINGS',
  /** Deals it signed with exporters of the same sectors before (`count`). */
  DEALS_WON = 'DEALS_WON',
  /** Meetings it missed before (`count`): against. */
  NO_SHOWS = 'NO_SHOWS',
  /** This exporter met it in the last 12 months and has no open deal with it: against. */
  MET_RECENTLY = 'MET_RECENTLY',
  /** An open deal between them, to move on. */
  OPEN_DEAL = 'OPEN_DEAL',
  /** A partner of the mission. */
  MISSION_PARTNER = 'MISSION_PARTNER',
  /** Meetings it already has at this mission (`count`): against. */
  BUSY = 'BUSY',
  /** Suggested before to exporters of the same sectors and dismissed (`count`): against. */
  DISMISSED = 'DISMISSED',
}
registerEnumType(SuggestionReasonKind, {
  name: 'SuggestionReasonKind',
  description: 'A part of a suggestion’s score.',
});

@ObjectType({ description: 'One part of a suggestion’s score, with what it counted.' })
export class SuggestionReason {
  @Field(() => SuggestionReasonKind)
  kind!: SuggestionReasonKind;

  @Field(() => Float, { description: 'Points it adds (negative: it counts against).' })
  points!: number;

  @Field(() => Int, { nullable: true, description: 'How many (meetings, deals, no-shows…), when it counts.' })
  count!: number | null;

  @Field(() => [Sector], { description: 'SHARED_SECTORS: the sectors shared; empty otherwise.' })
  sectors!: Sector[];
}

@ObjectType({ description: 'A counterpart an exporter should meet at a mission, with why.' })
export class MeetingSuggestion {
  @Field(() => Company)
  counterpart!: Company;

  @Field(() => Float, { description: 'The sum of the reasons’ points; suggestions come highest first.' })
  score!: number;

  @Field(() => [SuggestionReason], { description: 'The parts of the score, largest first.' })
  reasons!: SuggestionReason[];
}

@InputType({ description: 'A suggestion: who (counterpart) for whom (exporter) at which mission.' })
export class MeetingSuggestionInput {
  @Field(() => ID)
  @IsUUID()
  missionId!: string;

  @Field(() => ID)
  @IsUUID()
  exporterId!: string;

  @Field(() => ID)
  @IsUUID()
  counterpartId!: string;
}

@ObjectType()
export class DismissMeetingSuggestionPayload {
  @Field(() => Boolean, { nullable: true, description: 'True once dismissed (dismissing twice changes nothing).' })
  dismissed?: boolean;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
