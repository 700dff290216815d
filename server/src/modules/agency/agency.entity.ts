import { Check, Entity, Enum, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { AgencyKind } from './agency.enums.js';

@ObjectType({ description: 'A tenant: one export-promotion organisation and all its data.' })
@Entity()
@Check({ name: 'agency_country_check', expression: "country ~ '^[A-Z]{2}$'" })
@Check({ name: 'agency_base_currency_check', expression: "base_currency ~ '^[A-Z]{3}$'" })
export class Agency extends BaseEntity {
  @Field()
  @Property({ length: 200 })
  name!: string;

  @Field()
  @Property({ length: 60 })
  shortName!: string;

  @Field(() => AgencyKind)
  @Enum({ items: () => AgencyKind })
  kind!: AgencyKind;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  @Property({ type: 'character', length: 2 })
  country!: string;

  @Field({ description: 'ISO 4217 code of the currency reports are converted to.' })
  @Property({ type: 'character', length: 3 })
  baseCurrency!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The sender of the mail the CRM sends for the agency, e.g. "Mosprom <crm@mosprom.ru>"; the server’s own when null.',
  })
  @Property({ type: 'string', length: 254, nullable: true })
  mailFrom?: string | null;
}
