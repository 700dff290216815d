/**
 * The search form of a text, as PostgreSQL's `crm_fold` computes it (see the search migration):
 * Cyrillic transliterated, accents removed, lower case, the common Latin spellings of Russian
 * sounds folded alike ("Ovtchinski", "Ovchinsky" and "Овчинский" all give "ovchinski"), repeated
 * letters collapsed, punctuation to single spaces. Used where the database cannot be asked: rows
 * of an import file compared with each other, and highlights in search snippets. A test keeps it
 * equal to the SQL function.
 */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Applied in this order after lower-casing (exported for search highlights, which replay them). */
export const LATIN_SPELLINGS: [RegExp, string][] = [
  [/tch/g, 'ch'],
  [/kh/g, 'h'],
  [/ou/g, 'u'],
  [/x/g, 'ks'],
  [/w/g, 'v'],
  [/tz/g, 'ts'],
  [/y/g, 'i'],
  [/([a-z])\1+/g, '$1'],
];

/** Cyrillic letters to Latin, one character at a time (upper case folded first). */
export function transliterate(value: string): string {
  let out = '';
  for (const char of value) {
    const lower = char.toLowerCase();
    const latin = CYRILLIC[lower];
    out += latin === undefined ? char : latin;
  }
  return out;
}

/** Latin letters of a text, accents and ligatures undone, lower case: the first step of `fold`. */
export function latinLetters(value: string): string {
  return transliterate(value)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/gi, 'ae')
    .replace(/œ/gi, 'oe')
    .replace(/ø/gi, 'o')
    .replace(/đ/gi, 'd')
    .replace(/ł/gi, 'l')
    .toLowerCase();
}

export function fold(value: string): string {
  let text = latinLetters(value);
  for (const [pattern, replacement] of LATIN_SPELLINGS) text = text.replace(pattern, replacement);
  return text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** "https://www.fishworld.ma/contact" → "fishworld.ma"; null when there is no host. */
export function websiteDomain(website: string | null | undefined): string | null {
  if (!website) return null;
  const match = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\.)?([^/:?#\s]+)/i.exec(website.trim());
  const host = match?.[1]?.toLowerCase();
  return host?.includes('.') ? host : null;
}

/** The part after the @ of an e-mail address, lower case; null when there is none. */
export function emailDomain(email: string | null | undefined): string | null {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 0) return null;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return domain.includes('.') ? domain : null;
}

/** Mail services whose domain says nothing about the company. */
export const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.fr',
  'hotmail.com',
  'hotmail.fr',
  'outlook.com',
  'live.com',
  'icloud.com',
  'mail.ru',
  'yandex.ru',
  'ya.ru',
  'bk.ru',
  'inbox.ru',
  'list.ru',
  'rambler.ru',
  'gmx.de',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'wanadoo.fr',
  'menara.ma',
  'protonmail.com',
  'proton.me',
]);
