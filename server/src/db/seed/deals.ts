import { Deal } from '../../modules/deal/deal.entity.js';
import { DealStageChange } from '../../modules/deal/deal-stage-change.entity.js';
import { StageCategory } from '../../modules/pipeline/pipeline.enums.js';
import {
  type AgencyKey,
  addMinutes,
  agencyOf,
  at,
  companyOf,
  MOSCOW,
  meetingOf,
  missionOf,
  type SeedWorld,
  stageOf,
} from './seed-context.js';

/**
 * Leads born in B2B meetings and where they went. Every deal starts as a Lead right after its
 * meeting; `moves` are the later stage changes, [stage, date]; the last one is the current
 * stage, and a WON or LOST stage closes the deal on that date. Amounts are illustration.
 */
interface DealPlan {
  agency: AgencyKey;
  mission: string;
  exporter: string;
  buyer: string;
  title: string;
  products: string;
  amount: string | null;
  currency: string;
  moves: [string, string][];
  expectedCloseOn?: string;
  lostReason?: string;
}

const mosprom2025 = (plan: Omit<DealPlan, 'agency' | 'mission'>): DealPlan => ({
  agency: 'mosprom',
  mission: 'mosprom-casablanca-2025',
  ...plan,
});
const mosprom2023 = (plan: Omit<DealPlan, 'agency' | 'mission'>): DealPlan => ({
  agency: 'mosprom',
  mission: 'mosprom-maroc-2023',
  ...plan,
});

