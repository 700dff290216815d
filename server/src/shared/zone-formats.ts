/**
 * Intl.DateTimeFormat instances by time zone. Building one costs far more than using it, so they are
 * cached — but a zone name comes from the client: the cache is keyed by the canonical name
 * ("europe/MOSCOW" and "Europe/Moscow" share one entry) and holds at most ZONE_CACHE_SIZE zones,
 * the least recently used leaving first. An unknown zone throws a RangeError and caches nothing.
 */
export const ZONE_CACHE_SIZE = 64;

/** The zone's canonical IANA name ("europe/moscow" -> "Europe/Moscow"); RangeError if unknown. */
export function canonicalTimeZone(zone: string): string {
  return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
}

export class ZoneFormats {
  private readonly formats = new Map<string, Intl.DateTimeFormat>();

  constructor(
    private readonly options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>,
    private readonly locale: string,
    private readonly limit = ZONE_CACHE_SIZE,
  ) {}

  get size(): number {
    return this.formats.size;
  }

  get(zone: string): Intl.DateTimeFormat {
    // The usual case (a canonical name already cached) costs no formatter construction.
    let key = zone;
    let format = this.formats.get(key);
    if (!format) {
      key = canonicalTimeZone(zone);
      format = this.formats.get(key) ?? new Intl.DateTimeFormat(this.locale, { ...this.options, timeZone: key });
    }
    // Most recently used last: re-insert, then drop the oldest beyond the limit.
    this.formats.delete(key);
    this.formats.set(key, format);
    if (this.formats.size > this.limit) this.formats.delete(this.formats.keys().next().value as string);
    return format;
  }
}
