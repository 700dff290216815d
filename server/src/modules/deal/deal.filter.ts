import type { FilterQuery } from '@mikro-orm/core';
import { containsPattern, countryCodes, currencyCodes, filterText, validIds } from '../../shared/filters.js';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/messages/index.js';
import { Deal } from './deal.entity.js';
import type { DealFilter } from './deal.inputs.js';

/**
 * The MikroORM condition for a DealFilter, as one `$and` (so that callers can add their own
 * keys, e.g. the parent of a nested page, without overwriting a condition). A list given, even
 * empty, is a condition; malformed ids and codes match nothing (see shared/filters.ts).
 */
export function dealWhere(
  filter: DealFilter | null | undefined,
  language: Language = DEFAULT_LANGUAGE,
): FilterQuery<Deal> {
  if (!filter) return {};
  const and: FilterQuery<Deal>[] = [];
  const title = filterText(filter.titleContains, 'titleContains', language);
  if (title) and.push({ title: { $ilike: containsPattern(title) } });
  if (filter.pipelineIds) and.push({ pipeline: { $in: validIds(filter.pipelineIds) } });
  if (filter.stageIds) and.push({ stage: { $in: validIds(filter.stageIds) } });
  if (filter.categories) and.push({ stage: { category: { $in: filter.categories } } });
  if (filter.ownerIds) and.push({ owner: { $in: validIds(filter.ownerIds) } });
  if (filter.exporterIds) and.push({ exporter: { $in: validIds(filter.exporterIds) } });
  if (filter.buyerIds) and.push({ buyer: { $in: validIds(filter.buyerIds) } });
  if (filter.sourceMissionIds) and.push({ sourceMission: { $in: validIds(filter.sourceMissionIds) } });
  if (filter.destinationCountries) {
    and.push({ destinationCountry: { $in: countryCodes(filter.destinationCountries) } });
  }
  if (filter.sectorIds) and.push({ sector: { $in: validIds(filter.sectorIds) } });
  if (filter.currencies) and.push({ currency: { $in: currencyCodes(filter.currencies) } });
  if (filter.amountFrom != null) and.push({ amount: { $gte: filter.amountFrom } });
  if (filter.amountTo != null) and.push({ amount: { $lte: filter.amountTo } });
  if (filter.expectedCloseFrom) and.push({ expectedCloseOn: { $gte: filter.expectedCloseFrom } });
  if (filter.expectedCloseTo) and.push({ expectedCloseOn: { $lte: filter.expectedCloseTo } });
  if (filter.closedFrom) and.push({ closedOn: { $gte: filter.closedFrom } });
  if (filter.closedTo) and.push({ closedOn: { $lte: filter.closedTo } });
  return and.length > 0 ? { $and: and } : {};
}
