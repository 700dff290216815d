import type { Message } from '../../shared/messages/index.js';
import { type Found, LookAlikes } from './look-alikes.js';
import type { Decisions, RowPlan } from './plan-model.js';
import { byOwnId, markCreated, settleLookAlikes, skippedAsEarlierRow } from './row-settlement.js';

/** What a record or a row is matched by. */
export interface MatchKeys {
  /** A key that names one record (a website's domain, an e-mail), when there is one. */
  unique: string | null;
  /** The folded name. */
  folded: string;
  /** Where a name is matched (a company's country, a contact's company). */
  group: string;
}

/** Why a row matches a record (the preview says it in the viewer's language). */
export interface MatchReasons<T> {
  unique: (key: string, record: T) => Message;
  name: (record: T) => Message;
}

/**
 * How a row finds the record it stands for, the same for companies and contacts: by its id
 * column, else by its unique key, else by its name within its group (the first record of each
 * key wins). A row standing for the same record or keys as an earlier row of the file is
 * skipped; one that matches nothing is created, unless it resembles records or earlier rows
 * (then its decision settles it).
 */
export class RecordMatcher<T extends { id: string }> {
  readonly byId = new Map<string, T>();
  private readonly byUnique = new Map<string, T>();
  private readonly byName = new Map<string, T>();
  private readonly lookAlikes = new LookAlikes();
  /** Earlier rows of the file: by unique key, by name, by the record each one matched. */
  private readonly fileUnique = new Map<string, number>();
  private readonly fileNames = new Map<string, number>();
  private readonly claimed = new Map<string, number>();

  constructor(
    private readonly nameOf: (record: T) => string,
    private readonly reasons: MatchReasons<T>,
  ) {}

  addRecord(record: T, keys: MatchKeys, found: Omit<Found, 'id' | 'name'>): void {
    this.byId.set(record.id, record);
    if (keys.unique && !this.byUnique.has(keys.unique)) this.byUnique.set(keys.unique, record);
    const nameKey = `${keys.folded}|${keys.group}`;
    if (!this.byName.has(nameKey)) this.byName.set(nameKey, record);
    this.lookAlikes.addRecord(keys.folded, keys.group, { id: record.id, name: this.nameOf(record), ...found });
  }

  /**
   * The record the row stands for (now its target), `created` when it creates one, or `settled`
   * when it is skipped or waits for a decision. Reasons are added to the row as it goes.
   */
  match(
    row: RowPlan,
    ownId: string | null,
    keys: MatchKeys,
    found: Omit<Found, 'row'>,
    decisions: Decisions,
  ): { target: T } | 'created' | 'settled' {
    const { unique } = keys;
    const nameKey = `${keys.folded}|${keys.group}`;
    let target = byOwnId(row, ownId, this.byId, this.nameOf);
    if (!target && unique) {
      target = this.byUnique.get(unique);
      if (target) row.reasons.push(this.reasons.unique(unique, target));
    }
    if (!target) {
      target = this.byName.get(nameKey);
      if (target) row.reasons.push(this.reasons.name(target));
    }
    const sameRow = target
      ? this.claimed.get(target.id)
      : ((unique ? this.fileUnique.get(unique) : undefined) ?? this.fileNames.get(nameKey));
    if (skippedAsEarlierRow(row, sameRow)) return 'settled';

    let created = false;
    if (!target) {
      row.candidates = this.lookAlikes.of(keys.folded, keys.group);
      const settled = settleLookAlikes(row, decisions, this.byId, this.nameOf);
      if (settled.skip) return 'settled';
      created = settled.created;
      target = settled.target;
    }
    if (target) {
      this.claimed.set(target.id, row.row);
      row.target = { id: target.id, name: this.nameOf(target) };
      return { target };
    }
    if (created) markCreated(row);
    if (unique) this.fileUnique.set(unique, row.row);
    this.fileNames.set(nameKey, row.row);
    this.lookAlikes.addRow(keys.folded, keys.group, { row: row.row, ...found });
    return created ? 'created' : 'settled';
  }
}
