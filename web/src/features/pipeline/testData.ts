import type { StageCategory } from '../../gql/graphql';

const money = (amount: string, currency: string) => ({ __typename: 'Money' as const, amount, currency });
const company = (id: string, name: string) => ({ __typename: 'Company' as const, id, name });
const owner = { __typename: 'User' as const, id: 'user-1', fullName: 'Camille Durand' };

export interface DealSpec {
  id: string;
  title: string;
  version?: number;
  amount?: [string, string] | null;
  base?: string | null;
}

export function boardDeal(spec: DealSpec, stage: { id: string; category: StageCategory }) {
  return {
    __typename: 'Deal' as const,
    id: spec.id,
    title: spec.title,
    version: spec.version ?? 3,
    currency: spec.amount?.[1] ?? 'RUB',
    expectedCloseOn: '2030-06-30',
    exchangeRateMissing: false,
    amount: spec.amount ? money(spec.amount[0], spec.amount[1]) : null,
    amountInBaseCurrency: spec.base ? money(spec.base, 'RUB') : null,
    exporter: company('exp-1', 'Nex-T LLC'),
    buyer: company('buy-1', 'Médi-Équip Maroc'),
    owner,
    stage: { __typename: 'PipelineStage' as const, id: stage.id, category: stage.category },
  };
}

export interface StageSpec {
  id: string;
  name: string;
  category: StageCategory;
  deals: DealSpec[];
  total: string;
  without?: string[];
  /** All the stage's deals, when more than `deals` (the board's first page). */
  totalCount?: number;
}

/** The cursor after a deal, as the fake server writes it. */
export const cursorAfter = (dealId: string) => `cursor:${dealId}`;

export function boardResult(stages: StageSpec[]) {
  return {
    data: {
      pipeline: {
        __typename: 'Pipeline' as const,
        id: 'pipe-1',
        name: 'Export pipeline',
        stages: stages.map((stage, position) => ({
          __typename: 'PipelineStage' as const,
          id: stage.id,
          name: stage.name,
          category: stage.category,
          position,
          deals: {
            __typename: 'PipelineStageDealConnection' as const,
            totalCount: stage.totalCount ?? stage.deals.length,
            currenciesWithoutRate: stage.without ?? [],
            pageInfo: {
              __typename: 'PageInfo' as const,
              endCursor: stage.deals.length > 0 ? cursorAfter(stage.deals[stage.deals.length - 1].id) : null,
            },
            totalAmount: money(stage.total, 'RUB'),
            nodes: stage.deals.map((deal) => boardDeal(deal, stage)),
          },
        })),
      },
    },
  };
}

export const STAGES: StageSpec[] = [
  {
    id: 'st-lead',
    name: 'Lead',
    category: 'OPEN',
    total: '18918000.00',
    deals: [
      {
        id: 'deal-a',
        title: 'Charging stations in Casablanca',
        version: 4,
        amount: ['180000.00', 'EUR'],
        base: '16830000.00',
      },
      { id: 'deal-b', title: 'Икра для Марракеша', amount: null },
    ],
  },
  {
    id: 'st-qualified',
    name: 'Qualified',
    category: 'OPEN',
    total: '12000000.00',
    without: ['USD'],
    deals: [{ id: 'deal-c', title: 'Diagnostic equipment', amount: ['12000000.00', 'RUB'], base: '12000000.00' }],
  },
  { id: 'st-won', name: 'Won', category: 'WON', total: '0', deals: [] },
  { id: 'st-lost', name: 'Lost', category: 'LOST', total: '0', deals: [] },
];

/** A page of a stage's deals from the root `deals` list ("Show more"). */
export function stageDealsResult(
  stage: { id: string; category: StageCategory },
  deals: DealSpec[],
  hasNextPage = false,
) {
  return {
    data: {
      deals: {
        __typename: 'DealConnection' as const,
        pageInfo: {
          __typename: 'PageInfo' as const,
          endCursor: deals.length > 0 ? cursorAfter(deals[deals.length - 1].id) : null,
          hasNextPage,
        },
        nodes: deals.map((deal) => boardDeal(deal, stage)),
      },
    },
  };
}

export const switcherResult = {
  data: {
    agency: { __typename: 'Agency' as const, id: 'agency-1', baseCurrency: 'RUB' },
    pipelines: {
      __typename: 'PipelineConnection' as const,
      nodes: [
        { __typename: 'Pipeline' as const, id: 'pipe-1', name: 'Export pipeline', isDefault: true },
        { __typename: 'Pipeline' as const, id: 'pipe-2', name: 'Investors', isDefault: false },
      ],
    },
  },
};

export const usersResult = {
  data: {
    users: {
      __typename: 'UserConnection' as const,
      nodes: [
        { __typename: 'User' as const, id: 'user-1', fullName: 'Camille Durand', role: 'ACCOUNT_MANAGER' as const },
      ],
    },
  },
};

export const missionsResult = {
  data: {
    missions: {
      __typename: 'MissionConnection' as const,
      nodes: [
        { __typename: 'Mission' as const, id: 'mis-1', name: 'Mosprom mission to Casablanca', startsOn: '2025-09-08' },
      ],
    },
  },
};

export function drawerResult(id: string, title: string) {
  return {
    data: {
      deal: {
        __typename: 'Deal' as const,
        id,
        title,
        version: 1,
        closedOn: null,
        lostReason: null,
        exchangeRateMissing: false,
        currency: 'RUB',
        expectedCloseOn: null,
        products: null,
        amount: null,
        amountInBaseCurrency: null,
        stage: { __typename: 'PipelineStage' as const, id: 'st-lead', name: 'Lead', category: 'OPEN' as const },
        pipeline: {
          __typename: 'Pipeline' as const,
          id: 'pipe-1',
          name: 'Export pipeline',
          stages: STAGES.map((stage) => ({
            __typename: 'PipelineStage' as const,
            id: stage.id,
            name: stage.name,
            category: stage.category,
          })),
        },
        owner,
        exporter: company('exp-1', 'Nex-T LLC'),
        buyer: company('buy-1', 'Médi-Équip Maroc'),
        sourceMission: { __typename: 'Mission' as const, id: 'mis-1', name: 'Mosprom mission to Casablanca' },
        sourceInteraction: null,
        confirmation: null,
        interactions: { __typename: 'InteractionConnection' as const, totalCount: 0, nodes: [] },
        stageHistory: {
          __typename: 'DealStageChangeConnection' as const,
          totalCount: 1,
          nodes: [
            {
              __typename: 'DealStageChange' as const,
              id: 'chg-1',
              changedAt: '2026-01-10T09:00:00Z',
              changedBy: owner,
              fromStage: null,
              toStage: { __typename: 'PipelineStage' as const, id: 'st-lead', name: 'Lead', category: 'OPEN' as const },
            },
          ],
        },
      },
    },
  };
}

/** The meeting behind `?fromInteraction=int-7`: Nex-T LLC met Atlas Smart Solutions in Casablanca. */
export const meetingResult = {
  data: {
    interaction: {
      __typename: 'Interaction' as const,
      id: 'int-7',
      subject: 'B2B meeting: Nex-T LLC – Atlas Smart Solutions',
      occurredAt: '2025-09-08T09:30:00.000Z',
      exporter: company('co-nex', 'Nex-T LLC'),
      counterpart: company('co-atlas', 'Atlas Smart Solutions'),
      mission: { __typename: 'Mission' as const, id: 'mission-1', name: 'Casablanca 2025' },
    },
  },
};