export const DEAL_PLANS: DealPlan[] = [
  mosprom2025({
    exporter: 'Nex-T LLC',
    buyer: "Université de médecine d'Afrique francophone",
    title: "Écrans interactifs NexTouch pour le nouveau bâtiment de l'université",
    products: 'Écrans interactifs NexTouch 86" et 65", installation et formation',
    amount: '420000.00',
    currency: 'EUR',
    moves: [
      ['Qualified', '2025-10-01'],
      ['Meeting held', '2025-11-12'],
      ['Negotiation', '2026-02-05'],
      ['Shortlisted as supplier', '2026-04-22'],
    ],
    expectedCloseOn: '2027-03-31',
  }),
  mosprom2025({
    exporter: 'Nex-T LLC',
    buyer: 'Anfa Tech Distribution',
    title: 'Distribution des écrans NexTouch au Maroc',
    products: 'Écrans interactifs NexTouch, contrat de distribution de deux ans',
    amount: '18500000.00',
    currency: 'RUB',
    moves: [
      ['Qualified', '2025-09-25'],
      ['Meeting held', '2025-10-20'],
      ['Negotiation', '2025-12-03'],
      ['Contract signed', '2026-02-17'],
    ],
  }),
  mosprom2025({
    exporter: 'Nex-T LLC',
    buyer: 'Médi-Équip Maroc',
    title: 'Écrans interactifs pour salles de consultation',
    products: 'Écrans tactiles NexTouch 55" pour cliniques privées',
    amount: '1250000.00',
    currency: 'MAD',
    moves: [
      ['Qualified', '2025-10-14'],
      ['Negotiation', '2026-06-30'],
    ],
    expectedCloseOn: '2026-12-31',
  }),
  mosprom2025({
    exporter: 'Intermobility.EVa',
    buyer: 'Green Mobility Maroc',
    title: 'Bornes de recharge rapide : réseau pilote à Casablanca',
    products: 'Bornes de recharge rapide 60 kW et supervision',
    amount: '180000.00',
    currency: 'EUR',
    moves: [['Qualified', '2025-11-04']],
    expectedCloseOn: '2027-06-30',
  }),
  mosprom2025({
    exporter: 'Fish World',
    buyer: 'Océan Gourmet Distribution',
    title: 'Conserves de poisson : premier conteneur',
    products: 'Conserves de poisson (sprats, saumon, foie de morue)',
    amount: '960000.00',
    currency: 'MAD',
    moves: [
      ['Qualified', '2025-09-22'],
      ['Negotiation', '2025-10-27'],
      ['Contract signed', '2025-12-04'],
    ],
  }),
  mosprom2025({
    exporter: 'Fish World',
    buyer: 'Supermarchés Anoual',
    title: 'Caviar et conserves au rayon épicerie fine',
    products: 'Caviar rouge, conserves de poisson premium',
    amount: '7400000.00',
    currency: 'RUB',
    moves: [
      ['Qualified', '2025-10-06'],
      ['Meeting held', '2025-11-05'],
      ['Negotiation', '2026-01-19'],
      ['Shortlisted as supplier', '2026-02-24'],
      ['Contract signed', '2026-03-20'],
    ],
  }),
  mosprom2025({
    exporter: 'Fish World',
    buyer: 'Casa Frais Import',
    title: 'Conserves de poisson : distribution Casablanca-Rabat',
    products: 'Conserves de poisson, gamme standard',
    amount: '95000.00',
    currency: 'EUR',
    moves: [
      ['Qualified', '2025-09-24'],
      ['Meeting held', '2025-10-15'],
      ['Negotiation', '2026-09-14'],
    ],
    expectedCloseOn: '2027-01-31',
  }),
  mosprom2025({
    exporter: 'Fish World',
    buyer: 'Hyper Medina Market',
    title: 'Caviar pour les fêtes de fin d’année',
    products: 'Caviar rouge en coffrets',
    amount: '350000.00',
    currency: 'MAD',
    moves: [
      ['Qualified', '2025-10-21'],
      ['Meeting held', '2026-10-08'],
    ],
    expectedCloseOn: '2026-12-15',
  }),
  mosprom2025({
    exporter: 'Fish World',
    buyer: 'Rabat Fine Foods Import',
    title: 'Conserves de poisson premium pour Rabat',
    products: 'Conserves de poisson premium',
    amount: '60000.00',
    currency: 'EUR',
    moves: [
      ['Qualified', '2025-10-02'],
      ['Negotiation', '2025-11-18'],
      ['Lost', '2026-01-15'],
    ],
    lostReason:
      'Prix rendu Rabat au-dessus des offres concurrentes ; délais d’enregistrement sanitaire jugés trop longs.',
  }),
  mosprom2025({
    exporter: 'Fish World',
    buyer: 'Délices du Nord Distribution',
    title: 'Conserves de poisson pour le nord du Maroc',
    products: 'Conserves de poisson',
    amount: '240000.00',
    currency: 'MAD',
    moves: [],
    expectedCloseOn: '2027-02-28',
  }),
  mosprom2025({
    exporter: 'Fish World',
    buyer: 'Primeurs & Saveurs',
    title: 'Caviar en magasins de Marrakech',
    products: 'Caviar rouge',
    amount: null,
    currency: 'MAD',
    moves: [],
  }),
  mosprom2025({
    exporter: 'Medsistemy-M',
    buyer: 'Médi-Équip Maroc',
    title: 'Équipements de diagnostic pour cliniques privées',
    products: 'Analyseurs de biochimie et consommables',
    amount: '12000000.00',
    currency: 'RUB',
    moves: [['Qualified', '2025-10-30']],
    expectedCloseOn: '2027-04-30',
  }),
  mosprom2025({
    exporter: 'FarmaLine Moscou',
    buyer: 'PharmaDis Maroc',
    title: 'Enregistrement et distribution de génériques',
    products: 'Génériques (enregistrement au Maroc à prévoir)',
    amount: null,
    currency: 'MAD',
    moves: [],
  }),
  mosprom2025({
    exporter: 'Prototip 3D',
    buyer: 'Proto3D Maroc',
    title: 'Imprimantes 3D industrielles : distribution exclusive',
    products: 'Imprimantes 3D FDM industrielles',
    amount: '75000.00',
    currency: 'EUR',
    moves: [
      ['Qualified', '2025-10-09'],
      ['Meeting held', '2026-03-03'],
    ],
    expectedCloseOn: '2026-12-31',
  }),
  mosprom2023({
    exporter: 'ЛазерМарк',
    buyer: 'Maroc Signalétique et Marquage',
    title: 'Marqueurs laser pour lignes de production',
    products: 'Marqueurs laser à fibre 30 W',
    amount: '9600000.00',
    currency: 'RUB',
    moves: [
      ['Qualified', '2023-02-20'],
      ['Negotiation', '2023-04-11'],
      ['Contract signed', '2023-06-20'],
    ],
  }),
  mosprom2023({
    exporter: 'Perimetr Security Systems',
    buyer: 'Sécurité Plus Maroc',
    title: 'Portiques de sécurité pour sites industriels',
    products: 'Portiques de détection et contrôle d’accès',
    amount: '210000.00',
    currency: 'EUR',
    moves: [
      ['Qualified', '2023-03-15'],
      ['Meeting held', '2023-06-07'],
      ['Negotiation', '2023-10-02'],
      ['Contract signed', '2024-03-12'],
    ],
  }),
  mosprom2023({
    exporter: 'ТрансБезопасность',
    buyer: 'Tanger Logistique Portuaire Services',
    title: 'Inspection des véhicules au port',
    products: "Systèmes d'inspection sous caisse des véhicules",
    amount: '540000.00',
    currency: 'EUR',
    moves: [
      ['Qualified', '2023-03-28'],
      ['Meeting held', '2023-09-19'],
      ['Negotiation', '2024-05-06'],
    ],
    expectedCloseOn: '2027-06-30',
  }),
];

