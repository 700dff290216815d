import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../graphql/scalars.js';

@ObjectType({ description: 'An exact amount of money in a currency.' })
export class Money {
  @Field(() => DecimalScalar, { description: 'Exact decimal as a string, e.g. "1250000.00".' })
  amount!: string;

  @Field({ description: 'ISO 4217 currency code.' })
  currency!: string;
}

export function money(amount: string | null | undefined, currency: string | null | undefined): Money | null {
  if (amount == null || currency == null) return null;
  return Object.assign(new Money(), { amount, currency });
}
