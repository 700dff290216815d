import { Locale } from '../user/user.enums.js';

const RUSSIAN_SPEAKING = new Set(['RU', 'BY', 'KZ', 'KG']);
const FRENCH_SPEAKING = new Set([
  'MA',
  'FR',
  'BE',
  'CH',
  'DZ',
  'TN',
  'SN',
  'CI',
  'CM',
  'ML',
  'BF',
  'NE',
  'GA',
  'CD',
  'CG',
  'LU',
]);

/** An agency's language, from its country: the language its staff work in and its data is written in. */
export function localeOfCountry(country: string): Locale {
  if (RUSSIAN_SPEAKING.has(country)) return Locale.ru;
  if (FRENCH_SPEAKING.has(country)) return Locale.fr;
  return Locale.en;
}
