import type { Context } from '../../graphql/context.js';
import { badInput } from '../../shared/connection.js';
import { agencyOf, sql } from '../../shared/sql.js';
import { Company } from '../company/company.entity.js';
import type { DealFilter } from '../deal/deal.inputs.js';
import { Mission } from '../mission/mission.entity.js';
import { Sector } from '../sector/sector.entity.js';
import { User } from '../user/user.entity.js';
import { analyticsQuery, checkRange, dealFilterSql } from './analytics-sql.js';
import { addDays, daysBetween, minusYears, periodOf, yearsBetween } from './calendar.js';
import { confirmationFigures } from './confirmation-figures.js';
import { baseMoney } from './deal-value.js';
import { type ExportValueSqlRow, exportValueSql, isCalendar } from './export-value.sql.js';
import {
  CalendarPeriod,
  ExportValueComparison,
  ExportValueDimension,
  ExportValueFigures,
  ExportValueReport,
  ExportValueRow,
} from './export-value.type.js';
import { lazy } from './lazy.js';
import { analyticsLimits, checkExportValueRange, checkRows } from './limits.js';

export interface ExportValueArgs {
  groupBy: ExportValueDimension[];
  from: string;
  to: string;
  compareWithPrevious: boolean;
  filter?: DealFilter | null;
  confirmedOnly?: boolean;
}

/** Longest range, in calendar years: calendar groupings list every period of the range. */
const MAX_YEARS = 100;

const NONE_LABELS: Partial<Record<ExportValueDimension, string>> = {
  [ExportValueDimension.COUNTRY]: '(no country)',
  [ExportValueDimension.SECTOR]: '(no sector)',
  [ExportValueDimension.MISSION]: '(no mission)',
};

interface Windows {
  comparison: ExportValueComparison;
  previousFrom: string | null;
  previousTo: string | null;
}

/** The previous period: the same days a year earlier for calendar groupings, else as many days right before. */
function windows(args: ExportValueArgs, calendar: boolean): Windows {
  if (!args.compareWithPrevious)
    return { comparison: ExportValueComparison.NONE, previousFrom: null, previousTo: null };
  if (calendar) {
    return {
      comparison: ExportValueComparison.YEAR_EARLIER,
      previousFrom: minusYears(args.from, 1),
      previousTo: minusYears(args.to, 1),
    };
  }
  return {
    comparison: ExportValueComparison.PREVIOUS_PERIOD,
    previousFrom: addDays(args.from, -daysBetween(args.from, args.to)),
    previousTo: addDays(args.from, -1),
  };
}

/**
 * exportValue: ONE statement whatever the data (export-value.sql.ts), then the related records
 * a client selects (sectors, missions, exporters, owners), one batch per type.
 */
export async function exportValue(ctx: Context, args: ExportValueArgs): Promise<ExportValueReport> {
  checkRange(args.from, args.to);
  if (yearsBetween(args.from, args.to) > MAX_YEARS) {
    throw badInput(`The range may span at most ${MAX_YEARS} years.`, 'to');
  }
  const groupBy = [...new Set(args.groupBy)];
  checkExportValueRange(ctx, groupBy, args.from, args.to);
  const calendar = groupBy.some(isCalendar);
  const { comparison, previousFrom, previousTo } = windows(args, calendar);
  const comparing = comparison !== ExportValueComparison.NONE;
  const agencyId = agencyOf(ctx);
  const keys = groupBy.map((dimension, i) => ({ dimension, column: `k${i}` }));
  const filter = await dealFilterSql(ctx, args.filter, 'd');
  const confirmedOnly = args.confirmedOnly ?? false;
  const rows = await analyticsQuery<ExportValueSqlRow>(
    ctx.em,
    exportValueSql({
      agencyId,
      groupBy,
      from: args.from,
      to: args.to,
      previous: comparing ? { from: previousFrom!, to: previousTo!, shiftYears: calendar ? 1 : 0 } : null,
      filter,
      maxRows: analyticsLimits(ctx).maxRows,
      confirmedOnly,
    }),
  );
  const total = rows.find((row) => row.is_total)!;
  checkRows(ctx, total.row_count ?? 0);

  const figures = (row: ExportValueSqlRow, prefix: string) =>
    Object.assign(new ExportValueFigures(), {
      dealsWon: row[`${prefix}_deals`] as number,
      value: baseMoney(row[`${prefix}_value`] as string, row.base),
      dealsWithoutAmount: row[`${prefix}_without_amount`] as number,
      dealsWithoutRate: row[`${prefix}_without_rate`] as number,
      currenciesWithoutRate: row[`${prefix}_currencies`] as string[],
    });
  return Object.assign(new ExportValueReport(), {
    groupBy,
    from: args.from,
    to: args.to,
    confirmedOnly,
    loadConfirmation: lazy(() =>
      confirmationFigures(ctx, agencyId, sql`d.closed_on between ${args.from}::date and ${args.to}::date${filter}`),
    ),
    comparison,
    previousFrom,
    previousTo,
    baseCurrency: total.base.trim(),
    total: figures(total, 'cur'),
    previousTotal: comparing ? figures(total, 'prev') : null,
    totalGrowthPercent: comparing ? total.growth : null,
    rows: rows
      .filter((row) => !row.is_total)
      .map((row) => {
        const result = Object.assign(new ExportValueRow(), {
          key: [] as (string | null)[],
          current: figures(row, 'cur'),
          previous: comparing ? figures(row, 'prev') : null,
          growthPercent: comparing ? row.growth : null,
          country: null,
          sectorRef: null,
          missionRef: null,
          exporterRef: null,
          ownerRef: null,
          month: null,
          quarter: null,
          halfYear: null,
          year: null,
          period: null,
        });
        const labels: string[] = [];
        for (const key of keys) {
          const value = row[key.column] as string | null;
          const name = row[`l${key.column}`] as string | null;
          if (isCalendar(key.dimension)) {
            const period = periodOf(key.dimension, value!);
            const calendarPeriod = Object.assign(new CalendarPeriod(), {
              unit: key.dimension,
              label: period.label,
              start: value,
              end: period.end,
            });
            result.key.push(period.label);
            labels.push(period.label);
            setPeriod(result, key.dimension, calendarPeriod);
          } else {
            result.key.push(value);
            labels.push(value == null ? NONE_LABELS[key.dimension]! : (name ?? value));
            setReference(ctx, result, key.dimension, value);
          }
        }
        result.period = result.month ?? result.quarter ?? result.halfYear ?? result.year;
        result.label = labels.length > 0 ? labels.join(' · ') : 'All';
        return result;
      }),
  });
}

function setPeriod(row: ExportValueRow, dimension: ExportValueDimension, period: CalendarPeriod): void {
  if (dimension === ExportValueDimension.MONTH) row.month = period;
  else if (dimension === ExportValueDimension.QUARTER) row.quarter = period;
  else if (dimension === ExportValueDimension.HALF_YEAR) row.halfYear = period;
  else row.year = period;
}

function setReference(ctx: Context, row: ExportValueRow, dimension: ExportValueDimension, id: string | null): void {
  if (dimension === ExportValueDimension.COUNTRY) row.country = id;
  if (id == null) return;
  if (dimension === ExportValueDimension.SECTOR) row.sectorRef = ctx.em.getReference(Sector, id);
  if (dimension === ExportValueDimension.MISSION) row.missionRef = ctx.em.getReference(Mission, id);
  if (dimension === ExportValueDimension.EXPORTER) row.exporterRef = ctx.em.getReference(Company, id);
  if (dimension === ExportValueDimension.OWNER) row.ownerRef = ctx.em.getReference(User, id);
}
