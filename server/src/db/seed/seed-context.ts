import type { EntityManager } from '@mikro-orm/postgresql';
import type { Agency } from '../../modules/agency/agency.entity.js';
import type { Company } from '../../modules/company/company.entity.js';
import type { Contact } from '../../modules/contact/contact.entity.js';
import type { Interaction } from '../../modules/interaction/interaction.entity.js';
import type { Mission } from '../../modules/mission/mission.entity.js';
import type { Pipeline } from '../../modules/pipeline/pipeline.entity.js';
import type { PipelineStage } from '../../modules/pipeline/pipeline-stage.entity.js';
import type { Sector } from '../../modules/sector/sector.entity.js';
import type { User } from '../../modules/user/user.entity.js';
import type { Locale } from '../../modules/user/user.enums.js';

export type AgencyKey = 'mosprom' | 'rec' | 'asmex';

/** One agency's seeded records, looked up by the names the seed modules use. */
export interface SeededAgency {
  key: AgencyKey;
  agency: Agency;
  admin: User;
  /** Who runs missions and owns deals: the account manager, or the admin when there is none. */
  manager: User;
  pipeline: Pipeline;
  /** By their English default names, e.g. `Meeting held`. */
  stages: Map<string, PipelineStage>;
  /** The agency's language: the seed writes its texts in it. */
  locale: Locale;
  sectors: Map<string, Sector>;
  companies: Map<string, Company>;
  contacts: Map<Company, Contact[]>;
  missions: Map<string, Mission>;
  /** B2B meetings by `exporter name|counterpart name`. */
  meetings: Map<string, Interaction>;
}

export interface SeedWorld {
  em: EntityManager;
  agencies: Map<AgencyKey, SeededAgency>;
}

/** The note on generated records, in the agency's language. */
export const ILLUSTRATION_NOTE: Readonly<Record<Locale, string>> = {
  en: 'Illustrative data generated for the demo (the public facts are in the missions’ descriptions).',
  fr: 'Donnée d’illustration générée pour la démonstration (les faits publics sont dans la description des missions).',
  ru: 'Иллюстративные данные, созданные для демонстрации (реальные факты — в описаниях миссий).',
};

function must<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo seed: unknown ${what} "${String(key)}"`);
  return value;
}

export const agencyOf = (world: SeedWorld, key: AgencyKey) => must(world.agencies, key, 'agency');
export const companyOf = (a: SeededAgency, name: string) => must(a.companies, name, `company of ${a.key}`);
export const stageOf = (a: SeededAgency, name: string) => must(a.stages, name, 'stage');
export const sectorOf = (a: SeededAgency, code: string) => must(a.sectors, code, 'sector');
export const missionOf = (a: SeededAgency, key: string) => must(a.missions, key, 'mission');
export const meetingOf = (a: SeededAgency, exporter: string, counterpart: string) =>
  must(a.meetings, meetingKey(exporter, counterpart), 'meeting');
export const meetingKey = (exporter: string, counterpart: string) => `${exporter}|${counterpart}`;

/** An instant from a local date and time: `at('2025-09-08', '09:30', '+01:00')`. */
export function at(date: string, time: string, utcOffset: string): Date {
  return new Date(`${date}T${time}:00${utcOffset}`);
}

export const MOROCCO = '+01:00';
export const MOSCOW = '+03:00';

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}
