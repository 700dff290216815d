// Scripted answers for tests that render the dashboard (its own tests and the app's session flow).
import { type Answer, answer } from '../../test/scriptedLink';
import { DashboardAnalyticsQuery, DashboardFunnelQuery, DashboardWorkQuery } from './graphql/dashboard';

const money = (amount: string) => ({ __typename: 'Money' as const, amount, currency: 'RUB' });

export function figures(amount: string, dealsWon: number) {
  return {
    __typename: 'ExportValueFigures' as const,
    dealsWon,
    dealsWithoutRate: 0,
    currenciesWithoutRate: [],
    value: money(amount),
  };
}

export function halfYearRow(
  label: string,
  start: string,
  end: string,
  value: string,
  previous: string,
  growth: number | null,
) {
  return {
    __typename: 'ExportValueRow' as const,
    key: [label],
    label,
    halfYear: { __typename: 'CalendarPeriod' as const, label, start, end },
    current: figures(value, value === '0.00' ? 0 : 1),
    previous: {
      __typename: 'ExportValueFigures' as const,
      dealsWon: previous === '0.00' ? 0 : 1,
      value: money(previous),
    },
    growthPercent: growth,
  };
}

/** How many of the window's won deals their exporters confirmed. */
export function confirmation(wonDeals: number, confirmed: number) {
  return {
    __typename: 'ConfirmationFigures' as const,
    wonDeals,
    confirmed,
    confirmationRatePercent: wonDeals === 0 ? null : Math.round((confirmed / wonDeals) * 10000) / 100,
  };
}

/** The viewer's work when there is none. */
export const noWork = {
  data: {
    tasks: { __typename: 'TaskConnection' as const, totalCount: 0, nodes: [] },
    interactions: { __typename: 'InteractionConnection' as const, totalCount: 0, nodes: [] },
  },
};

/** An agency with no activity yet: every section shows its empty state. */
export function emptyDashboardAnswers(): Answer[] {
  return [
    answer(DashboardWorkQuery).with(() => noWork),
    answer(DashboardAnalyticsQuery).with((variables) => ({
      data: {
        byHalfYear: {
          __typename: 'ExportValueReport',
          baseCurrency: 'RUB',
          confirmedOnly: variables.confirmedOnly,
          confirmation: confirmation(0, 0),
          total: figures('0.00', 0),
          rows: [],
        },
        byMission: { __typename: 'ExportValueReport', baseCurrency: 'RUB', rows: [] },
        pipelines: { __typename: 'PipelineConnection', nodes: [] },
      },
    })),
    answer(DashboardFunnelQuery).with(() => ({ data: { pipelineFunnel: null } })),
  ];
}
