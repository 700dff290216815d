import { type Opt, type Rel } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { Company } from '../company/company.entity.js';
import { Deal } from '../deal/deal.entity.js';
import { Mission } from '../mission/mission.entity.js';
import { User } from '../user/user.entity.js';

@ObjectType({ description: 'A follow-up, about one deal, company or mission.' })
@Entity()
@Index({ properties: ['agency', 'dueOn', 'id'] })
@Index({ properties: ['assignee', 'done', 'dueOn'] })
@Index({ properties: ['deal'] })
@Index({ properties: ['company'] })
@Index({ properties: ['mission'] })
@Check({ name: 'task_subject_check', expression: 'num_nonnulls(deal_id, company_id, mission_id) = 1' })
@Check({ name: 'task_done_at_check', expression: '(done and done_at is not null) or (not done and done_at is null)' })
export class Task extends AgencyOwned {
  @Field()
  @Property({ length: 300 })
  title!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Property({ type: 'date', nullable: true })
  dueOn?: string | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  done: boolean & Opt = false;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  doneAt?: Date | null;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  assignee!: Rel<User>;

  @ManyToOne(() => Deal, { nullable: true, deleteRule: 'cascade' })
  deal?: Rel<Deal> | null;

  @ManyToOne(() => Company, { nullable: true, deleteRule: 'cascade' })
  company?: Rel<Company> | null;

  @ManyToOne(() => Mission, { nullable: true, deleteRule: 'cascade' })
  mission?: Rel<Mission> | null;
}
