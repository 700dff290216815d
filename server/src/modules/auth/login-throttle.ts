import { isIP } from 'node:net';

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
 * The store sits behind this interface so that several server processes can share it (it is in
 * memory for now, like graphql/cost-budget.ts).
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
}

export type AttemptVerdict =
  | { allowed: true; delayMs: number; ticket: AttemptTicket }
  | { allowed: false; retryAfterSeconds: number; limit: 'account' | 'address' };

/** The longest growing delay, whatever the number of failures. */
export const MAX_DELAY_MS = 5_000;
/** Accounts, addresses and known addresses tracked at most each; the least recently used go first. */
export const MAX_TRACKED = 50_000;
/** Known addresses remembered per account (the most recent). */
const KNOWN_PER_ACCOUNT = 10;
/**
 * Times kept per key beyond its limit: attempts in flight (which a success takes back) must not
 * push out failures that decide the limit. The hash queue bounds attempts in flight anyway.
 */
const IN_FLIGHT_SLACK = 64;

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

/** A Map that forgets its least recently used entries beyond `max`. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  get size(): number {
    return this.map.size;
  }
}

/** One process's sign-in limits, in memory and bounded (MAX_TRACKED entries per kind). */
export class InMemoryLoginThrottle implements LoginThrottle {
  /** Times of the failures (and attempts in flight) of the window, oldest first. */
  private readonly accounts: Lru<number[]>;
  private readonly addresses: Lru<number[]>;
  private readonly known: Lru<string[]>;

  constructor(
    private readonly limits: SignInLimits,
    private readonly now: () => number = Date.now,
    maxTracked = MAX_TRACKED,
  ) {
    this.accounts = new Lru(maxTracked);
    this.addresses = new Lru(maxTracked);
    this.known = new Lru(maxTracked);
  }

  /** Entries held, for tests of the memory bound. */
  get tracked(): { accounts: number; addresses: number; known: number } {
    return { accounts: this.accounts.size, addresses: this.addresses.size, known: this.known.size };
  }

  private recent(store: Lru<number[]>, key: string, now: number): number[] {
    const since = now - this.limits.windowMinutes * 60_000;
    const times = (store.get(key) ?? []).filter((at) => at > since);
    if (times.length === 0) store.delete(key);
    return times;
  }

  private retryAfter(times: number[], limit: number, now: number): number {
    // The wait until enough failures leave the window to allow one more attempt.
    const freedAt = times[times.length - limit] + this.limits.windowMinutes * 60_000;
    return Math.max(1, Math.ceil((freedAt - now) / 1000));
  }

  async attempt(account: string, address: string): Promise<AttemptVerdict> {
    const now = this.now();
    const place = addressKey(address);
    const byAccount = this.recent(this.accounts, account, now);
    const byAddress = this.recent(this.addresses, place, now);
    const known = this.known.get(account)?.includes(place) ?? false;
    const { accountFailures, addressFailures } = this.limits;
    if (!known && byAccount.length >= accountFailures) {
      return { allowed: false, limit: 'account', retryAfterSeconds: this.retryAfter(byAccount, accountFailures, now) };
    }
    if (byAddress.length >= addressFailures) {
      return { allowed: false, limit: 'address', retryAfterSeconds: this.retryAfter(byAddress, addressFailures, now) };
    }
    // Kept at most as long as a limit needs: older failures no longer decide anything.
    this.accounts.set(account, [...byAccount, now].slice(-(accountFailures + IN_FLIGHT_SLACK)));
    this.addresses.set(place, [...byAddress, now].slice(-(addressFailures + IN_FLIGHT_SLACK)));
    const failures = Math.max(
      known ? 0 : byAccount.length,
      Math.floor((byAddress.length * accountFailures) / addressFailures),
    );
    const delayMs = failures === 0 ? 0 : Math.min(MAX_DELAY_MS, this.limits.delayMs * 2 ** (failures - 1));
    return { allowed: true, delayMs, ticket: { account, address: place, at: now } };
  }

  async settle(ticket: AttemptTicket, outcome: 'success' | 'failure' | 'void'): Promise<void> {
    if (outcome === 'failure') return;
    const takeBack = (store: Lru<number[]>, key: string) => {
      const times = store.get(key);
      const index = times?.lastIndexOf(ticket.at) ?? -1;
      if (!times || index < 0) return;
      times.splice(index, 1);
      if (times.length === 0) store.delete(key);
    };
    takeBack(this.accounts, ticket.account);
    takeBack(this.addresses, ticket.address);
    if (outcome === 'success') {
      const known = (this.known.get(ticket.account) ?? []).filter((place) => place !== ticket.address);
      this.known.set(ticket.account, [...known, ticket.address].slice(-KNOWN_PER_ACCOUNT));
    }
  }
}
