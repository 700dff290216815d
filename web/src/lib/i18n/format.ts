import { intlLocale, type Language } from './languages';

// Intl formatters are costly to build and formatting runs per table cell: keep them.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${language}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(language), options);
    cache.set(key, format);
  }
  return format;
}

function dateTimeFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${language}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(language), options);
    cache.set(key, format);
  }
  return format;
}

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/**
 * Money arrives from the API as a decimal string: formatting the string itself (not a
 * float) keeps every digit exact. The currency's own minor units apply (EUR 2, XOF 0, ...).
 */
export function formatMoney(amount: string, currency: string, language: Language): string {
  const trimmed = amount.trim();
  if (!DECIMAL.test(trimmed)) return `${amount} ${currency}`;
  return numberFormat(language, { style: 'currency', currency }).format(trimmed as Intl.StringNumericLiteral);
}

/** Money for KPIs and chart axes: "RUB 34.3M", "34,3 M RUB". Exact figures belong in tables. */
export function formatMoneyCompact(amount: string | number, currency: string, language: Language): string {
  const value = typeof amount === 'number' ? amount : Number(amount);
  if (!Number.isFinite(value)) return `${amount} ${currency}`;
  return numberFormat(language, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);
}

/** Money rounded to whole units, for headline figures and board totals: "RUB 150,493,000". */
export function formatMoneyWhole(amount: string | number, currency: string, language: Language): string {
  return formatNumber(amount, language, {
    style: 'currency',
    currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  });
}

export function formatNumber(
  value: number | string,
  language: Language,
  options: Intl.NumberFormatOptions = {},
): string {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (!DECIMAL.test(trimmed)) return value;
    return numberFormat(language, options).format(trimmed as Intl.StringNumericLiteral);
  }
  return numberFormat(language, options).format(value);
}

/** Accepts a Date or the API's ISO-8601 DateTime string. */
export function formatDate(
  value: Date | string,
  language: Language,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return dateTimeFormat(language, options).format(date);
}
