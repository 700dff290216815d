import type { FilterQuery } from '@mikro-orm/core';
import { badInput } from '../../shared/connection.js';
import { isUuid } from '../../shared/ids.js';
import { Deal } from './deal.entity.js';
import type { DealFilter } from './deal.inputs.js';

function ids(values: string[], name: string): string[] {
  const wrong = values.find((value) => !isUuid(value));
  if (wrong !== undefined) throw badInput(`filter.${name}: "${wrong}" is not an id.`, 'filter');
  return values;
}

function codes(values: string[], pattern: RegExp, name: string, example: string): string[] {
  const wrong = values.find((value) => !pattern.test(value));
  if (wrong !== undefined) throw badInput(`filter.${name}: "${wrong}" is not a code such as ${example}.`, 'filter');
  return values;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&');
}

/**
 * The MikroORM condition for a DealFilter, as one `$and` (so that callers can add their own
 * keys, e.g. the parent of a nested page, without overwriting a condition). Bad ids and codes
 * are refused as BAD_USER_INPUT, never sent to the database.
 */
export function dealWhere(filter: DealFilter | null | undefined): FilterQuery<Deal> {
  if (!filter) return {};
  const and: FilterQuery<Deal>[] = [];
  const title = filter.titleContains?.trim();
  if (title) and.push({ title: { $ilike: `%${escapeLike(title)}%` } });
  if (filter.pipelineIds) and.push({ pipeline: { $in: ids(filter.pipelineIds, 'pipelineIds') } });
  if (filter.stageIds) and.push({ stage: { $in: ids(filter.stageIds, 'stageIds') } });
  if (filter.categories) and.push({ stage: { category: { $in: filter.categories } } });
  if (filter.ownerIds) and.push({ owner: { $in: ids(filter.ownerIds, 'ownerIds') } });
  if (filter.exporterIds) and.push({ exporter: { $in: ids(filter.exporterIds, 'exporterIds') } });
  if (filter.buyerIds) and.push({ buyer: { $in: ids(filter.buyerIds, 'buyerIds') } });
  if (filter.sourceMissionIds) {
    and.push({ sourceMission: { $in: ids(filter.sourceMissionIds, 'sourceMissionIds') } });
  }
  if (filter.destinationCountries) {
    and.push({
      destinationCountry: { $in: codes(filter.destinationCountries, /^[A-Z]{2}$/, 'destinationCountries', 'MA') },
    });
  }
  if (filter.sectorIds) and.push({ sector: { $in: ids(filter.sectorIds, 'sectorIds') } });
  if (filter.currencies) {
    and.push({ currency: { $in: codes(filter.currencies, /^[A-Z]{3}$/, 'currencies', 'EUR') } });
  }
  if (filter.amountFrom != null) and.push({ amount: { $gte: filter.amountFrom } });
  if (filter.amountTo != null) and.push({ amount: { $lte: filter.amountTo } });
  if (filter.expectedCloseFrom) and.push({ expectedCloseOn: { $gte: filter.expectedCloseFrom } });
  if (filter.expectedCloseTo) and.push({ expectedCloseOn: { $lte: filter.expectedCloseTo } });
  if (filter.closedFrom) and.push({ closedOn: { $gte: filter.closedFrom } });
  if (filter.closedTo) and.push({ closedOn: { $lte: filter.closedTo } });
  return and.length > 0 ? { $and: and } : {};
}
