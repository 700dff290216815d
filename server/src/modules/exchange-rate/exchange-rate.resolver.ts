import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { ConnectionType, OrderDirection, PageArgs, paginate } from '../../shared/connection.js';
import { runMutation } from '../../shared/mutation.js';
import { Role } from '../user/user.enums.js';
import { plainDecimal } from './conversion.js';
import { ExchangeRate } from './exchange-rate.entity.js';
import { exchangeRateWhere } from './exchange-rate.filter.js';
import {
  ExchangeRateFilter,
  ExchangeRateOrder,
  ExchangeRateOrderField,
  SetExchangeRateInput,
} from './exchange-rate.inputs.js';
import { SetExchangeRatePayload } from './exchange-rate.payloads.js';
import { setExchangeRate } from './exchange-rate.service.js';

const ExchangeRateConnection = ConnectionType(ExchangeRate);

@Resolver(() => ExchangeRate)
export class ExchangeRateResolver {
  @Authorized()
  @Query(() => ExchangeRateConnection, {
    description: "The agency's exchange rates to its base currency (newest first by default).",
  })
  exchangeRates(
    @Args() page: PageArgs,
    @Arg('filter', () => ExchangeRateFilter, { nullable: true }) filter: ExchangeRateFilter | null,
    @Arg('orderBy', () => ExchangeRateOrder, { nullable: true }) orderBy: ExchangeRateOrder | null,
    @Ctx() { em }: Context,
  ) {
    return paginate(
      em,
      ExchangeRate,
      exchangeRateWhere(filter),
      orderBy ?? { field: ExchangeRateOrderField.VALID_ON, direction: OrderDirection.DESC },
      page,
    );
  }

  @FieldResolver(() => DecimalScalar, { description: 'Units of the base currency for 1 unit of `currency`.' })
  rate(@Root() rate: ExchangeRate): string {
    return plainDecimal(rate.rate);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => SetExchangeRatePayload, {
    description: 'Sets the rate of a currency from a day on (replaces the rate already set for that day).',
  })
  setExchangeRate(@Arg('input') input: SetExchangeRateInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ exchangeRate: await setExchangeRate(em, ctx, input) }));
  }
}
