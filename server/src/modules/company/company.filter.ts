import { type FilterQuery, raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { containsPattern, countryCodes, filterText, validIds } from '../../shared/filters.js';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/messages/index.js';
import { normalizeName } from '../../shared/normalize.js';
import { Deal } from '../deal/deal.entity.js';
import { searchFilterCondition } from '../search/search.terms.js';
import type { Company } from './company.entity.js';
import type { CompanyFilter } from './company.inputs.js';

/** The MikroORM condition for a CompanyFilter (the agency filter is added by the scoped EntityManager). */
export function companyWhere(
  em: EntityManager,
  filter: CompanyFilter | null | undefined,
  language: Language = DEFAULT_LANGUAGE,
): FilterQuery<Company> {
  const where: FilterQuery<Company> & Record<string | symbol, unknown> = {};
  if (!filter) return where;
  if (filter.kinds?.length) where.kind = { $in: filter.kinds };
  if (filter.countries?.length) where.country = { $in: countryCodes(filter.countries) };
  if (filter.sectorIds?.length) where.sectors = { $some: { id: { $in: validIds(filter.sectorIds) } } };
  if (filter.accountManagerIds?.length) where.accountManager = { $in: validIds(filter.accountManagerIds) };
  const needle = normalizeName(filterText(filter.nameContains, 'nameContains', language) ?? '');
  if (needle) where.normalizedName = { $like: containsPattern(needle) };
  const search = searchFilterCondition(filter.search, language, false);
  if (search) where[raw(search.sql, search.params)] = [];
  if (filter.hasDeals != null) {
    const deal = em.getMetadata().get(Deal);
    const column = (property: 'exporter' | 'buyer') => deal.properties[property].fieldNames[0];
    const exists = (alias: string) =>
      `exists (select 1 from "${deal.tableName}" as d where d."${column('exporter')}" = ${alias}."id" or d."${column('buyer')}" = ${alias}."id")`;
    where[raw((alias: string) => (filter.hasDeals ? exists(alias) : `not ${exists(alias)}`))] = [];
  }
  return where;
}
