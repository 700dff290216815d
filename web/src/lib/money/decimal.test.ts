import { describe, expect, it } from 'vitest';
import { addDecimal, sumDecimals, toNumber } from './decimal';

describe('addDecimal', () => {
  it('adds and subtracts exactly at the larger scale', () => {
    expect(addDecimal('0.1', '0.2')).toBe('0.3');
    expect(addDecimal('1250.50', '10')).toBe('1260.50');
    expect(addDecimal('10', '12.25', -1)).toBe('-2.25');
    expect(addDecimal('12345678901234567.89', '0.01')).toBe('12345678901234567.90');
  });

  it('refuses what is not a decimal', () => {
    expect(addDecimal('1e3', '1')).toBeNull();
    expect(addDecimal('1', 'n/a')).toBeNull();
  });
});

describe('sumDecimals', () => {
  it('sums to two decimals and skips malformed amounts', () => {
    expect(sumDecimals([])).toBe('0.00');
    expect(sumDecimals(['1000000000000000.10', '0.2', 'x', '-0.05'])).toBe('1000000000000000.25');
  });
});

describe('toNumber', () => {
  it('falls back to 0', () => {
    expect(toNumber('12.5')).toBe(12.5);
    expect(toNumber('n/a')).toBe(0);
  });
});
