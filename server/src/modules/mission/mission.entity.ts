import { Collection, type Opt, type Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToMany, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars.js';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { Agency } from '../agency/agency.entity.js';
import { Company } from '../company/company.entity.js';
import { Sector } from '../sector/sector.entity.js';
import { User } from '../user/user.entity.js';
import { MissionKind, MissionStatus } from './mission.enums.js';

@ObjectType({ description: "A trade mission, buyers' programme, forum, online mission or fair." })
@Entity()
@Index({ properties: ['agency', 'startsOn', 'id'] })
@Index({ properties: ['agency', 'normalizedName', 'id'] })
@Index({ properties: ['agency', 'createdAt', 'id'] })
@Check({ name: 'mission_dates_check', expression: 'ends_on is null or starts_on is null or ends_on >= starts_on' })
@Check({ name: 'mission_host_country_check', expression: "host_country ~ '^[A-Z]{2}$'" })
@Check({ name: 'mission_budget_check', expression: 'budget_amount is null or budget_amount >= 0' })
@Check({
  name: 'mission_budget_currency_check',
  expression:
    "(budget_amount is null) = (budget_currency is null) and (budget_currency is null or budget_currency ~ '^[A-Z]{3}$')",
})
export class Mission extends AgencyOwned {
  @Field()
  @Property({ length: 300 })
  name!: string;

  @Property({ length: 300 })
  normalizedName!: string;

  @Field(() => MissionKind)
  @Enum({ items: () => MissionKind })
  kind!: MissionKind;

  @Field(() => MissionStatus)
  @Enum({ items: () => MissionStatus, default: MissionStatus.PLANNED })
  status: MissionStatus & Opt = MissionStatus.PLANNED;

  @Field({ description: 'ISO 3166-1 alpha-2 code of the country the mission goes to.' })
  @Property({ type: 'character', length: 2 })
  hostCountry!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 120, nullable: true })
  city?: string | null;

  /** YYYY-MM-DD */
  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  startsOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'On or after startsOn.' })
  @Property({ type: 'date', nullable: true })
  endsOn?: string | null;

  @Field(() => Boolean, { description: 'True when the press gave the dates only roughly.' })
  @Property({ type: 'boolean', default: false })
  datesApproximate: boolean & Opt = false;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'set null' })
  organizer?: Rel<Agency> | null;

  @ManyToMany(() => Company, undefined, { pivotTable: 'mission_partner' })
  partners = new Collection<Company>(this);

  @ManyToMany(() => Sector, undefined, { pivotTable: 'mission_target_sector' })
  targetSectors = new Collection<Sector>(this);

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  lead?: Rel<User> | null;

  @Property({ type: 'decimal', precision: 18, scale: 2, nullable: true })
  budgetAmount?: string | null;

  @Property({ type: 'character', length: 3, nullable: true })
  budgetCurrency?: string | null;
}
