import Decimal from 'decimal.js';

/**
 * Exact arithmetic on the API's decimal strings ("1250.50") with decimal.js, as the server does:
 * no floating-point drift, no precision lost on large totals. Charts, which only need a bar
 * length, use toNumber.
 */

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

function parse(value: string): Decimal | null {
  const trimmed = value.trim();
  return DECIMAL.test(trimmed) ? new Decimal(trimmed) : null;
}

function scaleOf(value: string): number {
  const point = value.trim().indexOf('.');
  return point < 0 ? 0 : value.trim().length - point - 1;
}

/** a + b (or a - b with sign -1), at the larger of their scales; null when either is not a decimal. */
export function addDecimal(a: string, b: string, sign: 1 | -1 = 1): string | null {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return null;
  // The strings' own scales ("1250.50" has 2), which Decimal forgets along with trailing zeros.
  const scale = Math.max(scaleOf(a), scaleOf(b));
  return (sign === 1 ? x.plus(y) : x.minus(y)).toFixed(scale);
}

/** The sum of money amounts with two decimals ("1250.50"); what is not a decimal is skipped. */
export function sumDecimals(amounts: readonly string[]): string {
  let sum = new Decimal(0);
  for (const amount of amounts) {
    const value = parse(amount);
    if (value) sum = sum.plus(value);
  }
  return sum.toFixed(2);
}

/** A decimal string as a number (0 when it is not one), for bar lengths and chart scales. */
export function toNumber(amount: string): number {
  const value = Number(amount);
  return Number.isFinite(value) ? value : 0;
}
