import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars.js';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { Contact } from '../contact/contact.entity.js';
import { Deal } from '../deal/deal.entity.js';
import { User } from '../user/user.entity.js';
import { Locale } from '../user/user.enums.js';

export enum ConfirmationStatus {
  /** Asked; the exporter has not answered (reminded after 7 and 14 days). */
  REQUESTED = 'REQUESTED',
  /** The exporter says the deal is right as recorded. */
  CONFIRMED = 'CONFIRMED',
  /** The exporter gave the right value or date: the confirmed figures are theirs. */
  CORRECTED = 'CORRECTED',
  /** The exporter says the deal did not happen as recorded. */
  DISPUTED = 'DISPUTED',
  /** No answer within 21 days, or replaced by a newer request. */
  EXPIRED = 'EXPIRED',
}
registerEnumType(ConfirmationStatus, {
  name: 'ConfirmationStatus',
  description: 'Where the exporter’s confirmation of a won deal is.',
});

export enum Additionality {
  /** The deal would have happened anyway. */
  YES = 'YES',
  /** It would have happened later, or smaller. */
  LATER_OR_SMALLER = 'LATER_OR_SMALLER',
  /** It would not have happened. */
  NO = 'NO',
}
registerEnumType(Additionality, {
  name: 'Additionality',
  description: 'Whether the deal would have happened without the agency, in the exporter’s words.',
});

@ObjectType({ description: 'One step of a confirmation: its status from then on.' })
export class ConfirmationStep {
  @Field(() => ConfirmationStatus)
  status!: ConfirmationStatus;

  @Field(() => Date)
  at!: Date;

  @Field({ description: 'Who: a user’s name, "exporter" (the contact, through the link) or "system" (expiry).' })
  by!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What happened: requested, reminded, answered, expired, replaced.',
  })
  note?: string | null;
}

/**
 * The exporter's confirmation of a won deal (issue 16): asked of one contact of the exporter
 * through a one-time link (only the SHA-256 of each link's token is kept: the first mail's and the
 * reminders'), answered once on a public page, in the contact's language. Keeps the deal as it was
 * recorded when asked and the figures the exporter confirmed.
 */
@ObjectType({ description: 'The exporter’s confirmation of a won deal, asked through a one-time link.' })
@Entity()
@Index({ properties: ['deal', 'createdAt'] })
@Index({ properties: ['agency', 'status'] })
@Index({ properties: ['contact'] })
@Index({ properties: ['requestedBy'] })
@Index({ name: 'deal_confirmation_due_index', properties: ['status', 'expiresAt'] })
@Index({
  name: 'deal_confirmation_token_hashes',
  expression: 'create index "deal_confirmation_token_hashes" on "deal_confirmation" using gin ("token_hashes")',
})
@Index({
  name: 'deal_confirmation_one_open',
  expression: `create unique index "deal_confirmation_one_open" on "deal_confirmation" ("deal_id") where status = 'REQUESTED'`,
})
@Check({ name: 'deal_confirmation_help_check', expression: 'help_rating >= 1 and help_rating <= 5' })
export class DealConfirmation extends AgencyOwned {
  @ManyToOne(() => Deal, { deleteRule: 'cascade' })
  deal!: Rel<Deal>;

  @ManyToOne(() => Contact, { nullable: true, deleteRule: 'set null' })
  contact?: Rel<Contact> | null;

  @Field({ description: 'The address the link was sent to.' })
  @Property({ length: 254 })
  contactEmail!: string;

  @Field()
  @Property({ length: 200 })
  contactName!: string;

  @Field(() => Locale, { description: 'The language of the mail and of the page: the contact’s.' })
  @Enum({ items: () => Locale })
  locale!: Locale;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  requestedBy!: Rel<User>;

  @Field(() => ConfirmationStatus)
  @Enum({ items: () => ConfirmationStatus, default: ConfirmationStatus.REQUESTED })
  status: ConfirmationStatus & Opt = ConfirmationStatus.REQUESTED;

  /** SHA-256 of the token of each link sent (the request's, each reminder's): any works, once. */
  @Property({ type: 'text[]', hidden: true, lazy: true })
  tokenHashes!: string[];

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Field(() => Int, { description: 'Reminders sent (after 7 and 14 days).' })
  @Property({ type: 'integer', default: 0 })
  remindersSent: number & Opt = 0;

  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  recordedAmount?: string | null;

  @Property({ type: 'character', length: 3 })
  recordedCurrency!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The signature day as recorded when asked.' })
  @Property({ type: 'date', nullable: true })
  recordedClosedOn?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  answeredAt?: Date | null;

  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  confirmedAmount?: string | null;

  @Property({ type: 'character', length: 3, nullable: true })
  confirmedCurrency?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The signature day the exporter confirmed.' })
  @Property({ type: 'date', nullable: true })
  confirmedClosedOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'How much the agency’s help mattered, 1 (little) to 5 (decisive).' })
  @Property({ type: 'smallint', nullable: true })
  helpRating?: number | null;

  @Field(() => Additionality, { nullable: true })
  @Enum({ items: () => Additionality, nullable: true })
  additionality?: Additionality | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the agency may cite the deal as a case study.' })
  @Property({ type: 'boolean', nullable: true })
  caseStudyAllowed?: boolean | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => [ConfirmationStep], { description: 'Every status it went through, oldest first.' })
  @Property({ type: 'json' })
  history!: ConfirmationStep[];
}
