import { CompanyKind } from '../../modules/company/company.enums.js';
import { Interaction } from '../../modules/interaction/interaction.entity.js';
import { InteractionKind, MeetingStatus, Outcome } from '../../modules/interaction/interaction.enums.js';
import { normalizeName } from '../../shared/normalize.js';
import {
  type AgencyKey,
  addMinutes,
  agencyOf,
  at,
  companyOf,
  MOROCCO,
  meetingKey,
  missionOf,
  type SeedWorld,
} from './seed-context.js';

const { POSITIVE, NEUTRAL, NEGATIVE } = Outcome;
type Result = Outcome | 'NO_SHOW';

/** [counterpart, result, note when the article reports the meeting] */
type Planned = [string, Result, string?];

interface MeetingPlan {
  agency: AgencyKey;
  mission: string;
  days: string[];
  exporters: { name: string; pitch: string; meetings: Planned[] }[];
}

/** Local start times of the B2B slots; 45-minute meetings. */
const SLOTS = ['09:30', '10:30', '11:30', '14:30', '15:30'];
const DURATION_MINUTES = 45;
const PRESS = ' (fait rapporté par la presse)';

const PLANS: MeetingPlan[] = [
  {
    agency: 'mosprom',
    mission: 'mosprom-casablanca-2025',
    days: ['2025-09-08', '2025-09-09', '2025-09-10'],
    exporters: [
      {
        name: 'Nex-T LLC',
        pitch: 'Écrans interactifs NexTouch',
        meetings: [
          ['Anfa Tech Distribution', POSITIVE],
          ['Atlas Smart Solutions', NEUTRAL],
          ['Médi-Équip Maroc', POSITIVE],
          [
            "Chambre de commerce et d'industrie du Maroc",
            POSITIVE,
            `Rencontre avec la Chambre de commerce et d'industrie du Maroc${PRESS}.`,
          ],
          [
            "Université de médecine d'Afrique francophone",
            POSITIVE,
            `L'université a inscrit Nex-T sur sa liste de fournisseurs potentiels pour son nouveau bâtiment${PRESS}.`,
          ],
        ],
      },
      {
        name: 'Intermobility.EVa',
        pitch: 'Bornes de recharge pour véhicules électriques',
        meetings: [
          [
            'Fédération africaine des entreprises numériques',
            POSITIVE,
            `Présentation des bornes Intermobility.EVa ; la fédération s'est montrée intéressée${PRESS}.`,
          ],
          ['Green Mobility Maroc', POSITIVE],
          ['Sahara Énergie Services', NEUTRAL],
        ],
      },
      {
        // "More than 10 targeted meetings with distributors and retail chains."
        name: 'Fish World',
        pitch: 'Caviar et conserves de poisson',
        meetings: [
          ['Océan Gourmet Distribution', POSITIVE],
          ['Casa Frais Import', POSITIVE],
          ['Supermarchés Anoual', POSITIVE],
          ['Délices du Nord Distribution', POSITIVE],
          ['Maghreb Premium Foods', NEUTRAL],
          ['Hyper Medina Market', POSITIVE],
          ['Rabat Fine Foods Import', POSITIVE],
          ['Souss Agro Trading', NEGATIVE],
          ['Marché Atlantique', NEUTRAL],
          ['Fès Épicerie Fine', NEUTRAL],
          ['Primeurs & Saveurs', POSITIVE],
          ['Épiceries Al Wafa', 'NO_SHOW'],
        ],
      },
      {
        name: 'Medsistemy-M',
        pitch: 'Équipements de diagnostic médical',
        meetings: [
          ['Médi-Équip Maroc', POSITIVE],
          ['Clinique Équipements Services', NEUTRAL],
        ],
      },
      {
        name: 'FarmaLine Moscou',
        pitch: 'Médicaments génériques',
        meetings: [
          ['PharmaDis Maroc', POSITIVE],
          ['Atlas Santé Distribution', NEUTRAL],
        ],
      },
      {
        name: 'Prototip 3D',
        pitch: 'Imprimantes 3D industrielles',
        meetings: [
          ['Proto3D Maroc', POSITIVE],
          ['Atlas Smart Solutions', NEGATIVE],
        ],
      },
    ],
  },
  {
    agency: 'mosprom',
    mission: 'mosprom-maroc-2023',
    days: ['2023-02-01', '2023-02-02'],
    exporters: [
      {
        name: 'ЛазерМарк',
        pitch: 'Marqueurs laser',
        meetings: [
          ['Maroc Signalétique et Marquage', POSITIVE],
          ['Atlas Industrie Équipements', NEUTRAL],
        ],
      },
      {
        name: 'Гравировальные системы',
        pitch: 'Graveurs laser',
        meetings: [['Maroc Signalétique et Marquage', NEUTRAL]],
      },
      {
        name: 'Volumetrix 3D',
        pitch: 'Imprimantes 3D grand format',
        meetings: [
          ['Proto3D Maroc', POSITIVE],
          [
            'Plasturgie du Souss',
            NEUTRAL,
            `Demande notée en matières plastiques et matières premières polymères${PRESS}.`,
          ],
        ],
      },
      {
        name: 'Аддитивные технологии Москвы',
        pitch: 'Imprimantes 3D métal',
        meetings: [['Atlas Industrie Équipements', POSITIVE]],
      },
      {
        name: 'Perimetr Security Systems',
        pitch: 'Portiques et détecteurs de sécurité',
        meetings: [['Sécurité Plus Maroc', POSITIVE]],
      },
      {
        name: 'ТрансБезопасность',
        pitch: "Systèmes d'inspection des véhicules",
        meetings: [
          ['Tanger Logistique Portuaire Services', POSITIVE],
          ['Sécurité Plus Maroc', NEUTRAL],
        ],
      },
      {
        name: 'Skanservis Tech',
        pitch: 'Scanners de bagages',
        meetings: [['Tanger Logistique Portuaire Services', NEGATIVE]],
      },
    ],
  },
  {
    agency: 'rec',
    mission: 'rec-rabat-2018',
    days: ['2018-10-10', '2018-10-11'],
    exporters: [
      {
        name: 'SolarGrid Rus',
        pitch: 'Centrales solaires clés en main',
        meetings: [
          [
            'Confédération générale des entreprises du Maroc (CGEM)',
            POSITIVE,
            `La CGEM a suggéré des investissements russes dans les industries mondiales du Maroc et les énergies renouvelables${PRESS}.`,
          ],
        ],
      },
      {
        name: 'ВетроСила',
        pitch: 'Éoliennes de moyenne puissance',
        meetings: [['Confédération générale des entreprises du Maroc (CGEM)', NEUTRAL]],
      },
      { name: 'Polimer Eksport', pitch: 'Granulés de polymères', meetings: [['Maroc Export', NEUTRAL]] },
    ],
  },
];

