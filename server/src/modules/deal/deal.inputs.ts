import { IsInt, IsISO4217CurrencyCode, IsNotEmpty, IsOptional, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/scalars.js';
import { OrderDirection } from '../../shared/connection.js';
import { AMOUNT, CURRENCY } from '../../shared/money.js';
import { IsCountryCode } from '../../shared/validators.js';
import { StageCategory } from '../pipeline/pipeline.enums.js';

/**
 * The fields of a deal that are set the same way when it is created and when it is updated (on
 * update a field left out stays, null clears it). Not a type of the schema on its own.
 */
@InputType()
abstract class DealDetailsInput {
  @Field(() => String, {
    nullable: true,
    description: 'Required on creation, unless the deal comes from an interaction.',
  })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'An EXPORTER company. Required on creation, unless the deal comes from an interaction.',
  })
  @IsOptional()
  @IsUUID('all')
  exporterId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The foreign counterpart (any company but an EXPORTER).' })
  @IsOptional()
  @IsUUID('all')
  buyerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The user in charge; on creation the viewer by default.' })
  @IsOptional()
  @IsUUID('all')
  ownerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The mission where the lead was born.' })
  @IsOptional()
  @IsUUID('all')
  sourceMissionId?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The expected value of the contract, e.g. "420000.00".' })
  @IsOptional()
  @Matches(AMOUNT)
  amount?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "ISO 4217 code; on creation the agency's base currency by default.",
  })
  @IsOptional()
  @Matches(CURRENCY)
  @IsISO4217CurrencyCode()
  currency?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  expectedCloseOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "ISO 3166-1 alpha-2 code of the market; on creation the buyer's country by default.",
  })
  @IsOptional()
  @IsCountryCode()
  destinationCountry?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  sectorId?: string | null;

  @Field(() => String, { nullable: true, description: 'The products or services the contract is about.' })
  @IsOptional()
  @MaxLength(5000)
  products?: string | null;
}

@InputType()
export class CreateDealInput extends DealDetailsInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'The meeting (or other interaction) that produced the lead: exporter, buyer (its counterpart), source mission and, by default, title come from it.',
  })
  @IsOptional()
  @IsUUID('all')
  fromInteractionId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The pipeline; the default pipeline (or the pipeline of stageId) when omitted.',
  })
  @IsOptional()
  @IsUUID('all')
  pipelineId?: string | null;

  @Field(() => ID, { nullable: true, description: 'An OPEN stage; the first OPEN stage of the pipeline by default.' })
  @IsOptional()
  @IsUUID('all')
  stageId?: string | null;
}

@InputType({ description: 'Changes to a deal; a field left out stays as it is, a field set to null is cleared.' })
export class UpdateDealInput extends DealDetailsInput {
  @Field(() => ID)
  @IsUUID('all')
  dealId!: string;

  @Field(() => Int, { description: 'The version of the deal the client saw; CONFLICT if it changed since.' })
  @IsInt()
  @Min(1)
  version!: number;

  @Field(() => String, { nullable: true, description: 'Only for a deal in a LOST stage.' })
  @IsOptional()
  @MaxLength(5000)
  lostReason?: string | null;
}

@InputType()
export class MoveDealInput {
  @Field(() => ID)
  @IsUUID('all')
  dealId!: string;

  @Field(() => ID, { description: "A stage of the deal's pipeline, not retired." })
  @IsUUID('all')
  toStageId!: string;

  @Field(() => Int, { description: 'The version of the deal the client saw; CONFLICT if it changed since.' })
  @IsInt()
  @Min(1)
  version!: number;

  @Field(() => String, { nullable: true, description: 'Why the deal was lost: required to enter a LOST stage.' })
  @IsOptional()
  @MaxLength(5000)
  lostReason?: string | null;
}

@InputType({ description: 'Deals matching all the conditions given; a list matches any of its values.' })
export class DealFilter {
  @Field(() => String, { nullable: true, description: 'Part of the title, any case.' })
  titleContains?: string | null;

  @Field(() => [ID], { nullable: true })
  pipelineIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  stageIds?: string[] | null;

  @Field(() => [StageCategory], { nullable: true, description: 'The category of their current stage.' })
  categories?: StageCategory[] | null;

  @Field(() => [ID], { nullable: true })
  ownerIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  exporterIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  buyerIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  sourceMissionIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes.' })
  destinationCountries?: string[] | null;

  @Field(() => [ID], { nullable: true })
  sectorIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 4217 codes of the deal currency.' })
  currencies?: string[] | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount at least this, in the deal currency.' })
  amountFrom?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount at most this, in the deal currency.' })
  amountTo?: string | null;

  @Field(() => DateScalar, { nullable: true })
  expectedCloseFrom?: string | null;

  @Field(() => DateScalar, { nullable: true })
  expectedCloseTo?: string | null;

  @Field(() => DateScalar, { nullable: true })
  closedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true })
  closedTo?: string | null;
}

export enum DealOrderField {
  TITLE = 'title',
  AMOUNT = 'amount',
  EXPECTED_CLOSE_ON = 'expectedCloseOn',
  CLOSED_ON = 'closedOn',
  CREATED_AT = 'createdAt',
  UPDATED_AT = 'updatedAt',
}
registerEnumType(DealOrderField, {
  name: 'DealOrderField',
  description:
    'AMOUNT compares amounts in their own currencies. Deals without a value (no amount, no date) come last in ASC order and first in DESC order.',
});

@InputType()
export class DealOrder {
  @Field(() => DealOrderField)
  field!: DealOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}
