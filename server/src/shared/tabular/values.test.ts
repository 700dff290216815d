import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../messages/index.js';
import {
  csvDelimiter,
  formatDateTime,
  formatDay,
  formatDecimal,
  joinList,
  LIST_SEPARATOR,
  neutralizeCsvText,
  parseDay,
  parseDecimal,
  restoreCsvText,
  splitList,
} from './values.js';

describe('values written to files read back unchanged', () => {
  it('lists', () => {
    const brands = ['Zéphyr, Classic', 'Nordlicht', 'Рыбный мир'];
    expect(joinList(brands)).toBe(`Zéphyr, Classic${LIST_SEPARATOR}Nordlicht${LIST_SEPARATOR}Рыбный мир`);
    expect(splitList(joinList(brands))).toEqual(brands);
    expect(splitList('')).toEqual([]);
    expect(splitList(' a ;; b\nc ')).toEqual(['a', 'b', 'c']);
  });

  it('days, as each language writes them', () => {
    expect(formatDay('2026-12-31', 'fr')).toBe('31/12/2026');
    expect(formatDay('2026-12-31', 'ru')).toBe('31.12.2026');
    expect(formatDay('2026-12-31', 'en')).toBe('2026-12-31');
    for (const language of LANGUAGES) expect(parseDay(formatDay('2026-02-03', language))).toBe('2026-02-03');
    expect(parseDay('3/2/2026')).toBe('2026-02-03');
    expect(parseDay('30/02/2026')).toBeNull();
    expect(parseDay('soon')).toBeNull();
  });

  it('decimals with the language’s separator, no grouping', () => {
    expect(formatDecimal('1234.50', 'fr')).toBe('1234,50');
    expect(formatDecimal('1234.50', 'ru')).toBe('1234,50');
    expect(formatDecimal('1234.50', 'en')).toBe('1234.50');
    for (const language of LANGUAGES) expect(parseDecimal(formatDecimal('1234567.05', language))).toBe('1234567.05');
    expect(parseDecimal('1 234,50')).toBe('1234.50');
    expect(parseDecimal('1\u202f234,50')).toBe('1234.50');
    expect(parseDecimal('12abc')).toBeNull();
  });

  it('instants in the reader’s time zone, and the CSV separator Excel expects', () => {
    const instant = new Date('2026-12-31T22:30:00Z');
    expect(formatDateTime(instant, 'fr', 'Europe/Paris')).toBe('31/12/2026 23:30');
    expect(formatDateTime(instant, 'ru', 'Europe/Moscow')).toBe('01.01.2027 01:30');
    expect(formatDateTime(instant, 'en', 'UTC')).toBe('2026-12-31 22:30');
    expect(csvDelimiter('fr')).toBe(';');
    expect(csvDelimiter('ru')).toBe(';');
    expect(csvDelimiter('en')).toBe(',');
  });
});

describe('formula-like CSV text', () => {
  it('goes out behind an apostrophe and comes back as it was; phones and numbers stay as they are', () => {
    for (const text of ['=1+2', '@SUM(A1)', '+cmd|calc', '-2+3 x', '\t=x']) {
      expect(neutralizeCsvText(text)).toBe(`'${text}`);
      expect(restoreCsvText(neutralizeCsvText(text))).toBe(text);
    }
    for (const text of ['+7 495 123-45-67', '-12.5', 'Fish World', "l'Atlas", "'quoted"]) {
      expect(neutralizeCsvText(text)).toBe(text);
      expect(restoreCsvText(text)).toBe(text);
    }
  });
});
