import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/scalars.js';
import { AMOUNT, CURRENCY, Money } from '../../shared/money.js';
import { UserError } from '../../shared/user-error.js';
import { Deal } from '../deal/deal.entity.js';
import { Locale } from '../user/user.enums.js';
import { Additionality, ConfirmationStatus, DealConfirmation } from './deal-confirmation.entity.js';

export enum ConfirmationAnswer {
  /** The deal is right as recorded. */
  RIGHT = 'RIGHT',
  /** It happened, with another value or day (given in the answer). */
  CORRECTED = 'CORRECTED',
  /** It did not happen as recorded. */
  DID_NOT_HAPPEN = 'DID_NOT_HAPPEN',
}
registerEnumType(ConfirmationAnswer, {
  name: 'ConfirmationAnswer',
  description: 'The exporter’s verdict on the deal.',
});

@InputType()
export class RequestDealConfirmationInput {
  @Field(() => ID)
  @IsUUID()
  dealId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A contact of the deal’s exporter with an e-mail address. Default: its first such contact.',
  })
  @IsOptional()
  @IsUUID()
  contactId?: string | null;
}

@ObjectType()
export class RequestDealConfirmationPayload {
  @Field(() => DealConfirmation, { nullable: true })
  confirmation?: DealConfirmation;

  @Field(() => Deal, { nullable: true })
  deal?: Deal;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType({ description: 'The exporter’s answer, from the public page of the link.' })
export class AnswerDealConfirmationInput {
  @Field({ description: 'The token of the link: the part after "/confirm/".' })
  @MaxLength(200)
  token!: string;

  @Field(() => ConfirmationAnswer)
  answer!: ConfirmationAnswer;

  @Field(() => DecimalScalar, { nullable: true, description: 'CORRECTED: the right amount.' })
  @IsOptional()
  @Matches(AMOUNT)
  amount?: string | null;

  @Field(() => String, { nullable: true, description: 'CORRECTED: the currency of the amount (default: as recorded).' })
  @IsOptional()
  @Matches(CURRENCY)
  currency?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'CORRECTED: the right signature day.' })
  @IsOptional()
  closedOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'How much the agency’s help mattered, 1 to 5.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  helpRating?: number | null;

  @Field(() => Additionality, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(Additionality))
  additionality?: Additionality | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  caseStudyAllowed?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2_000)
  comment?: string | null;
}

@ObjectType()
export class AnswerDealConfirmationPayload {
  @Field(() => ConfirmationStatus, { nullable: true, description: 'The status the answer gave.' })
  status?: ConfirmationStatus;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType({
  description:
    'What the public page of a confirmation link shows: the one deal as the agency recorded it, nothing else.',
})
export class PublicDealConfirmation {
  @Field(() => Locale, { description: 'The page’s language: the contact’s.' })
  locale!: Locale;

  @Field()
  agencyName!: string;

  @Field()
  exporterName!: string;

  @Field()
  contactName!: string;

  @Field()
  dealTitle!: string;

  @Field(() => Money, { nullable: true })
  recordedValue!: Money | null;

  @Field(() => DateScalar, { nullable: true })
  recordedClosedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the market.' })
  destinationCountry!: string | null;

  @Field(() => Date)
  expiresAt!: Date;
}
