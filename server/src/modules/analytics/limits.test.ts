import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { ExportValueDimension as D } from './export-value.type.js';
import { calendarPeriods } from './limits.js';

/** The periods an exportValue lists from `from` to `to`: what its row limit and cost count, before any SQL. */
describe('calendarPeriods', () => {
  it('counts the periods of the finest calendar dimension, both ends included, cut ones too', () => {
    expect(calendarPeriods([D.MONTH], '2025-01-31', '2025-02-01')).toBe(2);
    expect(calendarPeriods([D.YEAR, D.MONTH], '2016-01-01', '2025-12-31')).toBe(120);
    expect(calendarPeriods([D.QUARTER], '2025-03-31', '2025-04-01')).toBe(2);
    expect(calendarPeriods([D.QUARTER, D.YEAR], '2016-01-01', '2026-01-01')).toBe(41);
    expect(calendarPeriods([D.HALF_YEAR], '2024-06-30', '2025-07-01')).toBe(4);
    expect(calendarPeriods([D.YEAR], '1926-01-01', '2025-12-31')).toBe(100);
  });

  it('is 1 without a calendar dimension, and for a range backwards (refused elsewhere)', () => {
    expect(calendarPeriods([D.EXPORTER, D.COUNTRY], '1926-01-01', '2025-12-31')).toBe(1);
    expect(calendarPeriods([], '2025-01-01', '2025-12-31')).toBe(1);
    expect(calendarPeriods([D.MONTH], '2025-12-01', '2025-01-01')).toBe(1);
  });
});
