import { Mission } from '../../modules/mission/mission.entity.js';
import { MissionKind, MissionStatus, ParticipantStatus } from '../../modules/mission/mission.enums.js';
import { MissionParticipant } from '../../modules/mission/mission-participant.entity.js';
import { normalizeName } from '../../shared/normalize.js';
import { describeMission } from './mission-descriptions.js';
import { scenario } from './scenario.js';
import { type AgencyKey, agencyOf, companyOf, type SeedWorld, sectorOf } from './seed-context.js';

/** What the articles imply but do not list, per mission: delegation, sectors, partners, budget. */
interface MissionExtras {
  delegation: string[];
  withdrew?: string[];
  targetSectors: string[];
  /** Partners beyond the scenario's list (e.g. the host). */
  hosts?: string[];
  /** Illustrative budget, in the organiser's base currency. */
  budget?: string;
}

const EXTRAS: Record<string, MissionExtras> = {
  'mosprom-casablanca-2025': {
    delegation: ['Nex-T LLC', 'Intermobility.EVa', 'Fish World', 'Medsistemy-M', 'FarmaLine Moscou', 'Prototip 3D'],
    targetSectors: [
      'MEDICAL_EQUIPMENT',
      'PHARMACEUTICALS',
      'DISPLAYS_INTERACTIVE_EQUIPMENT',
      '3D_PRINTING',
      'EV_CHARGING',
      'FOOD_FISH_CONSERVES',
    ],
    budget: '12500000.00',
  },
  'mosprom-maroc-2023': {
    delegation: [
      'ЛазерМарк',
      'Гравировальные системы',
      'Volumetrix 3D',
      'Аддитивные технологии Москвы',
      'Perimetr Security Systems',
      'ТрансБезопасность',
      'Skanservis Tech',
    ],
    targetSectors: ['LASER_EQUIPMENT', '3D_PRINTING', 'SECURITY_EQUIPMENT'],
    budget: '9800000.00',
  },
  'rec-rabat-2018': {
    delegation: ['SolarGrid Rus', 'ВетроСила', 'Polimer Eksport'],
    targetSectors: ['RENEWABLE_ENERGY', 'PLASTICS_POLYMERS'],
    hosts: ['Confédération générale des entreprises du Maroc (CGEM)'],
  },
  'council-moscow-forum': {
    delegation: [
      'Conserveries Atlantique Sud',
      'Polymères du Maroc Industrie',
      'Soleil Atlas Énergie',
      'Pharma Atlas Export',
    ],
    targetSectors: ['FOOD_FISH_CONSERVES', 'PLASTICS_POLYMERS', 'RENEWABLE_ENERGY', 'PHARMACEUTICALS'],
    budget: '1500000.00',
  },
  'council-casablanca-forum': {
    delegation: [
      'Conserveries Atlantique Sud',
      'Polymères du Maroc Industrie',
      'Soleil Atlas Énergie',
      'Pharma Atlas Export',
    ],
    withdrew: ['Pharma Atlas Export'],
    targetSectors: ['FOOD_FISH_CONSERVES', 'PLASTICS_POLYMERS', 'RENEWABLE_ENERGY'],
  },
};

/** The scenario's missions, with their delegations, partners and target sectors. */
export function seedMissions(world: SeedWorld): void {
  const { em } = world;
  for (const spec of scenario.missions) {
    const seeded = agencyOf(world, spec.organizer as AgencyKey);
    const extras = EXTRAS[spec.key] ?? { delegation: [], targetSectors: [] };
    const mission = em.create(Mission, {
      agency: seeded.agency,
      name: spec.name,
      normalizedName: normalizeName(spec.name),
      kind: spec.kind as MissionKind,
      status: MissionStatus.COMPLETED,
      hostCountry: spec.hostCountry,
      city: spec.city ?? null,
      startsOn: spec.startsOn ?? null,
      endsOn: spec.endsOn ?? null,
      datesApproximate: Boolean(spec.startsOnIsApproximate),
      description: describeMission(spec, seeded.locale),
      organizer: seeded.agency,
      partners: [...(spec.partners ?? []), ...(extras.hosts ?? [])].map((name) => companyOf(seeded, name)),
      targetSectors: extras.targetSectors.map((code) => sectorOf(seeded, code)),
      lead: seeded.manager,
      budgetAmount: extras.budget ?? null,
      budgetCurrency: extras.budget ? seeded.agency.baseCurrency : null,
    });
    seeded.missions.set(spec.key, mission);
    for (const name of extras.delegation) {
      em.create(MissionParticipant, {
        agency: seeded.agency,
        mission,
        company: companyOf(seeded, name),
        status: extras.withdrew?.includes(name) ? ParticipantStatus.WITHDREW : ParticipantStatus.ATTENDED,
      });
    }
  }
}
