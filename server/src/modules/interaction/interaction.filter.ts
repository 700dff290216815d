import type { FilterQuery } from '@mikro-orm/core';
import { isUuid } from '../../shared/ids.js';
import { normalizeName } from '../../shared/normalize.js';
import type { Interaction } from './interaction.entity.js';
import type { InteractionFilter } from './interaction.inputs.js';

/** `%`, `_` and `\` match themselves in a LIKE pattern. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&');
}

/**
 * Ids of a filter list: an id that is not a UUID matches nothing (as an unknown id does), and
 * an empty list means "no condition". Returns undefined when there is no condition.
 */
export function idList(ids: readonly string[] | null | undefined): { $in: string[] } | undefined {
  if (!ids || ids.length === 0) return undefined;
  return { $in: [...new Set(ids.filter(isUuid))] };
}

/** Case-insensitive "contains" on a text column, and accent-insensitive on its normalised twin. */
export function containsText(column: string, normalizedColumn: string, text: string): object | undefined {
  const query = text.trim();
  if (!query) return undefined;
  const literal = { [column]: { $ilike: `%${escapeLike(query)}%` } };
  // Words only (no punctuation the normalisation would drop): also compare without accents, and
  // case-fold in JS, since ILIKE folds only ASCII in a "C" collation (Cyrillic, accented letters).
  if (!/^[\p{L}\p{M}\p{N}\s]+$/u.test(query)) return literal;
  return { $or: [literal, { [normalizedColumn]: { $like: `%${escapeLike(normalizeName(query))}%` } }] };
}

export function interactionWhere(filter: InteractionFilter | null | undefined): FilterQuery<Interaction> {
  if (!filter) return {};
  const and: object[] = [];
  const add = (condition: object | undefined) => {
    if (condition) and.push(condition);
  };
  if (filter.kinds?.length) add({ kind: { $in: filter.kinds } });
  if (filter.occurredFrom) add({ occurredAt: { $gte: filter.occurredFrom } });
  if (filter.occurredTo) add({ occurredAt: { $lt: filter.occurredTo } });
  const missions = idList(filter.missionIds);
  if (missions) add({ mission: missions });
  const exporters = idList(filter.exporterIds);
  if (exporters) add({ exporter: exporters });
  const counterparts = idList(filter.counterpartIds);
  if (counterparts) add({ counterpart: counterparts });
  const deals = idList(filter.dealIds);
  if (deals) add({ deal: deals });
  const authors = idList(filter.authorIds);
  if (authors) add({ author: authors });
  if (filter.outcomes?.length) add({ outcome: { $in: filter.outcomes } });
  if (filter.statuses?.length) add({ status: { $in: filter.statuses } });
  if (filter.subjectContains) add(containsText('subject', 'normalizedSubject', filter.subjectContains));
  return (and.length > 0 ? { $and: and } : {}) as FilterQuery<Interaction>;
}
