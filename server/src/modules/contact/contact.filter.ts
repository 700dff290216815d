import { type FilterQuery, raw } from '@mikro-orm/core';
import { containsPattern, escapeLike, filterText, validIds } from '../../shared/filters.js';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/messages/index.js';
import { normalizeName } from '../../shared/normalize.js';
import { searchFilterCondition } from '../search/search.terms.js';
import type { Contact } from './contact.entity.js';
import type { ContactFilter } from './contact.inputs.js';

/** The MikroORM condition for a ContactFilter (the agency filter is added by the scoped EntityManager). */
export function contactWhere(
  filter: ContactFilter | null | undefined,
  language: Language = DEFAULT_LANGUAGE,
): FilterQuery<Contact> {
  const where: FilterQuery<Contact> & Record<string | symbol, unknown> = {};
  if (!filter) return where;
  if (filter.companyIds?.length) where.company = { $in: validIds(filter.companyIds) };
  const needle = normalizeName(filterText(filter.nameContains, 'nameContains', language) ?? '');
  if (needle) where.normalizedName = { $like: containsPattern(needle) };
  const email = filterText(filter.email, 'email', language);
  if (email) where.email = { $ilike: escapeLike(email) };
  const search = searchFilterCondition(filter.search, language, true);
  if (search) where[raw(search.sql, search.params)] = [];
  return where;
}
