import type { FilterQuery } from '@mikro-orm/core';
import { anyOf, conditions, containsPattern, filterText, idList } from '../../shared/filters.js';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/messages/index.js';
import { normalizeName } from '../../shared/normalize.js';
import type { Interaction } from './interaction.entity.js';
import type { InteractionFilter } from './interaction.inputs.js';

/** Case-insensitive "contains" on a text column, and accent-insensitive on its normalised twin. */
function containsText(column: string, normalizedColumn: string, query: string): object {
  const literal = { [column]: { $ilike: containsPattern(query) } };
  // Words only (no punctuation the normalisation would drop): also compare without accents, and
  // case-fold in JS, since ILIKE folds only ASCII in a "C" collation (Cyrillic, accented letters).
  if (!/^[\p{L}\p{M}\p{N}\s]+$/u.test(query)) return literal;
  return { $or: [literal, { [normalizedColumn]: { $like: containsPattern(normalizeName(query)) } }] };
}

export function interactionWhere(
  filter: InteractionFilter | null | undefined,
  language: Language = DEFAULT_LANGUAGE,
): FilterQuery<Interaction> {
  if (!filter) return {};
  const and = conditions({
    kind: anyOf(filter.kinds),
    mission: idList(filter.missionIds),
    exporter: idList(filter.exporterIds),
    counterpart: idList(filter.counterpartIds),
    deal: idList(filter.dealIds),
    author: idList(filter.authorIds),
    outcome: anyOf(filter.outcomes),
    status: anyOf(filter.statuses),
  });
  if (filter.occurredFrom) and.push({ occurredAt: { $gte: filter.occurredFrom } });
  if (filter.occurredTo) and.push({ occurredAt: { $lt: filter.occurredTo } });
  const subject = filterText(filter.subjectContains, 'subjectContains', language);
  if (subject) and.push(containsText('subject', 'normalizedSubject', subject));
  return (and.length > 0 ? { $and: and } : {}) as FilterQuery<Interaction>;
}
