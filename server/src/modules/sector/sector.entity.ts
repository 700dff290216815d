import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';

export interface LocalizedName {
  fr: string;
  en: string;
  ru: string;
}

@ObjectType({ description: 'A field of activity, named in each interface language.' })
@Entity()
@Unique({ name: 'sector_agency_code_unique', properties: ['agency', 'code'] })
export class Sector extends AgencyOwned {
  @Field()
  @Property({ length: 60 })
  code!: string;

  @Property({ type: 'jsonb' })
  names!: LocalizedName;
}
