import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { badInput, ConnectionType, OrderDirection, PageArgs, paginate } from '../../shared/connection.js';
import { CURRENCY } from '../../shared/money.js';
import { runMutation } from '../../shared/mutation.js';
import { Role } from '../user/user.enums.js';
import { plainDecimal } from './conversion.js';
import { ExchangeRate } from './exchange-rate.entity.js';
import {
  ExchangeRateFilter,
  ExchangeRateOrder,
  ExchangeRateOrderField,
  SetExchangeRateInput,
} from './exchange-rate.inputs.js';
import { SetExchangeRatePayload } from './exchange-rate.payloads.js';
import { setExchangeRate } from './exchange-rate.service.js';

const ExchangeRateConnection = ConnectionType(ExchangeRate);

function exchangeRateWhere(filter: ExchangeRateFilter | null): FilterQuery<ExchangeRate> {
  const and: FilterQuery<ExchangeRate>[] = [];
  if (filter?.currencies) {
    if (filter.currencies.some((code) => !CURRENCY.test(code))) {
      throw badInput('currencies must be ISO 4217 codes in capitals, e.g. EUR', 'filter');
    }
    and.push({ currency: { $in: filter.currencies } });
  }
  if (filter?.validOnFrom) and.push({ validOn: { $gte: filter.validOnFrom } });
  if (filter?.validOnTo) and.push({ validOn: { $lte: filter.validOnTo } });
  return and.length > 0 ? { $and: and } : {};
}

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
