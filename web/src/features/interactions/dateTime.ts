function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The value of a datetime-local input for a local instant: YYYY-MM-DDTHH:mm. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Now, to the nearest quarter of an hour: meetings are booked in quarters. */
export function roundedNow(now = new Date()): Date {
  const quarter = 15 * 60 * 1000;
  return new Date(Math.round(now.getTime() / quarter) * quarter);
}

/** A datetime-local value read in the user's time zone; null when incomplete or invalid. */
export function fromLocalInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hours, minutes] = match.map(Number);
  const date = new Date(year ?? 0, (month ?? 1) - 1, day ?? 1, hours ?? 0, minutes ?? 0);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Whether a keyboard event comes from a place where typing "L" means a letter. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}
