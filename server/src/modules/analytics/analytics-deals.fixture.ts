import type { EntityManager } from '@mikro-orm/postgresql';
import type { Company } from '../company/company.entity.js';
import { Deal } from '../deal/deal.entity.js';
import { DealStageChange } from '../deal/deal-stage-change.entity.js';
import type { Interaction } from '../interaction/interaction.entity.js';
import type { Mission } from '../mission/mission.entity.js';
import type { PipelineStage } from '../pipeline/pipeline-stage.entity.js';
import type { Sector } from '../sector/sector.entity.js';
import type { User } from '../user/user.entity.js';

/** The analytics fixture's deals (see analytics.fixture.ts for the table they follow). */

const at = (day: string) => new Date(`${day}T10:00:00Z`);

export type History = (readonly [stage: string, when: Date])[];

export interface DealPlan {
  key: string;
  mission?: 'M1' | 'M2' | 'M3';
  exporter: 'E1' | 'E2' | 'E3';
  buyer?: 'B1' | 'B2' | 'B3' | 'B4' | 'B5';
  meeting?: string;
  amount: string | null;
  currency: string;
  owner: 'anna' | 'boris';
  country?: string;
  sector?: 'FISH' | 'DISPLAYS' | 'LASERS';
  history: History;
  lostReason?: string;
}

/** Dates are fixed, except for the open deals, counted back from `now` (`ago(days)`). */
export function dealPlans(ago: (days: number) => Date): DealPlan[] {
  const L = 'Новый лид';
  const Q = 'Квалифицирован';
  const MH = 'Встреча проведена';
  const N = 'Переговоры';
  const SL = 'В шорт-листе поставщиков';
  const W = 'Контракт подписан';
  const X = 'Отказ';
  return [
    {
      key: 'D1',
      mission: 'M1',
      exporter: 'E1',
      buyer: 'B1',
      meeting: 'mt1',
      amount: '100000.00',
      currency: 'EUR',
      owner: 'anna',
      country: 'MA',
      sector: 'FISH',
      history: [
        [L, at('2024-03-11')],
        [Q, at('2024-03-21')],
        [N, at('2024-04-20')],
        [W, at('2024-06-15')],
      ],
    },
    {
      key: 'D2',
      mission: 'M1',
      exporter: 'E1',
      buyer: 'B2',
      meeting: 'mt2',
      amount: '500000.00',
      currency: 'MAD',
      owner: 'boris',
      country: 'MA',
      sector: 'FISH',
      history: [
        [L, at('2024-03-11')],
        [Q, at('2024-04-01')],
        [X, at('2024-05-01')],
        [N, at('2025-01-10')],
        [W, at('2025-04-10')],
      ],
    },
    {
      key: 'D3',
      mission: 'M1',
      exporter: 'E2',
      buyer: 'B1',
      meeting: 'mt4',
      amount: '20000.00',
      currency: 'EUR',
      owner: 'anna',
      country: 'MA',
      sector: 'DISPLAYS',
      history: [
        [L, at('2024-03-12')],
        [Q, at('2024-03-22')],
        [MH, at('2024-04-01')],
        [X, at('2024-05-20')],
      ],
      lostReason: 'price too high',
    },
    {
      key: 'D5',
      mission: 'M1',
      exporter: 'E2',
      amount: '30000.00',
      currency: 'EUR',
      owner: 'boris',
      sector: 'DISPLAYS',
      history: [
        [L, ago(20)],
        [Q, ago(5)],
      ],
    },
    { key: 'D6', mission: 'M1', exporter: 'E1', amount: null, currency: 'RUB', owner: 'anna', history: [[L, ago(2)]] },
    {
      key: 'D7',
      mission: 'M2',
      exporter: 'E2',
      buyer: 'B4',
      meeting: 'mt7',
      amount: '40000.00',
      currency: 'EUR',
      owner: 'boris',
      country: 'SN',
      sector: 'DISPLAYS',
      history: [
        [L, at('2025-02-04')],
        [Q, at('2025-02-14')],
        [MH, at('2025-03-01')],
        [N, at('2025-04-01')],
        [SL, at('2025-06-01')],
        [W, at('2025-08-20')],
      ],
    },
    {
      key: 'D8',
      mission: 'M2',
      exporter: 'E3',
      buyer: 'B4',
      meeting: 'mt8',
      amount: '10000.00',
      currency: 'USD',
      owner: 'anna',
      country: 'SN',
      sector: 'LASERS',
      history: [
        [L, at('2025-02-04')],
        [N, at('2025-02-24')],
        [W, at('2025-03-15')],
      ],
    },
    {
      key: 'D9',
      mission: 'M3',
      exporter: 'E1',
      buyer: 'B5',
      amount: '100000.00',
      currency: 'MAD',
      owner: 'anna',
      country: 'FR',
      sector: 'FISH',
      history: [
        [L, at('2025-10-01')],
        [W, at('2025-12-01')],
      ],
    },
    {
      key: 'D10',
      exporter: 'E3',
      buyer: 'B5',
      amount: '10000.00',
      currency: 'EUR',
      owner: 'anna',
      country: 'FR',
      sector: 'LASERS',
      history: [
        [L, at('2024-09-01')],
        [W, at('2024-11-05')],
      ],
    },
    {
      key: 'D11',
      exporter: 'E1',
      buyer: 'B2',
      amount: '200000.00',
      currency: 'MAD',
      owner: 'boris',
      country: 'MA',
      sector: 'FISH',
      history: [
        [L, at('2024-08-11')],
        [W, at('2024-10-01')],
      ],
    },
    {
      key: 'D12',
      exporter: 'E2',
      buyer: 'B1',
      amount: null,
      currency: 'EUR',
      owner: 'boris',
      country: 'MA',
      history: [
        [L, at('2025-04-01')],
        [W, at('2025-05-05')],
      ],
    },
    {
      key: 'D13',
      exporter: 'E3',
      buyer: 'B3',
      amount: '5000.00',
      currency: 'EUR',
      owner: 'anna',
      country: 'MA',
      sector: 'LASERS',
      history: [
        [L, at('2025-01-15')],
        [X, at('2025-02-14')],
      ],
      lostReason: 'No budget',
    },
    {
      key: 'D14',
      exporter: 'E2',
      buyer: 'B2',
      amount: '1000000.00',
      currency: 'RUB',
      owner: 'boris',
      country: 'MA',
      sector: 'DISPLAYS',
      history: [
        [L, at('2025-01-20')],
        [Q, at('2025-02-01')],
        [X, at('2025-03-01')],
      ],
      lostReason: 'Price too high ',
    },
  ];
}

