/**
 * Exact sums of the API's decimal strings (2 decimals at most): cents as BigInt, so totals of
 * large amounts stay exact. Charts, which only need a bar length, use toNumber.
 */
export function sumDecimals(amounts: readonly string[]): string {
  let cents = 0n;
  for (const amount of amounts) {
    const match = /^([+-]?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
    if (!match) continue;
    const [, sign, whole = '0', fraction = ''] = match;
    const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0') || '0');
    cents += sign === '-' ? -value : value;
  }
  const negative = cents < 0n;
  const absolute = negative ? -cents : cents;
  const whole = absolute / 100n;
  const fraction = String(absolute % 100n).padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

export function toNumber(amount: string): number {
  const value = Number(amount);
  return Number.isFinite(value) ? value : 0;
}

/** Money rounded to whole units, for headline figures: "RUB 150,493,000". */
export function wholeMoney(currency: string): Intl.NumberFormatOptions {
  return { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 };
}
