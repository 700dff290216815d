import type { Language } from '../messages/index.js';
import { ZoneFormats } from '../zone-formats.js';

/**
 * How values are written in files that go out (export) and read when they come back (import),
 * so that an exported list imports back unchanged. Each writer has its reader here; the pairs
 * are tested together (values.test.ts).
 *
 * - Lists (brands, languages, sectors) are joined with LIST_SEPARATOR ("; "): brand names hold
 *   commas more often than semicolons. Reading splits on ";" (and on line breaks) and trims.
 * - Dates: fr 31/12/2026, ru 31.12.2026, en 2026-12-31 (ISO: unambiguous for English readers on
 *   both sides of the Atlantic). Reading accepts the three forms whatever the language.
 * - Decimals: the locale's decimal separator, no thousands grouping (Excel reads "1234,5" as a
 *   number in a French sheet, while a grouped "1 234,5" may stay text): fr/ru 1234,5, en 1234.5.
 *   Reading accepts either separator and drops spaces used as grouping.
 * - CSV: UTF-8 with a BOM; ";" between fields in French and Russian (their Excel's list
 *   separator, since "," is their decimal separator), "," in English.
 */
export const LIST_SEPARATOR = '; ';

export function joinList(values: readonly string[] | null | undefined): string {
  return (values ?? []).join(LIST_SEPARATOR);
}

export function splitList(text: string | null | undefined): string[] {
  if (text == null) return [];
  return text
    .split(/[;\n\r]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function csvDelimiter(language: Language): ',' | ';' {
  return language === 'en' ? ',' : ';';
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An ISO day (2026-12-31) as the language writes it. */
export function formatDay(isoDay: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return isoDay;
  const [, y, m, d] = match;
  if (language === 'fr') return `${d}/${m}/${y}`;
  if (language === 'ru') return `${d}.${m}.${y}`;
  return `${y}-${m}-${d}`;
}

/** The ISO day of a date written as formatDay writes it (any of the three forms), or null. */
export function parseDay(text: string | null | undefined): string | null {
  const value = text?.trim() ?? '';
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const local = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value);
  const parts = iso
    ? { y: iso[1]!, m: iso[2]!, d: iso[3]! }
    : local
      ? { y: local[3]!, m: local[2]!, d: local[1]! }
      : undefined;
  if (!parts) return null;
  const y = Number(parts.y);
  const m = Number(parts.m);
  const d = Number(parts.d);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/**
 * Formatters by time zone: building one costs far more than using it (an export formats 100,000s).
 * Bounded and keyed by canonical zone name, since the zone comes from the client.
 */
const zoneFormats = new ZoneFormats(
  { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  'en-CA',
);

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  return zoneFormats.get(timeZone);
}

/** The wall-clock day and time of an instant in a time zone: { day: '2026-12-31', time: '14:30' }. */
export function zonedParts(instant: Date, timeZone: string): { day: string; time: string } {
  const parts: Record<string, string> = {};
  for (const part of zoneFormat(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** An instant as the language writes it, in a time zone: "31/12/2026 14:30" (fr). */
export function formatDateTime(instant: Date, language: Language, timeZone: string): string {
  const { day, time } = zonedParts(instant, timeZone);
  return `${formatDay(day, language)} ${time}`;
}

/** A decimal (as the database writes it: "1234.50") with the language's decimal separator. */
export function formatDecimal(decimal: string | number, language: Language): string {
  const text = String(decimal);
  return language === 'en' ? text : text.replace('.', ',');
}

/** The decimal ("1234.50") in a cell written by formatDecimal or by hand ("1 234,50"), or null. */
export function parseDecimal(text: string | null | undefined): string | null {
  const value = (text ?? '').replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(value) ? value : null;
}

/** Excel number formats of typed cells (XLSX), per language. */
export function excelDateFormat(language: Language): string {
  if (language === 'fr') return 'dd/mm/yyyy';
  if (language === 'ru') return 'dd.mm.yyyy';
  return 'yyyy-mm-dd';
}

export function excelDateTimeFormat(language: Language): string {
  return `${excelDateFormat(language)} hh:mm`;
}

export const EXCEL_DECIMAL_FORMAT = '#,##0.00';

/**
 * A text cell that a spreadsheet would run as a formula (=, @, a tab, or + and - not followed by
 * a number or phone number) goes out in CSV behind an apostrophe, which Excel and LibreOffice
 * show as text; `restoreCsvText` takes it off when such a file comes back.
 */
const FORMULA_START = /^(?:[=@\t\r]|[+-](?![\d\s()./-]*$))/;

export function neutralizeCsvText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function restoreCsvText(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** How many zone formatters are cached (for tests). */
export function cachedZoneFormatCount(): number {
  return zoneFormats.size;
}
