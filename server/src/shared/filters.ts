import { badInput } from './connection.js';
import { isUuid } from './ids.js';
import { DEFAULT_LANGUAGE, type Language, msg, render } from './messages/index.js';

/**
 * What every list filter needs, with one rule each:
 * - text ("nameContains"…): trimmed, empty means no condition, longer than MAX_FILTER_TEXT is
 *   BAD_USER_INPUT (in the request's language); matched literally (%, _ and \ escaped);
 * - id lists: an id that is not a UUID matches nothing, as an unknown id does (never an error);
 *   an empty list means no condition;
 * - country and currency codes: trimmed and upper-cased ("ma" finds MA); a malformed code
 *   matches nothing.
 */

/** The longest text a filter takes (as a search query). */
export const MAX_FILTER_TEXT = 200;

/** `%`, `_` and `\` match themselves in a LIKE pattern. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&');
}

/** A LIKE pattern matching values that contain `value` literally. */
export function containsPattern(value: string): string {
  return `%${escapeLike(value)}%`;
}

/** The trimmed text of a filter field, null when empty; BAD_USER_INPUT when over MAX_FILTER_TEXT. */
export function filterText(
  value: string | null | undefined,
  field: string,
  language: Language = DEFAULT_LANGUAGE,
): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (trimmed.length > MAX_FILTER_TEXT) {
    throw badInput(render(msg('filterTextTooLong', { field, max: MAX_FILTER_TEXT }), language), 'filter');
  }
  return trimmed;
}

/** The well-formed ids of a list, once each: the others could only match nothing. */
export function validIds(ids: readonly string[]): string[] {
  return [...new Set(ids.filter(isUuid))];
}

/** The condition of an id list, or undefined for no condition (null or empty list). */
export function idList(ids: readonly string[] | null | undefined): { $in: string[] } | undefined {
  return ids && ids.length > 0 ? { $in: validIds(ids) } : undefined;
}

function codes(values: readonly string[], shape: RegExp): string[] {
  return [...new Set(values.map((code) => code.trim().toUpperCase()).filter((code) => shape.test(code)))];
}

/** ISO 3166-1 alpha-2 codes of a filter list, upper-cased, malformed ones left out. */
export function countryCodes(values: readonly string[]): string[] {
  return codes(values, /^[A-Z]{2}$/);
}

/** ISO 4217 codes of a filter list, upper-cased, malformed ones left out. */
export function currencyCodes(values: readonly string[]): string[] {
  return codes(values, /^[A-Z]{3}$/);
}

/** A list of enum values as a condition; undefined for no condition. */
export function anyOf<T>(values: readonly T[] | null | undefined): { $in: T[] } | undefined {
  return values && values.length > 0 ? { $in: [...values] } : undefined;
}

/** `{ field: condition }` for each condition given (undefined ones are no condition), for an `$and`. */
export function conditions(byField: Record<string, unknown>): object[] {
  return Object.entries(byField)
    .filter(([, condition]) => condition !== undefined)
    .map(([field, condition]) => ({ [field]: condition }));
}
