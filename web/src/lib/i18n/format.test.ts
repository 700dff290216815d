import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatNumber } from './format';

// Intl uses no-break spaces: U+202F (narrow) to group digits in French, U+00A0 elsewhere.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatMoney', () => {
  it('follows each language’s conventions', () => {
    expect(formatMoney('1234.5', 'EUR', 'fr')).toBe(`1${NNBSP}234,50${NBSP}€`);
    expect(formatMoney('1234.5', 'EUR', 'en')).toBe('€1,234.50');
    expect(formatMoney('1234.5', 'EUR', 'ru')).toBe(`1${NBSP}234,50${NBSP}€`);
  });

  it('uses the currency’s own minor units', () => {
    // West African CFA franc: no decimals. (The space inside "F CFA" varies with ICU data.)
    expect(formatMoney('1500000', 'XOF', 'fr')).toMatch(new RegExp(`^1${NNBSP}500${NNBSP}000${NBSP}F\\sCFA$`));
    expect(formatMoney('99.999', 'USD', 'en')).toBe('US$100.00');
  });

  it('keeps every digit of amounts too large for a float', () => {
    expect(formatMoney('12345678901234567.89', 'EUR', 'en')).toBe('€12,345,678,901,234,567.89');
  });

  it('shows a negative amount and survives a malformed one', () => {
    expect(formatMoney('-42', 'RUB', 'ru')).toBe(`-42,00${NBSP}₽`);
    expect(formatMoney('n/a', 'EUR', 'fr')).toBe('n/a EUR');
  });
});

describe('formatNumber', () => {
  it('groups digits per language', () => {
    expect(formatNumber(1234567.891, 'fr')).toBe(`1${NNBSP}234${NNBSP}567,891`);
    expect(formatNumber('1234567.891', 'en')).toBe('1,234,567.891');
    expect(formatNumber(1234567.891, 'ru')).toBe(`1${NBSP}234${NBSP}567,891`);
  });
});

describe('formatDate', () => {
  it('writes the API’s ISO dates per language', () => {
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };
    expect(formatDate('2026-03-09T10:00:00Z', 'fr', options)).toBe('9 mars 2026');
    expect(formatDate('2026-03-09T10:00:00Z', 'en', options)).toBe('9 March 2026');
    expect(formatDate('2026-03-09T10:00:00Z', 'ru', options)).toBe('9 марта 2026 г.');
  });

  it('returns an unparseable value as given', () => {
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });
});
