import { Collection, type Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToMany, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { Company } from '../company/company.entity.js';
import { Contact } from '../contact/contact.entity.js';
import { Deal } from '../deal/deal.entity.js';
import { Mission } from '../mission/mission.entity.js';
import { User } from '../user/user.entity.js';
import { InteractionKind, MeetingStatus, Outcome } from './interaction.enums.js';
import { InteractionContact } from './interaction-contact.entity.js';

@ObjectType({ description: 'A touch point: a meeting, call, e-mail, visit or note.' })
@Entity()
@Index({ properties: ['agency', 'occurredAt', 'id'] })
@Index({ properties: ['mission', 'startsAt'] })
@Index({ properties: ['exporter', 'occurredAt'] })
@Index({ properties: ['counterpart', 'occurredAt'] })
// Meeting suggestions read each candidate's meeting history from this index alone (issue 17).
@Index({
  name: 'interaction_meeting_history_index',
  properties: ['counterpart', 'occurredAt'],
  include: ['agency', 'status', 'outcome', 'exporter', 'mission'],
  where: "kind = 'MEETING'",
})
@Check({ name: 'interaction_times_check', expression: 'ends_at is null or starts_at is null or ends_at > starts_at' })
@Check({ name: 'interaction_counterpart_check', expression: 'counterpart_id is null or counterpart_id <> exporter_id' })
@Index({ properties: ['author'] })
@Index({ properties: ['deal'] })
export class Interaction extends AgencyOwned {
  @Field(() => InteractionKind)
  @Enum({ items: () => InteractionKind })
  kind!: InteractionKind;

  @Field(() => Date, { description: 'When it happened (or, for a planned meeting, when it starts).' })
  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  @Field()
  @Property({ length: 300 })
  subject!: string;

  @Property({ length: 300 })
  normalizedSubject!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Field(() => Outcome, { nullable: true })
  @Enum({ items: () => Outcome, nullable: true })
  outcome?: Outcome | null;

  @ManyToOne(() => Mission, { nullable: true, deleteRule: 'set null' })
  mission?: Rel<Mission> | null;

  @ManyToOne(() => Company, { deleteRule: 'restrict' })
  exporter!: Rel<Company>;

  @ManyToOne(() => Company, { nullable: true, deleteRule: 'restrict' })
  counterpart?: Rel<Company> | null;

  @ManyToMany({ entity: () => Contact, pivotEntity: () => InteractionContact })
  contacts = new Collection<Contact>(this);

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  author!: Rel<User>;

  @ManyToOne(() => Deal, { nullable: true, deleteRule: 'set null' })
  deal?: Rel<Deal> | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Room, table or address of a planned meeting.' })
  @Property({ type: 'string', length: 200, nullable: true })
  place?: string | null;

  @Field(() => MeetingStatus, { nullable: true })
  @Enum({ items: () => MeetingStatus, nullable: true })
  status?: MeetingStatus | null;
}
