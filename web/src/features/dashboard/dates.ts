import { toIsoDay } from '../../lib/dates/local';

/** The dashboard's calendar windows, in the user's own time zone (the browser's). */

/** Monday 00:00 to the next Monday 00:00, local time, as instants. */
export function weekRange(now: Date): { from: Date; to: Date } {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const daysSinceMonday = (from.getDay() + 6) % 7;
  from.setDate(from.getDate() - daysSinceMonday);
  const to = new Date(from);
  to.setDate(to.getDate() + 7);
  return { from, to };
}

/**
 * The dashboard's window: the current half-year and the three before it, up to today. Cutting
 * at today keeps the comparison honest: this half-year so far against the same dates a year earlier.
 */
export function halfYearWindow(now: Date): { from: string; to: string; currentHalfStart: string } {
  const halfStartMonth = now.getMonth() < 6 ? 0 : 6;
  const currentHalf = new Date(now.getFullYear(), halfStartMonth, 1);
  const from = new Date(currentHalf);
  from.setMonth(from.getMonth() - 18);
  return { from: toIsoDay(from), to: toIsoDay(now), currentHalfStart: toIsoDay(currentHalf) };
}
