/** Calendar days and wall-clock times in the user's own time zone (the browser's). */

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A local calendar day as the API's Date scalar: YYYY-MM-DD. */
export function toIsoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today's calendar day in the browser's zone. */
export function today(): string {
  return toIsoDay(new Date());
}

/** A Date scalar read as a local calendar day (not as UTC midnight). */
export function parseIsoDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1);
}

/** The value of a datetime-local input for a local instant: YYYY-MM-DDTHH:mm. */
export function toLocalInput(date: Date): string {
  return `${toIsoDay(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value read in the user's time zone; null when incomplete or invalid. */
export function fromLocalInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hours, minutes] = match.map(Number);
  const date = new Date(year ?? 0, (month ?? 1) - 1, day ?? 1, hours ?? 0, minutes ?? 0);
  return Number.isNaN(date.getTime()) ? null : date;
}
