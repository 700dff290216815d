/**
 * Trigram similarity as pg_trgm computes it (`similarity(a, b)`): each word padded with two
 * spaces before and one after, its three-letter slices as a set, and shared / (all distinct).
 * Computed here on `fold`ed names, so rows of a file compare with each other and with the
 * records the same way, in one pass, without a statement per row.
 */
export function trigrams(folded: string): Set<string> {
  const set = new Set<string>();
  for (const word of folded.split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  }
  return set;
}

export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Names at or above this similarity are "possible duplicates" (a person decides). At 0.5,
 * "Conserveries Atlantique Sud" and "Conserveries de l'Atlantique Sud SARL" (0.76), "Soleil
 * Atlas Énergie" and "Soleil Atlas Energie SA" (0.91) or "Volumetrix 3D" and "Volumetrics 3D
 * Lab" (0.55) are caught, while two names sharing a word ("Atlas Santé Distribution" and "Atlas
 * Smart Solutions", 0.28) are not. See docs/import.md.
 */
export const SIMILARITY_THRESHOLD = 0.5;

/** Trigrams held by more entries than this are too common to find candidates by (still counted in the score). */
const COMMON = 2_000;

/** An inverted index of trigram sets: finds the entries most similar to a name without comparing all pairs. */
export class TrigramIndex<T> {
  private readonly postings = new Map<string, number[]>();
  private readonly entries: { grams: Set<string>; value: T }[] = [];

  add(grams: Set<string>, value: T): void {
    const id = this.entries.length;
    this.entries.push({ grams, value });
    for (const gram of grams) {
      let list = this.postings.get(gram);
      if (!list) {
        list = [];
        this.postings.set(gram, list);
      }
      list.push(id);
    }
  }

  /** Entries whose similarity is at least `threshold`, best first, at most `limit`. */
  similar(
    grams: Set<string>,
    threshold: number,
    limit: number,
    accept: (value: T) => boolean,
  ): { value: T; score: number }[] {
    const shared = new Map<number, number>();
    for (const gram of grams) {
      const list = this.postings.get(gram);
      if (!list || list.length > COMMON) continue;
      for (const id of list) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const found: { value: T; score: number }[] = [];
    for (const id of shared.keys()) {
      const entry = this.entries[id];
      const score = similarity(grams, entry.grams);
      if (score >= threshold && accept(entry.value)) found.push({ value: entry.value, score });
    }
    return found.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
