import { IsBoolean, IsNotEmpty, IsOptional, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars.js';
import { OrderDirection } from '../../shared/connection.js';
import { MoneyInput } from '../../shared/money.js';
import { IsCountryCode } from '../../shared/validators.js';
import { MissionKind, MissionStatus, ParticipantStatus } from './mission.enums.js';

@InputType({ description: 'Which missions to list; the conditions add up (AND). An empty list means no condition.' })
export class MissionFilter {
  @Field(() => [MissionStatus], { nullable: true, description: 'Any of these statuses.' })
  statuses?: MissionStatus[] | null;

  @Field(() => [MissionKind], { nullable: true, description: 'Any of these kinds.' })
  kinds?: MissionKind[] | null;

  @Field(() => [String], { nullable: true, description: 'Any of these host countries (ISO 3166-1 alpha-2).' })
  hostCountries?: string[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Missions starting on or after this date (startsOn >= startsFrom; undated missions are left out).',
  })
  startsFrom?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Missions starting on or before this date (startsOn <= startsTo; undated missions are left out).',
  })
  startsTo?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Any of these organising agencies.' })
  organizerIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the name, ignoring case, accents and punctuation ("societe" finds "Société").',
  })
  nameContains?: string | null;
}

export enum MissionOrderField {
  NAME = 'normalizedName',
  STARTS_ON = 'startsOn',
  CREATED_AT = 'createdAt',
}
registerEnumType(MissionOrderField, {
  name: 'MissionOrderField',
  description: 'Ties are broken by id. Undated missions come last in ASC order and first in DESC order.',
  valuesConfig: {
    NAME: {
      description:
        'By name as people read it: case and accents ignored (Latin before Cyrillic), the same on every database.',
    },
  },
});

@InputType()
export class MissionOrder {
  @Field(() => MissionOrderField)
  field!: MissionOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}

@InputType({ description: "Which participants of a mission's delegation to list." })
export class MissionParticipantFilter {
  @Field(() => [ParticipantStatus], { nullable: true, description: 'Any of these statuses (empty: all).' })
  statuses?: ParticipantStatus[] | null;
}

/**
 * The optional fields of a mission, with the same rules whether it is created or updated (on
 * update an omitted field stays, null clears it, a list replaces the whole set). Not a type of
 * the schema on its own.
 */
@InputType()
abstract class MissionDetailsInput {
  @Field(() => MissionStatus, { nullable: true, description: 'Default on creation: PLANNED.' })
  @IsOptional()
  status?: MissionStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  city?: string | null;

  @Field(() => DateScalar, { nullable: true })
  startsOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'On or after startsOn.' })
  endsOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True when the dates are only roughly known.' })
  @IsOptional()
  @IsBoolean()
  datesApproximate?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10_000)
  description?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The organising agency: the viewer's own agency (the default on creation) or null. Co-organisers from " +
      'outside the agency are partner companies (partnerIds).',
  })
  @IsOptional()
  @IsUUID('all')
  organizerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The user of the agency who leads the mission.' })
  @IsOptional()
  @IsUUID('all')
  leadId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Partner organisations (companies of the agency).' })
  @IsOptional()
  @IsUUID('all', { each: true })
  partnerIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Sectors the mission targets.' })
  @IsOptional()
  @IsUUID('all', { each: true })
  targetSectorIds?: string[] | null;

  @Field(() => MoneyInput, { nullable: true, description: 'What the mission costs the agency (for ROI).' })
  @IsOptional()
  @ValidateNested()
  budget?: MoneyInput | null;
}

@InputType()
export class CreateMissionInput extends MissionDetailsInput {
  @Field()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @Field(() => MissionKind)
  kind!: MissionKind;

  @Field({ description: 'ISO 3166-1 alpha-2 code of the country the mission goes to, e.g. MA.' })
  @IsCountryCode()
  hostCountry!: string;
}

@InputType({
  description:
    'Changes to a mission: an omitted field stays as it is; null clears an optional field (and leaves a required ' +
    'one unchanged); a list replaces the whole set.',
})
export class UpdateMissionInput extends MissionDetailsInput {
  @Field(() => ID)
  @IsUUID('all')
  missionId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  name?: string | null;

  @Field(() => MissionKind, { nullable: true })
  @IsOptional()
  kind?: MissionKind | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  @IsOptional()
  @IsCountryCode()
  hostCountry?: string | null;
}

@InputType()
export class AddMissionParticipantInput {
  @Field(() => ID)
  @IsUUID('all')
  missionId!: string;

  @Field(() => ID, { description: 'A company of kind EXPORTER, at most once per mission.' })
  @IsUUID('all')
  companyId!: string;

  @Field(() => ParticipantStatus, { defaultValue: ParticipantStatus.INVITED })
  status!: ParticipantStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5_000)
  notes?: string | null;
}

@InputType({ description: 'An omitted field stays as it is; notes: null clears them.' })
export class UpdateMissionParticipantInput {
  @Field(() => ID)
  @IsUUID('all')
  participantId!: string;

  @Field(() => ParticipantStatus, { nullable: true })
  @IsOptional()
  status?: ParticipantStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5_000)
  notes?: string | null;
}
