import { Interaction } from '../../modules/interaction/interaction.entity.js';
import { InteractionKind, Outcome } from '../../modules/interaction/interaction.enums.js';
import { Task } from '../../modules/task/task.entity.js';
import { normalizeName } from '../../shared/normalize.js';
import type { SeededDeals } from './deals.js';
import { type AgencyKey, agencyOf, at, companyOf, MOROCCO, MOSCOW, missionOf, type SeedWorld } from './seed-context.js';

/** Calls, e-mails, visits and notes after the missions (illustration). */
interface FollowUpPlan {
  kind: InteractionKind;
  on: string;
  time: string;
  exporter: string;
  counterpart: string;
  subject: string;
  notes: string;
  outcome?: Outcome;
  /** Attach to the deal of this exporter and counterpart. */
  deal?: boolean;
  mission?: string;
}

const FOLLOW_UPS: FollowUpPlan[] = [
  {
    kind: InteractionKind.NOTE,
    on: '2025-09-12',
    time: '10:00',
    exporter: 'Intermobility.EVa',
    counterpart: 'Fédération africaine des entreprises numériques',
    subject: 'Compte rendu : intérêt de la fédération pour un projet pilote',
    notes: 'La fédération propose de présenter Intermobility.EVa à ses membres opérateurs de parkings et de flottes.',
    outcome: Outcome.POSITIVE,
    mission: 'mosprom-casablanca-2025',
  },
  {
    kind: InteractionKind.EMAIL,
    on: '2025-09-19',
    time: '11:20',
    exporter: 'Nex-T LLC',
    counterpart: "Université de médecine d'Afrique francophone",
    subject: 'Envoi de la documentation technique NexTouch et des références',
    notes: 'Fiches techniques en français, références d’établissements de santé, conditions de garantie.',
    deal: true,
  },
  {
    kind: InteractionKind.CALL,
    on: '2025-09-24',
    time: '15:00',
    exporter: 'Fish World',
    counterpart: 'Casa Frais Import',
    subject: 'Point sur les volumes et le calendrier du premier conteneur',
    notes: 'Volumes mensuels à confirmer ; demande de prix CIF Casablanca.',
    outcome: Outcome.POSITIVE,
    deal: true,
  },
  {
    kind: InteractionKind.CALL,
    on: '2025-10-06',
    time: '12:30',
    exporter: 'Medsistemy-M',
    counterpart: 'Médi-Équip Maroc',
    subject: 'Questions sur l’homologation des analyseurs',
    notes: 'Le distributeur attend la liste des documents d’homologation avant de s’engager.',
    outcome: Outcome.NEUTRAL,
    deal: true,
  },
  {
    kind: InteractionKind.VISIT,
    on: '2025-11-05',
    time: '16:00',
    exporter: 'Fish World',
    counterpart: 'Supermarchés Anoual',
    subject: 'Visite de magasin et dégustation',
    notes: 'Dégustation au rayon épicerie fine ; accord de principe pour un référencement test.',
    outcome: Outcome.POSITIVE,
    deal: true,
  },
  {
    kind: InteractionKind.CALL,
    on: '2026-01-15',
    time: '14:00',
    exporter: 'Fish World',
    counterpart: 'Rabat Fine Foods Import',
    subject: 'Réponse à l’offre de prix',
    notes: 'Offre refusée : prix rendu trop élevé et délais d’enregistrement sanitaire.',
    outcome: Outcome.NEGATIVE,
    deal: true,
  },
  {
    kind: InteractionKind.EMAIL,
    on: '2026-10-08',
    time: '10:45',
    exporter: 'Fish World',
    counterpart: 'Hyper Medina Market',
    subject: 'Proposition de coffrets pour les fêtes',
    notes: 'Envoi du catalogue des coffrets et des délais de livraison pour décembre.',
    deal: true,
  },
];

interface TaskPlan {
  agency: AgencyKey;
  title: string;
  dueOn: string;
  /** Date the task was created. */
  createdOn: string;
  /** Date it was done; open when absent. */
  doneOn?: string;
  deal?: [string, string];
  company?: string;
  mission?: string;
}

