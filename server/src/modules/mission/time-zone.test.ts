import { describe, expect, it } from 'vitest';
import { cachedZoneFormatCount, zonedParts } from '../../shared/tabular/values.js';
import { cachedZoneCount, dayBounds, isTimeZone } from './time-zone.js';

/** Every upper/lower-case spelling of a zone name, up to `limit` of them. */
function spellings(zone: string, limit: number): string[] {
  const letters = [...zone].map((c, i) => [c, i] as const).filter(([c]) => c.toLowerCase() !== c.toUpperCase());
  const out: string[] = [];
  for (let mask = 0; mask < 2 ** letters.length && out.length < limit; mask++) {
    const chars = [...zone];
    letters.forEach(([c, i], bit) => {
      chars[i] = mask & (2 ** bit) ? c.toUpperCase() : c.toLowerCase();
    });
    out.push(chars.join(''));
  }
  return out;
}

const MANY_ZONES = Intl.supportedValuesOf('timeZone');
const BOUND = 64;

describe('time-zone formatter caches (issue 12, finding 4)', () => {
  it('keeps one agenda formatter for every capitalisation of a zone, with the same answer', () => {
    const variants = spellings('America/Argentina/Buenos_Aires', 300);
    expect(new Set(variants).size).toBe(300);
    const expected = dayBounds('2026-03-29', 'America/Argentina/Buenos_Aires');
    const before = cachedZoneCount();
    for (const zone of variants) expect(dayBounds('2026-03-29', zone)).toEqual(expected);
    expect(cachedZoneCount() - before).toBeLessThanOrEqual(1);
  });

  it('keeps one export formatter for every capitalisation of a zone, with the same answer', () => {
    const instant = new Date('2026-07-01T12:34:00Z');
    const variants = spellings('Pacific/Port_Moresby', 300);
    const before = cachedZoneFormatCount();
    for (const zone of variants) expect(zonedParts(instant, zone)).toEqual({ day: '2026-07-01', time: '22:34' });
    expect(cachedZoneFormatCount() - before).toBeLessThanOrEqual(1);
  });

  it('never caches more than a small bound of formatters, however many distinct zones are asked', () => {
    expect(MANY_ZONES.length).toBeGreaterThan(BOUND * 2);
    for (const zone of MANY_ZONES) {
      dayBounds('2026-01-15', zone);
      zonedParts(new Date('2026-01-15T00:00:00Z'), zone);
      expect(cachedZoneCount()).toBeLessThanOrEqual(BOUND);
      expect(cachedZoneFormatCount()).toBeLessThanOrEqual(BOUND);
    }
    // Still right after eviction.
    expect(dayBounds('2026-06-01', 'europe/moscow').start.toISOString()).toBe('2026-05-31T21:00:00.000Z');
  });

  it('still refuses an unknown zone, without caching it', () => {
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('europe/MOSCOW')).toBe(true);
    const before = [cachedZoneCount(), cachedZoneFormatCount()];
    expect(() => dayBounds('2026-01-15', 'Mars/Olympus')).toThrow(RangeError);
    expect(() => zonedParts(new Date(), 'Mars/Olympus')).toThrow(RangeError);
    expect([cachedZoneCount(), cachedZoneFormatCount()]).toEqual(before);
  });
});