/** The deals of the plans above, by `exporter|buyer`. */
export type SeededDeals = Map<string, Deal>;

export function seedDeals(world: SeedWorld): SeededDeals {
  const { em } = world;
  const deals: SeededDeals = new Map();
  for (const plan of DEAL_PLANS) {
    const seeded = agencyOf(world, plan.agency);
    const meeting = meetingOf(seeded, plan.exporter, plan.buyer);
    const exporter = companyOf(seeded, plan.exporter);
    const history: [string, Date][] = [
      ['Lead', addMinutes(meeting.endsAt!, 30)],
      ...plan.moves.map(([stage, day]): [string, Date] => [stage, at(day, '17:00', MOSCOW)]),
    ];
    const [lastStageName, lastAt] = history[history.length - 1];
    const stage = stageOf(seeded, lastStageName);
    const closed = stage.category !== StageCategory.OPEN;
    const deal = em.create(Deal, {
      agency: seeded.agency,
      title: plan.title,
      pipeline: seeded.pipeline,
      stage,
      exporter,
      buyer: companyOf(seeded, plan.buyer),
      sourceMission: missionOf(seeded, plan.mission),
      sourceInteraction: meeting,
      owner: seeded.manager,
      amount: plan.amount,
      currency: plan.currency,
      expectedCloseOn: closed ? null : (plan.expectedCloseOn ?? null),
      closedOn: closed ? plan.moves[plan.moves.length - 1][1] : null,
      lostReason: stage.category === StageCategory.LOST ? (plan.lostReason ?? null) : null,
      destinationCountry: 'MA',
      sector: exporter.sectors.getItems()[0] ?? null,
      products: plan.products,
      createdAt: history[0][1],
      updatedAt: lastAt,
    });
    history.forEach(([stageName, changedAt], index) => {
      em.create(DealStageChange, {
        agency: seeded.agency,
        deal,
        fromStage: index === 0 ? null : stageOf(seeded, history[index - 1][0]),
        toStage: stageOf(seeded, stageName),
        changedAt,
        changedBy: seeded.manager,
        createdAt: changedAt,
        updatedAt: changedAt,
      });
    });
    deals.set(`${plan.exporter}|${plan.buyer}`, deal);
  }
  return deals;
}
