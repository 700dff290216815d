import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { EntityManager } from '@mikro-orm/postgresql';
import { crossAgencyQuery, type Sql, sql } from '../../shared/sql.js';

/**
 * Sign-in limits: failed attempts counted per account (the normalised e-mail) and per client
 * address over a sliding window; over either limit, sign-in is refused before any password is
 * checked. Before the limit, each failure makes the next attempt wait longer.
 *
 * An attempt counts as a failure from the moment it starts (so parallel attempts cannot slip
 * past the limit together) until it is settled: a success takes it back and remembers the
 * address as known to the account. From a known address, the account's own limit does not
 * apply: its owner still signs in while someone elsewhere guesses at it.
 *
 * The counts live in PostgreSQL (issue 15: every server process counts the same failures), in
 * the unlogged tables `sign_in_attempt` (one row per attempt of the window) and
 * `sign_in_known_address` (state that a crash may lose: the counts start again).
 */
export interface LoginThrottle {
  /** Starts an attempt: refused with a wait, or allowed after `delayMs` (the growing delay). */
  attempt(account: string, address: string): Promise<AttemptVerdict>;
  /** Ends an attempt: `success` takes it back and remembers the address; `void` (not checked) takes it back. */
  settle(attempt: AttemptTicket, outcome: 'success' | 'failure' | 'void'): Promise<void>;
}

export interface SignInLimits {
  /** Failed sign-ins per account per window (CRM_LOGIN_ACCOUNT_FAILURES). */
  accountFailures: number;
  /** Failed sign-ins per client address per window (CRM_LOGIN_ADDRESS_FAILURES). */
  addressFailures: number;
  /** The window, in minutes (CRM_LOGIN_WINDOW_MINUTES). */
  windowMinutes: number;
  /** The wait after the first failure, in ms, doubled after each next one (CRM_LOGIN_DELAY_MS). */
  delayMs: number;
}

export interface AttemptTicket {
  account: string;
  address: string;
  at: number;
  /** The attempt's row. */
  id: string;
}

export type AttemptVerdict =
  | { allowed: true; delayMs: number; ticket: AttemptTicket }
  | { allowed: false; retryAfterSeconds: number; limit: 'account' | 'address' };

/** The longest growing delay, whatever the number of failures. */
export const MAX_DELAY_MS = 5_000;
/** Known addresses remembered per account (the most recent). */
const KNOWN_PER_ACCOUNT = 10;
/** Two classes of advisory locks: an account's attempts, then an address's, always in this order. */
const ACCOUNT_LOCK = 1_540_001;
const ADDRESS_LOCK = 1_540_002;
const WHY = 'sign-in throttle: attempts are counted by e-mail and address before anyone is signed in';

/**
 * The key an address is counted under: an IPv6 client usually holds a whole /64, so the
 * address limit counts the /64; IPv4 addresses count one by one.
 */
export function addressKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head, tail = ''] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** Sign-in limits counted in PostgreSQL, shared by every server process on the database. */
export class SqlLoginThrottle implements LoginThrottle {
  constructor(
    private readonly em: EntityManager,
    private readonly limits: SignInLimits,
    private readonly now: () => number = Date.now,
  ) {}

  private retryAfter(oldestDeciding: number, now: number): number {
    // The wait until enough failures leave the window to allow one more attempt.
    const freedAt = oldestDeciding + this.limits.windowMinutes * 60_000;
    return Math.max(1, Math.ceil((freedAt - now) / 1000));
  }

  async attempt(email: string, address: string): Promise<AttemptVerdict> {
    // Counted under a digest of the e-mail: fixed size whatever a client sends (an index holds
    // it), and no e-mail address in the table.
    const account = createHash('sha256').update(email).digest('hex');
    const now = this.now();
    const since = now - this.limits.windowMinutes * 60_000;
    const place = addressKey(address);
    const { accountFailures, addressFailures } = this.limits;
    // One transaction per attempt, holding the account's then the address's lock: parallel
    // attempts, on any process, are counted one after the other.
    return this.em.fork().transactional(async (tx) => {
      const run = <T>(statement: Sql) => crossAgencyQuery<T>(tx, statement, WHY);
      await run(sql`select pg_advisory_xact_lock(${ACCOUNT_LOCK}, hashtext(${account})),
                           pg_advisory_xact_lock(${ADDRESS_LOCK}, hashtext(${place}))`);
      // The most recent times that decide each limit, newest first; whether the address is known.
      const [seen] = await run<{ by_account: string[]; by_address: string[]; known: boolean }>(
        sql`select array(select at from sign_in_attempt where account = ${account} and at > ${since}::bigint
                          order by at desc limit ${accountFailures}) as by_account,
                   array(select at from sign_in_attempt where address = ${place} and at > ${since}::bigint
                          order by at desc limit ${addressFailures}) as by_address,
                   exists (select 1 from sign_in_known_address where account = ${account} and address = ${place}) as known`,
      );
      const byAccount = seen.by_account.map(Number);
      const byAddress = seen.by_address.map(Number);
      if (!seen.known && byAccount.length >= accountFailures) {
        return { allowed: false, limit: 'account', retryAfterSeconds: this.retryAfter(byAccount.at(-1)!, now) };
      }
      if (byAddress.length >= addressFailures) {
        return { allowed: false, limit: 'address', retryAfterSeconds: this.retryAfter(byAddress.at(-1)!, now) };
      }
      // Failures older than the window no longer decide anything: gone, whoever they were.
      await run(sql`delete from sign_in_attempt where at <= ${since}::bigint`);
      const [row] = await run<{ id: string }>(
        sql`insert into sign_in_attempt (account, address, at) values (${account}, ${place}, ${now}::bigint) returning id::text`,
      );
      const failures = Math.max(
        seen.known ? 0 : byAccount.length,
        Math.floor((byAddress.length * accountFailures) / addressFailures),
      );
      const delayMs = failures === 0 ? 0 : Math.min(MAX_DELAY_MS, this.limits.delayMs * 2 ** (failures - 1));
      return { allowed: true, delayMs, ticket: { account, address: place, at: now, id: row.id } };
    });
  }

  async settle(ticket: AttemptTicket, outcome: 'success' | 'failure' | 'void'): Promise<void> {
    if (outcome === 'failure') return;
    await this.em.fork().transactional(async (tx) => {
      const run = (statement: Sql) => crossAgencyQuery(tx, statement, WHY);
      await run(sql`delete from sign_in_attempt where id = ${ticket.id}::bigint`);
      if (outcome !== 'success') return;
      await run(sql`insert into sign_in_known_address (account, address, at) values (${ticket.account}, ${ticket.address}, ${ticket.at}::bigint)
                    on conflict (account, address) do update set at = excluded.at`);
      await run(sql`delete from sign_in_known_address where account = ${ticket.account} and address not in
                      (select address from sign_in_known_address where account = ${ticket.account} order by at desc limit ${KNOWN_PER_ACCOUNT})`);
    });
  }
}
