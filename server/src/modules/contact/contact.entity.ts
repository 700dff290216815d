import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';
import { Company } from '../company/company.entity.js';

@ObjectType({ description: 'A person at a company.' })
@Entity()
@Index({ properties: ['agency', 'normalizedName', 'id'] })
export class Contact extends AgencyOwned {
  @ManyToOne(() => Company, { deleteRule: 'cascade' })
  company!: Rel<Company>;

  @Field()
  @Property({ length: 200 })
  fullName!: string;

  @Property({ length: 200 })
  normalizedName!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  jobTitle?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 254, nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  phone?: string | null;

  @Field(() => [String], { description: 'ISO 639-1 codes of the languages the contact speaks.' })
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  languages: string[] & Opt = [];
}
