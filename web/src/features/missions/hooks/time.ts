// Time helpers for agendas: meetings are stored in UTC and read in the mission's host time zone.

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, format);
  }
  return format;
}

function zonedParts(date: Date, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour === 24 ? 0 : parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** Milliseconds the zone is ahead of UTC at that instant. */
function offsetMs(date: Date, timeZone: string): number {
  const p = zonedParts(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** The UTC instant of a wall-clock time ("2025-09-09", "10:30") in a time zone. */
export function zonedToUtc(day: string, time: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  let result = guess - offsetMs(new Date(guess), timeZone);
  const second = guess - offsetMs(new Date(result), timeZone);
  if (second !== result) result = second;
  return new Date(result);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayInZone(value: string | Date, timeZone: string): string {
  const p = zonedParts(typeof value === 'string' ? new Date(value) : value, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Every day from start to end (inclusive), at most 31; only start when there is no end. */
export function daysBetween(start: string | null, end: string | null): string[] {
  if (!start) return [];
  const days: string[] = [];
  const [y, m, d] = start.split('-').map(Number);
  const cursor = new Date(Date.UTC(y, m - 1, d));
  const last = end ?? start;
  while (days.length < 31) {
    const day = cursor.toISOString().slice(0, 10);
    days.push(day);
    if (day >= last) break;
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return days;
}

/** A Date for a calendar day at noon UTC: formats as that day in any time zone near UTC. */
export function dayAsDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

export interface Slot {
  id: string;
  startsAt: string | null;
  endsAt: string | null;
  status: string | null;
  exporter: { id: string };
  counterpart: { id: string } | null;
  contacts: readonly { id: string }[];
}

/** Meetings of the list that overlap another one for the same exporter, counterpart or contact. */
export function findClashes(meetings: readonly Slot[]): Set<string> {
  const clashes = new Set<string>();
  const live = meetings.filter((m) => m.startsAt && m.status !== 'CANCELLED');
  for (let i = 0; i < live.length; i++) {
    for (let j = i + 1; j < live.length; j++) {
      const a = live[i];
      const b = live[j];
      const aStart = Date.parse(a.startsAt as string);
      const bStart = Date.parse(b.startsAt as string);
      const aEnd = a.endsAt ? Date.parse(a.endsAt) : aStart + 1;
      const bEnd = b.endsAt ? Date.parse(b.endsAt) : bStart + 1;
      if (!(aStart < bEnd && bStart < aEnd)) continue;
      const shareContact = a.contacts.some((c) => b.contacts.some((d) => d.id === c.id));
      if (
        a.exporter.id === b.exporter.id ||
        (a.counterpart && b.counterpart && a.counterpart.id === b.counterpart.id) ||
        shareContact
      ) {
        clashes.add(a.id);
        clashes.add(b.id);
      }
    }
  }
  return clashes;
}