function noteFor(pitch: string, result: Result): string {
  switch (result) {
    case POSITIVE:
      return `${pitch} présentés ; intérêt confirmé, demande d'offre de prix et d'échantillons.`;
    case NEUTRAL:
      return `${pitch} présentés ; intérêt à confirmer après étude du catalogue.`;
    case NEGATIVE:
      return `${pitch} présentés ; pas de besoin à court terme.`;
    default:
      return "L'interlocuteur ne s'est pas présenté au rendez-vous.";
  }
}

/**
 * The B2B meetings of the missions: one table per exporter, each meeting in the exporter's next
 * slot where the counterpart is free too (the agenda rule the API enforces: nobody is booked
 * twice at once).
 */
export function seedMeetings(world: SeedWorld): void {
  const { em } = world;
  for (const plan of PLANS) {
    const seeded = agencyOf(world, plan.agency);
    const mission = missionOf(seeded, plan.mission);
    const busy = new Set<string>();
    const slotCount = plan.days.length * SLOTS.length;
    plan.exporters.forEach((planned, table) => {
      const exporter = companyOf(seeded, planned.name);
      let next = 0;
      planned.meetings.forEach(([counterpartName, result, fact]) => {
        const counterpart = companyOf(seeded, counterpartName);
        while (next < slotCount && (busy.has(`${next}|${exporter.id}`) || busy.has(`${next}|${counterpart.id}`)))
          next++;
        if (next >= slotCount) throw new Error(`No free slot left for ${exporter.name} in ${plan.mission}`);
        busy.add(`${next}|${exporter.id}`);
        busy.add(`${next}|${counterpart.id}`);
        const slot = next++;
        const day = plan.days[Math.floor(slot / SLOTS.length)];
        const startsAt = at(day, SLOTS[slot % SLOTS.length], MOROCCO);
        const endsAt = addMinutes(startsAt, DURATION_MINUTES);
        const atPremises = counterpart.kind === CompanyKind.INSTITUTION;
        const place = atPremises
          ? `${counterpart.name}, ${counterpart.city ?? mission.city ?? 'Maroc'}`
          : `${mission.city ? `${mission.city} — ` : ''}espace B2B, table ${table + 1}`;
        const subject = `Rendez-vous B2B : ${exporter.name} – ${counterpart.name}`;
        const held = result !== 'NO_SHOW';
        const meeting = em.create(Interaction, {
          agency: seeded.agency,
          kind: InteractionKind.MEETING,
          occurredAt: startsAt,
          subject,
          normalizedSubject: normalizeName(subject),
          notes: fact ?? noteFor(planned.pitch, result),
          outcome: held ? result : null,
          mission,
          exporter,
          counterpart,
          contacts: [...(seeded.contacts.get(counterpart) ?? []), ...(seeded.contacts.get(exporter) ?? []).slice(0, 1)],
          author: seeded.manager,
          startsAt,
          endsAt,
          place,
          status: held ? MeetingStatus.HELD : MeetingStatus.NO_SHOW,
          createdAt: endsAt,
          updatedAt: endsAt,
        });
        seeded.meetings.set(meetingKey(exporter.name, counterpart.name), meeting);
      });
    });
  }
}
