import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, minusYears, periodOf } from './calendar.js';
import { ExportValueDimension as D } from './export-value.type.js';

/** Calendar arithmetic at the edges of what the Date scalar accepts (0100-01-01 to 9999-12-31). */
describe('calendar days', () => {
  it('ends every period of the last year on 9999-12-31, without stepping into year 10000', () => {
    expect(periodOf(D.MONTH, '9999-12-01')).toEqual({ label: '9999-12', end: '9999-12-31' });
    expect(periodOf(D.QUARTER, '9999-10-01')).toEqual({ label: '9999-Q4', end: '9999-12-31' });
    expect(periodOf(D.HALF_YEAR, '9999-07-01')).toEqual({ label: '9999-H2', end: '9999-12-31' });
    expect(periodOf(D.YEAR, '9999-01-01')).toEqual({ label: '9999', end: '9999-12-31' });
  });

  it('keeps years below 100 as they are (not 19xx), and 29 February', () => {
    expect(minusYears('0100-06-15', 1)).toBe('0099-06-15');
    expect(addDays('0100-01-01', -1)).toBe('0099-12-31');
    expect(minusYears('2024-02-29', 1)).toBe('2023-02-28');
    expect(minusYears('2025-02-28', 1)).toBe('2024-02-28');
    expect(periodOf(D.MONTH, '2024-02-01').end).toBe('2024-02-29');
    expect(daysBetween('0100-01-01', '0100-12-31')).toBe(365);
  });
});
