import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/user-error.js';
import { ExchangeRate } from './exchange-rate.entity.js';

@ObjectType()
export class SetExchangeRatePayload {
  @Field(() => ExchangeRate, { nullable: true })
  exchangeRate?: ExchangeRate;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
