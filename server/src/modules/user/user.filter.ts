import type { FilterQuery } from '@mikro-orm/core';
import { containsPattern, filterText } from '../../shared/filters.js';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/messages/index.js';
import type { User } from './user.entity.js';
import { Role } from './user.enums.js';
import type { UserFilter } from './user.inputs.js';

/**
 * Every role lists its agency's users (assignee pickers need them); only ADMIN sees the
 * inactive ones (invited, deactivated): for the other roles `active` is forced to true.
 */
export function userWhere(
  filter: UserFilter | null | undefined,
  viewerRole: Role,
  language: Language = DEFAULT_LANGUAGE,
): FilterQuery<User> {
  const and: FilterQuery<User>[] = [];
  if (viewerRole !== Role.ADMIN) and.push({ active: true });
  else if (filter?.active != null) and.push({ active: filter.active });
  if (filter?.roles?.length) and.push({ role: { $in: filter.roles } });
  const text = filterText(filter?.nameOrEmailContains, 'nameOrEmailContains', language);
  if (text) {
    const pattern = containsPattern(text);
    and.push({ $or: [{ fullName: { $ilike: pattern } }, { email: { $ilike: pattern } }] });
  }
  return and.length > 0 ? { $and: and } : {};
}
