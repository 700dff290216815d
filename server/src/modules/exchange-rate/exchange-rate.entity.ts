import { Check, Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars.js';
import { AgencyOwned } from '../../shared/agency-owned.entity.js';

/** 1 unit of `currency` = `rate` units of the agency's base currency, from `validOn` on. */
@ObjectType({
  description:
    "A rate for converting a currency to the agency's base currency: 1 unit of `currency` is worth `rate` units of the base currency from `validOn` on (until the next rate of that currency).",
})
@Entity()
@Unique({ name: 'exchange_rate_agency_currency_valid_on_unique', properties: ['agency', 'currency', 'validOn'] })
@Check({ name: 'exchange_rate_rate_check', expression: 'rate > 0' })
@Check({ name: 'exchange_rate_currency_check', expression: "currency ~ '^[A-Z]{3}$'" })
export class ExchangeRate extends AgencyOwned {
  @Field({ description: 'ISO 4217 code of the converted currency.' })
  @Property({ type: 'character', length: 3 })
  currency!: string;

  @Field(() => DateScalar, { description: 'The first day the rate applies.' })
  @Property({ type: 'date' })
  validOn!: string;

  @Property({ type: 'decimal', precision: 24, scale: 10 })
  rate!: string;
}
