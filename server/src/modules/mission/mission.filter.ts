import type { FilterQuery } from '@mikro-orm/core';
import { anyOf, conditions, containsPattern, countryCodes, filterText, idList } from '../../shared/filters.js';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/messages/index.js';
import { normalizeName } from '../../shared/normalize.js';
import type { Mission } from './mission.entity.js';
import type { ParticipantStatus } from './mission.enums.js';
import type { MissionFilter, MissionParticipantFilter } from './mission.inputs.js';

/** The MikroORM condition for a MissionFilter (agency scoping comes from the EntityManager). */
export function missionWhere(
  filter: MissionFilter | null | undefined,
  language: Language = DEFAULT_LANGUAGE,
): FilterQuery<Mission> {
  if (!filter) return {};
  const and = conditions({
    status: anyOf(filter.statuses),
    kind: anyOf(filter.kinds),
    hostCountry: filter.hostCountries?.length ? { $in: countryCodes(filter.hostCountries) } : undefined,
    organizer: idList(filter.organizerIds),
  });
  if (filter.startsFrom) and.push({ startsOn: { $gte: filter.startsFrom } });
  if (filter.startsTo) and.push({ startsOn: { $lte: filter.startsTo } });
  const name = normalizeName(filterText(filter.nameContains, 'nameContains', language) ?? '');
  if (name) and.push({ normalizedName: { $like: containsPattern(name) } });
  return (and.length > 0 ? { $and: and } : {}) as FilterQuery<Mission>;
}

/** The MikroORM condition for a MissionParticipantFilter on MissionParticipant (the mission is the caller's). */
export function participantWhere(filter: MissionParticipantFilter | null | undefined): {
  status?: { $in: ParticipantStatus[] };
} {
  const status = anyOf(filter?.statuses);
  return status ? { status } : {};
}
