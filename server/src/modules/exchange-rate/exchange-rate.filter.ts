import type { FilterQuery } from '@mikro-orm/core';
import { currencyCodes } from '../../shared/filters.js';
import type { ExchangeRate } from './exchange-rate.entity.js';
import type { ExchangeRateFilter } from './exchange-rate.inputs.js';

/** The MikroORM condition for an ExchangeRateFilter: "eur" finds EUR, a malformed code nothing. */
export function exchangeRateWhere(filter: ExchangeRateFilter | null | undefined): FilterQuery<ExchangeRate> {
  const and: FilterQuery<ExchangeRate>[] = [];
  if (filter?.currencies) and.push({ currency: { $in: currencyCodes(filter.currencies) } });
  if (filter?.validOnFrom) and.push({ validOn: { $gte: filter.validOnFrom } });
  if (filter?.validOnTo) and.push({ validOn: { $lte: filter.validOnTo } });
  return and.length > 0 ? { $and: and } : {};
}
