import type { Candidate } from './plan-model.js';
import { SIMILARITY_THRESHOLD, TrigramIndex, trigrams } from './similarity.js';

/** At most this many records, and this many earlier rows, are offered as a row's look-alikes. */
const POSSIBLE_MATCHES = 3;

/** What a look-alike shows of itself: a record of the CRM (its id) or an earlier row (its number). */
export type Found = Pick<Candidate, 'name'> & Partial<Omit<Candidate, 'score'>>;

interface Entry {
  group: string;
  found: Found;
}

/** A look-alike as the preview lists it; what it lacks is null. */
function candidate(found: Found, score: number): Candidate {
  return {
    id: found.id ?? null,
    row: found.row ?? null,
    name: found.name,
    country: found.country ?? null,
    city: found.city ?? null,
    website: found.website ?? null,
    email: found.email ?? null,
    score,
  };
}

/**
 * The records of the CRM and the earlier rows of the file whose names resemble a row's (trigram
 * similarity of the folded names), among those of its group: a company's country, a contact's
 * company. The records come first, then the rows.
 */
export class LookAlikes {
  private readonly records = new TrigramIndex<Entry>();
  private readonly rows = new TrigramIndex<Entry>();

  addRecord(folded: string, group: string, found: Found & { id: string }): void {
    this.records.add(trigrams(folded), { group, found });
  }

  addRow(folded: string, group: string, found: Found & { row: number }): void {
    this.rows.add(trigrams(folded), { group, found });
  }

  of(folded: string, group: string): Candidate[] {
    const grams = trigrams(folded);
    return [this.records, this.rows].flatMap((index) =>
      index
        .similar(grams, SIMILARITY_THRESHOLD, POSSIBLE_MATCHES, (entry) => entry.group === group)
        .map(({ value, score }) => candidate(value.found, score)),
    );
  }
}
