import { Collection, type Opt, type Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToMany, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { Sector } from '../sector/sector.entity.js';
import { User } from '../user/user.entity.js';
import { CompanyKind } from './company.enums.js';

@ObjectType({ description: 'An exporter the agency supports, or a foreign counterpart.' })
@Entity()
@Unique({ name: 'company_agency_normalized_name_country_unique', properties: ['agency', 'normalizedName', 'country'] })
@Index({ properties: ['agency', 'normalizedName', 'id'] })
@Index({ properties: ['agency', 'createdAt', 'id'] })
@Index({ properties: ['agency', 'kind'] })
@Check({ name: 'company_country_check', expression: "country ~ '^[A-Z]{2}$'" })
export class Company extends AgencyOwned {
  @Field()
  @Property({ length: 300 })
  name!: string;

  /** See shared/normalize.ts: duplicates and search compare this. */
  @Property({ length: 300 })
  normalizedName!: string;

  @Field(() => CompanyKind)
  @Enum({ items: () => CompanyKind })
  kind!: CompanyKind;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  @Property({ type: 'character', length: 2 })
  country!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 120, nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  website?: string | null;

  @Field(() => [String])
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  brands: string[] & Opt = [];

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @ManyToMany(() => Sector, undefined, { pivotTable: 'company_sector' })
  sectors = new Collection<Sector>(this);

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  accountManager?: Rel<User> | null;
}