interface DealSpec {
  title: string;
  exporter: Company;
  buyer: Company | null;
  sourceMission: Mission | null;
  sourceInteraction: Interaction | null;
  amount: string | null;
  currency: string;
  destinationCountry: string | null;
  sector: Sector | null;
  lostReason: string | null;
  history: History;
}

/** A deal and its stage history: created in the first stage, moved on each later date; the last move closes it. */
export function createDealWithHistory(
  em: EntityManager,
  agencyId: string,
  pipelineId: string,
  stage: (name: string) => PipelineStage,
  owner: User | string,
  spec: DealSpec,
): Deal {
  const [lastStage, lastAt] = spec.history[spec.history.length - 1];
  const closing = lastStage === 'Контракт подписан' || lastStage === 'Отказ';
  const deal = em.create(Deal, {
    agency: agencyId,
    title: spec.title,
    pipeline: pipelineId,
    stage: stage(lastStage),
    exporter: spec.exporter,
    buyer: spec.buyer,
    owner,
    sourceMission: spec.sourceMission,
    sourceInteraction: spec.sourceInteraction,
    amount: spec.amount,
    currency: spec.currency,
    closedOn: closing ? lastAt.toISOString().slice(0, 10) : null,
    lostReason: lastStage === 'Отказ' ? spec.lostReason : null,
    destinationCountry: spec.destinationCountry,
    sector: spec.sector,
    createdAt: spec.history[0][1],
    updatedAt: lastAt,
  });
  spec.history.forEach(([name, changedAt], index) => {
    em.create(DealStageChange, {
      agency: agencyId,
      deal,
      fromStage: index === 0 ? null : stage(spec.history[index - 1][0]),
      toStage: stage(name),
      changedAt,
      changedBy: owner,
      createdAt: changedAt,
      updatedAt: changedAt,
    });
  });
  return deal;
}
