import { IsISO4217CurrencyCode, Matches } from 'class-validator';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/scalars.js';
import { OrderDirection } from '../../shared/connection.js';
import { CURRENCY } from '../../shared/money.js';

@InputType()
export class SetExchangeRateInput {
  @Field({ description: 'ISO 4217 code of the currency, e.g. EUR.' })
  @Matches(CURRENCY)
  @IsISO4217CurrencyCode()
  currency!: string;

  @Field(() => DateScalar, { description: 'The first day the rate applies.' })
  validOn!: string;

  @Field(() => DecimalScalar, {
    description: 'Units of the base currency for 1 unit of `currency`: greater than 0, up to 10 decimal places.',
  })
  @Matches(/^(?!0+(\.0+)?$)\d{1,14}(\.\d{1,10})?$/)
  rate!: string;
}

@InputType()
export class ExchangeRateFilter {
  @Field(() => [String], { nullable: true, description: 'ISO 4217 codes.' })
  currencies?: string[] | null;

  @Field(() => DateScalar, { nullable: true })
  validOnFrom?: string | null;

  @Field(() => DateScalar, { nullable: true })
  validOnTo?: string | null;
}

export enum ExchangeRateOrderField {
  VALID_ON = 'validOn',
  CURRENCY = 'currency',
}
registerEnumType(ExchangeRateOrderField, { name: 'ExchangeRateOrderField' });

@InputType()
export class ExchangeRateOrder {
  @Field(() => ExchangeRateOrderField)
  field!: ExchangeRateOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}
