import { IsISO4217CurrencyCode, Matches } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../graphql/scalars.js';

/** Amounts: numeric(18, 2), never negative. */
export const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;
/** Currencies as the database stores them (its check constraints say the same). */
export const CURRENCY = /^[A-Z]{3}$/;

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

@InputType({ description: 'An exact amount of money in a currency.' })
export class MoneyInput {
  @Field(() => DecimalScalar, { description: 'Zero or more, at most 2 decimals, e.g. "12500000.00".' })
  @Matches(AMOUNT)
  amount!: string;

  private code!: string;

  /**
   * Upper-cased as it is set, before the rules run: "rub" is RUB, and what passes the rules is
   * what the database stores (a lower-case code would break its check, as an error at no field).
   */
  @Field({ description: 'ISO 4217 currency code, e.g. RUB.' })
  @Matches(CURRENCY)
  @IsISO4217CurrencyCode()
  get currency(): string {
    return this.code;
  }

  set currency(value: string) {
    this.code = typeof value === 'string' ? value.toUpperCase() : value;
  }
}
