/**
 * The form of a name used to find duplicates and to search: accents removed, case folded,
 * punctuation and repeated spaces collapsed. "Société  Générale" and "societe generale" match.
 */
export function normalizeName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
