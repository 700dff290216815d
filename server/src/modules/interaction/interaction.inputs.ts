import { ArrayMaxSize, IsNotEmpty, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../shared/connection.js';
import { InteractionKind, MeetingStatus, Outcome } from './interaction.enums.js';

export const MAX_CONTACTS = 50;

@InputType({ description: 'Interactions matching all the given conditions (lists: any of the values).' })
export class InteractionFilter {
  @Field(() => [InteractionKind], { nullable: true })
  kinds?: InteractionKind[] | null;

  @Field(() => Date, { nullable: true, description: 'occurredAt on or after this instant.' })
  occurredFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'occurredAt strictly before this instant.' })
  occurredTo?: Date | null;

  @Field(() => [ID], { nullable: true })
  missionIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  exporterIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  counterpartIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  authorIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Interactions that belong to one of these deals.' })
  dealIds?: string[] | null;

  @Field(() => [Outcome], { nullable: true })
  outcomes?: Outcome[] | null;

  @Field(() => [MeetingStatus], { nullable: true, description: 'Meeting statuses (other kinds have none).' })
  statuses?: MeetingStatus[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the subject, case-insensitive; accents are ignored too ("societe" finds "Société").',
  })
  subjectContains?: string | null;
}

export enum InteractionOrderField {
  OCCURRED_AT = 'occurredAt',
  STARTS_AT = 'startsAt',
  CREATED_AT = 'createdAt',
}
registerEnumType(InteractionOrderField, {
  name: 'InteractionOrderField',
  description: 'STARTS_AT: interactions without a start (all but planned meetings) come last in ASC, first in DESC.',
});

@InputType()
export class InteractionOrder {
  @Field(() => InteractionOrderField)
  field!: InteractionOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}

/**
 * The optional fields of an interaction, with the same rules when it is logged and when it is
 * updated (where an omitted field stays and null clears it). Not a type of the schema on its own.
 */
@InputType()
abstract class InteractionDetailsInput {
  @Field(() => Date, {
    nullable: true,
    description: 'When it happened. Default when logged: the start of a meeting that has one, otherwise now.',
  })
  occurredAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20_000)
  notes?: string | null;

  @Field(() => Outcome, { nullable: true })
  outcome?: Outcome | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  missionId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The other party: a buyer, distributor, institution... never an exporter of the same delegation.',
  })
  @IsOptional()
  @IsUUID()
  counterpartId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'People present: contacts of the exporter or the counterpart. An update replaces the list; [] or null removes all.',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_CONTACTS)
  @IsUUID('all', { each: true })
  contactIds?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The deal it belongs to: a deal of the same exporter. null detaches it.',
  })
  @IsOptional()
  @IsUUID()
  dealId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Meetings only: start (with endsAt).' })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Meetings only: end, after startsAt.' })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Meetings only: room, table or address.' })
  @IsOptional()
  @MaxLength(200)
  place?: string | null;

  @Field(() => MeetingStatus, {
    nullable: true,
    description:
      'Meetings only. Default: PLANNED when the meeting starts in the future, otherwise HELD; ' +
      'later e.g. HELD, NO_SHOW or CANCELLED after the fact.',
  })
  status?: MeetingStatus | null;
}

@InputType({ description: 'A touch point to record, or a B2B meeting to plan.' })
export class LogInteractionInput extends InteractionDetailsInput {
  @Field(() => InteractionKind)
  kind!: InteractionKind;

  @Field()
  @IsNotEmpty()
  @MaxLength(300)
  subject!: string;

  @Field(() => ID, { description: 'The exporter the agency supports (a company of kind EXPORTER).' })
  @IsUUID()
  exporterId!: string;
}

@InputType({ description: 'Changes to an interaction: omitted fields stay, null clears an optional field.' })
export class UpdateInteractionInput extends InteractionDetailsInput {
  @Field(() => ID)
  @IsUUID()
  interactionId!: string;

  // kind, occurredAt, subject and exporterId cannot be cleared: the service answers REQUIRED to a null.
  @Field(() => InteractionKind, { nullable: true })
  kind?: InteractionKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  subject?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  exporterId?: string | null;
}
