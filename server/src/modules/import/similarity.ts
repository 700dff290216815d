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

/** Size of the intersection of two ascending arrays. */
function overlap(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared;
}

/**
 * An inverted index of trigram sets: finds the entries most similar to a name without comparing
 * all pairs. Prefix filtering keeps it exact and cheap: similarity ≥ t needs at least ⌈t·|A|⌉
 * shared trigrams, so a match holds one of A's |A| − ⌈t·|A|⌉ + 1 rarest trigrams; only their
 * postings are read, entries too short or too long to reach t are passed over, and the others
 * are scored exactly on sorted trigram ids.
 */
export class TrigramIndex<T> {
  private readonly ids = new Map<string, number>();
  private readonly postings: number[][] = [];
  private readonly entries: { grams: Int32Array; value: T }[] = [];
  /** The query that last saw each entry: a cheaper "seen" than a Set per query. */
  private stamps = new Uint32Array(1024);
  private query = 0;

  private encode(grams: Set<string>, create: boolean): Int32Array {
    const out: number[] = [];
    for (const gram of grams) {
      let id = this.ids.get(gram);
      if (id === undefined && create) {
        id = this.postings.length;
        this.ids.set(gram, id);
        this.postings.push([]);
      }
      if (id !== undefined) out.push(id);
    }
    return Int32Array.from(out).sort();
  }

  add(grams: Set<string>, value: T): void {
    const entry = this.entries.length;
    const encoded = this.encode(grams, true);
    this.entries.push({ grams: encoded, value });
    for (const id of encoded) this.postings[id].push(entry);
  }

  /** Entries whose similarity is at least `threshold`, best first, at most `limit`. */
  similar(
    grams: Set<string>,
    threshold: number,
    limit: number,
    accept: (value: T) => boolean,
  ): { value: T; score: number }[] {
    const size = grams.size;
    if (size === 0 || this.entries.length === 0) return [];
    // Trigrams no entry has still count in |A|: they can only lower the score.
    const known = this.encode(grams, false);
    const lists = [...known].map((id) => this.postings[id]).sort((a, b) => a.length - b.length);
    const prefix = size - Math.ceil(threshold * size) + 1;
    const smallest = Math.ceil(threshold * size);
    const largest = Math.floor(size / threshold);
    if (this.stamps.length < this.entries.length) {
      const grown = new Uint32Array(this.entries.length * 2);
      grown.set(this.stamps);
      this.stamps = grown;
    }
    const stamp = ++this.query;
    const found: { value: T; score: number }[] = [];
    for (const list of lists.slice(0, prefix)) {
      for (const entryId of list) {
        if (this.stamps[entryId] === stamp) continue;
        this.stamps[entryId] = stamp;
        const entry = this.entries[entryId];
        const other = entry.grams.length;
        if (other < smallest || other > largest) continue;
        const shared = overlap(known, entry.grams);
        const score = shared / (size + other - shared);
        if (score >= threshold && accept(entry.value)) found.push({ value: entry.value, score });
      }
    }
    return found.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
