import { type AnalyticsLimits, loadAnalyticsLimits } from '../../config.js';
import type { Context } from '../../graphql/context.js';
import { AnalyticsTooLargeError } from '../../graphql/errors.js';
import { msg, render } from '../../shared/messages/index.js';
import { CALENDAR_DIMENSIONS, ExportValueDimension } from './export-value.type.js';

/**
 * The bounds of analytics reports (docs/analytics.md, "Limits"). A report answers one row per
 * group; exportValue's groups are the combinations of its non-calendar keys crossed with every
 * calendar period of the range, so its size is (key combinations × periods). The periods are
 * known from the arguments and checked before any SQL runs; the combinations are counted by
 * the report's statement itself, which stops before building the rows when the product is over
 * the limit. The other reports answer one row per stage, owner, mission, kind or exporter of
 * the agency: their size does not grow with the range asked for.
 */

const DEFAULTS = loadAnalyticsLimits({});

export function analyticsLimits(ctx: Pick<Context, 'analytics'>): AnalyticsLimits {
  return ctx.analytics ?? DEFAULTS;
}

/** Months per calendar period. */
const MONTHS: Record<string, number> = {
  [ExportValueDimension.MONTH]: 1,
  [ExportValueDimension.QUARTER]: 3,
  [ExportValueDimension.HALF_YEAR]: 6,
  [ExportValueDimension.YEAR]: 12,
};

/** The index of the month of an ISO day (YYYY-MM-DD), counted from year 0. */
function monthIndex(day: string): number {
  const [year, month] = day.split('-').map(Number);
  return year * 12 + month - 1;
}

/** The finest calendar dimension of a grouping (MONTH before QUARTER, HALF_YEAR, YEAR), or none. */
function finestCalendar(groupBy: readonly ExportValueDimension[]): ExportValueDimension | undefined {
  return CALENDAR_DIMENSIONS.find((dimension) => groupBy.includes(dimension));
}

/** The calendar periods from `from` to `to` (both included) of a grouping: 1 without a calendar dimension. */
export function calendarPeriods(groupBy: readonly ExportValueDimension[], from: string, to: string): number {
  const unit = finestCalendar(groupBy);
  if (!unit) return 1;
  const size = MONTHS[unit];
  const first = Math.floor(monthIndex(from) / size);
  const last = Math.floor(monthIndex(to) / size);
  return Math.max(1, last - first + 1);
}

/**
 * The checks that need no SQL: a MONTH grouping spans at most `maxMonths` months, and the
 * periods alone (one row each for every key combination) fit in `maxRows`.
 */
export function checkExportValueRange(
  ctx: Pick<Context, 'analytics' | 'language'>,
  groupBy: readonly ExportValueDimension[],
  from: string,
  to: string,
): void {
  const limits = analyticsLimits(ctx);
  if (groupBy.includes(ExportValueDimension.MONTH)) {
    const months = calendarPeriods([ExportValueDimension.MONTH], from, to);
    if (months > limits.maxMonths) {
      throw new AnalyticsTooLargeError(
        render(msg('analyticsTooManyMonths', { count: months, max: limits.maxMonths }), ctx.language),
        { limit: 'months', value: months, max: limits.maxMonths },
      );
    }
  }
  checkRows(ctx, calendarPeriods(groupBy, from, to));
}

/** Refuses a report of more than `maxRows` rows (the estimate says how many it would have had). */
export function checkRows(ctx: Pick<Context, 'analytics' | 'language'>, estimate: number): void {
  const { maxRows } = analyticsLimits(ctx);
  if (estimate <= maxRows) return;
  throw new AnalyticsTooLargeError(
    render(msg('analyticsTooManyRows', { count: estimate, max: maxRows }), ctx.language),
    { limit: 'rows', value: estimate, max: maxRows },
  );
}
