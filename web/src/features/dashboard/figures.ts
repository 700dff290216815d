import { graphql } from '../../gql';
import type {
  DashboardHalfYears_ReportFragment as HalfYears,
  DashboardMissions_ReportFragment as MissionsReport,
  DashboardOpenValue_PipelineFragment as OpenValue,
} from '../../gql/graphql';
import { sumDecimals, toNumber } from '../../lib/money/decimal';
import type { KpiFigures } from './components/KpiCards';
import type { MissionValue } from './components/TopMissions';
import type { HalfYearPoint } from './components/ValueWonChart';

// The agency's figures the dashboard derives from DashboardAnalyticsQuery, which selects these
// fragments unmasked (reports and stage totals have no ids to read them by).

/** @public A document graphql-codegen reads: the deals won, their value, and those without a rate to count it. */
export const DashboardWonFragment = graphql(`
  fragment DashboardWon_figures on ExportValueFigures {
    dealsWon
    dealsWithoutRate
    currenciesWithoutRate
    value {
      amount
      currency
    }
  }
`);

/**
 * @public A document graphql-codegen reads: value won by half-year, with the same dates a year
 * earlier, and how many of the window's won deals their exporters confirmed.
 */
export const DashboardHalfYearsFragment = graphql(`
  fragment DashboardHalfYears_report on ExportValueReport {
    baseCurrency
    confirmedOnly
    confirmation {
      wonDeals
      confirmed
      confirmationRatePercent
    }
    total {
      ...DashboardWon_figures @unmask
    }
    rows {
      key
      label
      halfYear {
        label
        start
        end
      }
      current {
        ...DashboardWon_figures @unmask
      }
      previous {
        dealsWon
        value {
          amount
          currency
        }
      }
      growthPercent
    }
  }
`);

/** @public A document graphql-codegen reads: value won by mission. */
export const DashboardMissionsFragment = graphql(`
  fragment DashboardMissions_report on ExportValueReport {
    baseCurrency
    rows {
      key
      label
      mission {
        id
        name
      }
      current {
        dealsWon
        dealsWithoutRate
        value {
          amount
          currency
        }
      }
    }
  }
`);

/** @public A document graphql-codegen reads: a pipeline's stage totals (no deal rows). */
export const DashboardOpenValueFragment = graphql(`
  fragment DashboardOpenValue_pipeline on Pipeline {
    stages {
      id
      category
      deals(first: 0) {
        totalCount
        currenciesWithoutRate
        totalAmount {
          amount
          currency
        }
      }
    }
  }
`);

export function kpiFigures(report: HalfYears, pipelines: readonly OpenValue[], currentHalfStart: string): KpiFigures {
  const current = report.rows.find((row) => row.halfYear?.start === currentHalfStart) ?? report.rows.at(-1);
  const openStages = pipelines.flatMap((pipeline) => pipeline.stages.filter((stage) => stage.category === 'OPEN'));
  return {
    currency: report.baseCurrency,
    confirmedOnly: report.confirmedOnly,
    confirmation: {
      percent: report.confirmation.confirmationRatePercent,
      confirmed: report.confirmation.confirmed,
      wonDeals: report.confirmation.wonDeals,
    },
    halfYear: {
      label: current?.halfYear?.label ?? current?.label ?? '',
      value: current?.current.value.amount ?? '0.00',
      dealsWon: current?.current.dealsWon ?? 0,
      growthPercent: current?.growthPercent ?? null,
      previous: current?.previous?.value.amount ?? null,
    },
    open: {
      value: sumDecimals(openStages.map((stage) => stage.deals.totalAmount.amount)),
      deals: openStages.reduce((sum, stage) => sum + stage.deals.totalCount, 0),
      currenciesWithoutRate: [...new Set(openStages.flatMap((stage) => stage.deals.currenciesWithoutRate))].sort(),
    },
  };
}

export function halfYearPoints(report: HalfYears, currentHalfStart: string): HalfYearPoint[] {
  return report.rows.map((row) => ({
    label: row.halfYear?.label ?? row.label,
    value: row.current.value.amount,
    previous: row.previous?.value.amount ?? null,
    dealsWon: row.current.dealsWon,
    growthPercent: row.growthPercent,
    inProgress: row.halfYear?.start === currentHalfStart,
  }));
}

export function topMissions(report: MissionsReport): MissionValue[] {
  return report.rows
    .flatMap((row) =>
      row.mission && row.current.dealsWon > 0
        ? [
            {
              id: row.mission.id,
              name: row.mission.name,
              value: row.current.value.amount,
              dealsWon: row.current.dealsWon,
            },
          ]
        : [],
    )
    .sort((a, b) => toNumber(b.value) - toNumber(a.value) || b.dealsWon - a.dealsWon)
    .slice(0, 5);
}
