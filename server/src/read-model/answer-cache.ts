import type { Sql } from '../shared/sql.js';

type Row = Record<string, unknown>;

/**
 * The answers of compiled page reads, kept while the database has not changed: for the embedded
 * database only, where this process is the only one that reads and writes (the data folder is
 * locked to it). The version is PostgreSQL's WAL insert position, read by the session look-up at
 * the start of each request (modules/auth/session.service.ts): any change to a logged table moves
 * it, so an answer is reused only by requests that began with the database exactly as it was when
 * the answer was read (a write committed before a request began is always seen). Statements whose
 * answer depends on the clock are never kept. Bounded by the bytes of the answers kept (least
 * recently used first out); a hit returns a copy, so nothing downstream can change what is kept.
 */
const TIME_DEPENDENT =
  /\b(?:now|clock_timestamp|statement_timestamp|transaction_timestamp|timeofday)\s*\(|\bcurrent_(?:date|time|timestamp)\b|\blocaltime(?:stamp)?\b|\bage\s*\(/i;

/** A WAL position `X/Y` (hexadecimal) as a number. */
function lsn(version: string): bigint {
  const [high, low] = version.split('/');
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}

export class AnswerCache {
  private readonly entries = new Map<string, { rows: Row[]; bytes: number }>();
  private bytes = 0;
  private latest = -1n;
  /** Hits and misses, for the tests and the bench. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(private readonly maxBytes = 8 * 1024 * 1024) {}

  /** The rows of `statement` at `version`: kept ones, or `read`'s (then kept when they may be). */
  async answer(version: string, statement: Sql, read: () => Promise<Row[]>): Promise<Row[]> {
    if (TIME_DEPENDENT.test(statement.text)) return read();
    const key = `${version}\u0000${statement.text}\u0000${JSON.stringify(statement.params)}`;
    const kept = this.entries.get(key);
    if (kept) {
      this.stats.hits++;
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return structuredClone(kept.rows);
    }
    this.stats.misses++;
    const rows = await read();
    // Answers of an older version are of no more use once a newer one is seen: dropped at once.
    // A request that began before the last change keeps nothing.
    const position = lsn(version);
    if (position > this.latest) {
      this.latest = position;
      this.entries.clear();
      this.bytes = 0;
    }
    const bytes = key.length + JSON.stringify(rows).length;
    if (position === this.latest && bytes <= this.maxBytes / 8) {
      this.entries.set(key, { rows: structuredClone(rows), bytes });
      this.bytes += bytes;
      for (const [old, entry] of this.entries) {
        if (this.bytes <= this.maxBytes) break;
        this.entries.delete(old);
        this.bytes -= entry.bytes;
      }
    }
    return rows;
  }
}
