import { type Sql, sql, trusted } from '../../shared/sql.js';
import { ZoneFormats } from '../../shared/zone-formats.js';

/**
 * The time zone a mission's agenda days are read in: the host country's. A country with one
 * time zone (Morocco: Africa/Casablanca) has it from ICU; a country spanning several has its
 * capital's (Russia: Europe/Moscow); an unknown country falls back to UTC.
 */
const CAPITALS: Record<string, string> = {
  AR: 'America/Buenos_Aires',
  AU: 'Australia/Sydney',
  BR: 'America/Sao_Paulo',
  CA: 'America/Toronto',
  CD: 'Africa/Kinshasa',
  CL: 'America/Santiago',
  CN: 'Asia/Shanghai',
  CY: 'Asia/Nicosia',
  DE: 'Europe/Berlin',
  EC: 'America/Guayaquil',
  ES: 'Europe/Madrid',
  FM: 'Pacific/Ponape',
  GL: 'America/Godthab',
  ID: 'Asia/Jakarta',
  KI: 'Pacific/Tarawa',
  KZ: 'Asia/Almaty',
  MH: 'Pacific/Majuro',
  MN: 'Asia/Ulaanbaatar',
  MX: 'America/Mexico_City',
  MY: 'Asia/Kuala_Lumpur',
  NZ: 'Pacific/Auckland',
  PF: 'Pacific/Tahiti',
  PG: 'Pacific/Port_Moresby',
  PS: 'Asia/Hebron',
  PT: 'Europe/Lisbon',
  RU: 'Europe/Moscow',
  UA: 'Europe/Kiev',
  US: 'America/New_York',
  UZ: 'Asia/Tashkent',
};

const cache = new Map<string, string>();

function zonesOf(country: string): string[] {
  try {
    const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & {
      getTimeZones?: () => string[] | undefined;
      timeZones?: string[];
    };
    return locale.getTimeZones?.() ?? locale.timeZones ?? [];
  } catch {
    return [];
  }
}

export function hostTimeZone(country: string): string {
  const code = country.trim().toUpperCase();
  let zone = cache.get(code);
  if (!zone) {
    const zones = zonesOf(code);
    zone = CAPITALS[code] ?? (zones.length === 1 ? zones[0] : 'UTC');
    cache.set(code, zone);
  }
  return zone;
}

let zonesByCountry: string | undefined;

/**
 * hostTimeZone of every two-letter country code whose zone is not UTC, as JSON: countries are
 * ISO 3166-1 alpha-2 codes (shared/validators.ts), so this is every zone a mission can have.
 */
function hostTimeZonesJson(): string {
  if (zonesByCountry === undefined) {
    const zones: Record<string, string> = {};
    const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
    for (const first of letters) {
      for (const second of letters) {
        const zone = hostTimeZone(first + second);
        if (zone !== 'UTC') zones[first + second] = zone;
      }
    }
    zonesByCountry = JSON.stringify(zones);
  }
  return zonesByCountry;
}

/** hostTimeZone in SQL, of a country column (the compiled reads' mission zone and agenda day). */
export function hostTimeZoneSql(country: string): Sql {
  return sql`coalesce(${hostTimeZonesJson()}::jsonb ->> upper(btrim(${trusted(country)})), 'UTC')`;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Bounded, keyed by canonical zone name: the agenda's zone comes from the client. */
const formatters = new ZoneFormats(
  {
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  },
  'en-US',
);

/** Milliseconds the zone's wall clock is ahead of UTC at an instant. */
function offsetAt(instant: number, zone: string): number {
  const format = formatters.get(zone);
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day (YYYY-MM-DD) starts in a time zone. */
export function startOfDay(day: string, zone: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const midnight = Date.UTC(year, month - 1, date);
  const first = midnight - offsetAt(midnight, zone);
  // Once more with the offset valid at the first guess: right across a DST change.
  return new Date(midnight - offsetAt(first, zone));
}

/** [start, end) of a calendar day in a time zone, as instants. */
export function dayBounds(day: string, zone: string): { start: Date; end: Date } {
  const [year, month, date] = day.split('-').map(Number);
  const next = new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
  return { start: startOfDay(day, zone), end: startOfDay(next, zone) };
}

/** How many zone formatters are cached (for tests). */
export function cachedZoneCount(): number {
  return formatters.size;
}
