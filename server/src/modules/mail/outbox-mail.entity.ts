import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { User } from '../user/user.entity.js';
import { Locale } from '../user/user.enums.js';

export enum MailStatus {
  /** Waiting to be sent (or, without CRM_SMTP_URL, to be read in "Outgoing mail"). */
  PENDING = 'PENDING',
  /** Taken by a server process, being handed to the SMTP server. */
  SENDING = 'SENDING',
  /** Accepted by the SMTP server. */
  SENT = 'SENT',
  /** Refused too many times: it will not be tried again unless an admin asks. */
  FAILED = 'FAILED',
}
registerEnumType(MailStatus, { name: 'MailStatus', description: 'Where an outgoing mail is.' });

/**
 * One outgoing mail, written in the transaction of the change that caused it (an invitation, a
 * confirmation request), rendered then in its reader's language, and sent after the commit by
 * the dispatcher (mail-dispatcher.ts): a rolled-back change leaves no mail, a crash loses none.
 */
@ObjectType({ description: 'A mail the CRM sends (or, without an SMTP server, keeps for admins to read).' })
@Entity()
@Index({ properties: ['agency', 'createdAt', 'id'] })
@Index({ name: 'outbox_mail_due_index', properties: ['status', 'nextAttemptAt'] })
@Index({ properties: ['createdBy'] })
export class OutboxMail extends AgencyOwned {
  @Field({ description: 'The address it goes to.' })
  @Property({ length: 254 })
  toAddress!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  toName?: string | null;

  @Field({ description: 'Which template wrote it: invitation, passwordReset, dealConfirmation, …' })
  @Property({ length: 60 })
  template!: string;

  @Field(() => Locale, { description: 'The language it is written in: its reader’s.' })
  @Enum({ items: () => Locale })
  locale!: Locale;

  @Field()
  @Property({ length: 300 })
  subject!: string;

  @Field({ description: 'The plain-text part.' })
  @Property({ type: 'text' })
  textBody!: string;

  @Field({ description: 'The HTML part.' })
  @Property({ type: 'text' })
  htmlBody!: string;

  @Field(() => [String], { description: 'The links it carries (absolute), as in its text.' })
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  links: string[] & Opt = [];

  @Field(() => MailStatus)
  @Enum({ items: () => MailStatus, default: MailStatus.PENDING })
  status: MailStatus & Opt = MailStatus.PENDING;

  @Field(() => Int, { description: 'Deliveries tried.' })
  @Property({ type: 'integer', default: 0 })
  attempts: number & Opt = 0;

  /** When it may be tried (again): after a refusal, later and later; while SENDING, when its claim lapses. */
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  nextAttemptAt: Date & Opt = new Date();

  @Field(() => String, { nullable: true, description: 'Why the last delivery failed.' })
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date | null;

  /** Who caused it, when a user did. */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy?: Rel<User> | null;
}