const TASKS: TaskPlan[] = [
  {
    agency: 'mosprom',
    title: 'Collecter les catalogues NexTouch en français',
    company: 'Nex-T LLC',
    createdOn: '2025-08-11',
    dueOn: '2025-08-29',
    doneOn: '2025-08-27',
  },
  {
    agency: 'mosprom',
    title: 'Envoyer les comptes rendus des rendez-vous B2B aux exportateurs',
    mission: 'mosprom-casablanca-2025',
    createdOn: '2025-09-10',
    dueOn: '2025-09-15',
    doneOn: '2025-09-14',
  },
  {
    agency: 'mosprom',
    title: 'Préparer les échantillons de caviar pour Supermarchés Anoual',
    deal: ['Fish World', 'Supermarchés Anoual'],
    createdOn: '2025-10-06',
    dueOn: '2025-10-31',
    doneOn: '2025-10-28',
  },
  {
    agency: 'mosprom',
    title: 'Vérifier les documents d’expédition du premier conteneur',
    deal: ['Fish World', 'Océan Gourmet Distribution'],
    createdOn: '2025-12-04',
    dueOn: '2025-12-15',
    doneOn: '2025-12-11',
  },
  {
    agency: 'mosprom',
    title: 'Proposer un assortiment de fêtes à Hyper Medina Market',
    deal: ['Fish World', 'Hyper Medina Market'],
    createdOn: '2026-10-08',
    dueOn: '2026-11-20',
  },
  {
    agency: 'mosprom',
    title: 'Envoyer l’offre révisée (prix CIF Casablanca) à Casa Frais Import',
    deal: ['Fish World', 'Casa Frais Import'],
    createdOn: '2026-09-14',
    dueOn: '2026-11-27',
  },
  {
    agency: 'mosprom',
    title: 'Relancer l’université pour le cahier des charges du nouveau bâtiment',
    deal: ['Nex-T LLC', "Université de médecine d'Afrique francophone"],
    createdOn: '2026-04-22',
    dueOn: '2026-12-04',
  },
  {
    agency: 'mosprom',
    title: 'Organiser une visioconférence technique Intermobility.EVa / Green Mobility Maroc',
    deal: ['Intermobility.EVa', 'Green Mobility Maroc'],
    createdOn: '2026-11-02',
    dueOn: '2026-12-10',
  },
  {
    agency: 'mosprom',
    title: 'Rapport de résultats de la mission de Casablanca pour le Département',
    mission: 'mosprom-casablanca-2025',
    createdOn: '2026-11-02',
    dueOn: '2026-12-15',
  },
  {
    agency: 'mosprom',
    title: 'Mettre à jour les certificats sanitaires de Fish World pour le Maroc',
    company: 'Fish World',
    createdOn: '2026-11-10',
    dueOn: '2027-01-15',
  },
  {
    agency: 'asmex',
    title: 'Préparer la revue trimestrielle de la feuille de route export avec Maroc Export',
    company: 'Maroc Export',
    createdOn: '2026-10-01',
    dueOn: '2026-12-18',
  },
  {
    agency: 'asmex',
    title: 'Bilan du forum de Moscou avec les exportateurs participants',
    mission: 'council-moscow-forum',
    createdOn: '2026-06-01',
    dueOn: '2026-06-30',
    doneOn: '2026-06-26',
  },
  {
    agency: 'rec',
    title: 'Archiver le compte rendu de la mission de Rabat',
    mission: 'rec-rabat-2018',
    createdOn: '2018-10-12',
    dueOn: '2018-10-31',
    doneOn: '2018-10-25',
  },
];

export function seedFollowUps(world: SeedWorld, deals: SeededDeals): void {
  const { em } = world;
  const mosprom = agencyOf(world, 'mosprom');
  for (const plan of FOLLOW_UPS) {
    const occurredAt = at(plan.on, plan.time, MOSCOW);
    const counterpart = companyOf(mosprom, plan.counterpart);
    const deal = plan.deal ? deals.get(`${plan.exporter}|${plan.counterpart}`) : null;
    if (plan.deal && !deal) throw new Error(`Demo seed: no deal ${plan.exporter} / ${plan.counterpart}`);
    em.create(Interaction, {
      agency: mosprom.agency,
      kind: plan.kind,
      occurredAt,
      subject: plan.subject,
      normalizedSubject: normalizeName(plan.subject),
      notes: plan.notes,
      outcome: plan.outcome ?? null,
      mission: plan.mission ? missionOf(mosprom, plan.mission) : null,
      exporter: companyOf(mosprom, plan.exporter),
      counterpart,
      contacts: (mosprom.contacts.get(counterpart) ?? []).slice(0, 1),
      author: mosprom.manager,
      deal,
      createdAt: occurredAt,
      updatedAt: occurredAt,
    });
  }
  for (const plan of TASKS) {
    const seeded = agencyOf(world, plan.agency);
    const offset = seeded.agency.country === 'MA' ? MOROCCO : MOSCOW;
    const doneAt = plan.doneOn ? at(plan.doneOn, '18:00', offset) : null;
    const deal = plan.deal ? deals.get(plan.deal.join('|')) : null;
    if (plan.deal && !deal) throw new Error(`Demo seed: no deal ${plan.deal.join(' / ')}`);
    em.create(Task, {
      agency: seeded.agency,
      title: plan.title,
      dueOn: plan.dueOn,
      done: Boolean(doneAt),
      doneAt,
      assignee: seeded.manager,
      deal,
      company: plan.company ? companyOf(seeded, plan.company) : null,
      mission: plan.mission ? missionOf(seeded, plan.mission) : null,
      createdAt: at(plan.createdOn, '09:00', offset),
      updatedAt: doneAt ?? at(plan.createdOn, '09:00', offset),
    });
  }
}
