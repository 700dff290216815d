import { ExportValueDimension } from './export-value.type.js';

/** Calendar arithmetic on ISO days (YYYY-MM-DD), in UTC: no time zone can shift a day. */

function parts(day: string): [number, number, number] {
  const [year, month, date] = day.split('-').map(Number);
  return [year, month, date];
}

/** The UTC day (month and date may overflow into the next or previous ones); years 0-99 stay themselves, not 19xx. */
function utcDay(year: number, month: number, date: number): Date {
  const day = new Date(0);
  day.setUTCFullYear(year, month - 1, date);
  return day;
}

function format(year: number, month: number, date: number): string {
  return utcDay(year, month, date).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  return utcDay(year, month + 1, 0).getUTCDate();
}

export function addDays(day: string, days: number): string {
  const [year, month, date] = parts(day);
  return format(year, month, date + days);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000) + 1;
}

/** The same day `years` earlier; 29 February becomes 28 February (as PostgreSQL's interval arithmetic). */
export function minusYears(day: string, years: number): string {
  const [year, month, date] = parts(day);
  return format(year - years, month, Math.min(date, daysInMonth(year - years, month)));
}

export function yearsBetween(from: string, to: string): number {
  return parts(to)[0] - parts(from)[0];
}

/** A calendar period from its first day: label and last day. */
export function periodOf(unit: ExportValueDimension, start: string): { label: string; end: string } {
  const [year, month] = parts(start);
  // Day 0 of the month after is the period's last day, computed without stepping past it (9999-12-31 stays in range).
  const last = (months: number) => format(year, month + months, 0);
  switch (unit) {
    case ExportValueDimension.MONTH:
      return { label: start.slice(0, 7), end: last(1) };
    case ExportValueDimension.QUARTER:
      return { label: `${year}-Q${Math.floor((month - 1) / 3) + 1}`, end: last(3) };
    case ExportValueDimension.HALF_YEAR:
      return { label: `${year}-H${month <= 6 ? 1 : 2}`, end: last(6) };
    default:
      return { label: String(year), end: last(12) };
  }
}
