import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import { addressKey, MAX_DELAY_MS, type SignInLimits, SqlLoginThrottle } from './login-throttle.js';

const LIMITS: SignInLimits = { accountFailures: 5, addressFailures: 20, windowMinutes: 15, delayMs: 250 };

/** The throttle on the test database, with a clock the tests move by hand. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
});
afterAll(() => server?.close());
beforeEach(async () => {
  await server.sql('delete from sign_in_attempt');
  await server.sql('delete from sign_in_known_address');
});

function throttle(limits: SignInLimits = LIMITS) {
  const clock = { now: 1_000_000 };
  return { clock, store: new SqlLoginThrottle(server.db.orm.em, limits, () => clock.now) };
}

async function fail(store: SqlLoginThrottle, account: string, address: string) {
  const verdict = await store.attempt(account, address);
  if (verdict.allowed) await store.settle(verdict.ticket, 'failure');
  return verdict;
}

describe('the sign-in throttle', () => {
  it('each failure makes the next attempt wait longer, doubling, until the limit refuses', async () => {
    const { store } = throttle();
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const verdict = await fail(store, 'a@x.test', '192.0.2.1');
      delays.push(verdict.allowed ? verdict.delayMs : -1);
    }
    expect(delays).toEqual([0, 250, 500, 1000, 2000]);
    expect(await store.attempt('a@x.test', '192.0.2.1')).toMatchObject({ allowed: false, limit: 'account' });
  });

  it('the delay never exceeds its ceiling', async () => {
    const { store } = throttle({ ...LIMITS, accountFailures: 30, addressFailures: 30, delayMs: 1000 });
    let last = 0;
    for (let i = 0; i < 20; i++) {
      const verdict = await fail(store, 'a@x.test', '192.0.2.1');
      if (verdict.allowed) last = verdict.delayMs;
    }
    expect(last).toBe(MAX_DELAY_MS);
  });

  it('parallel attempts count at once: no more than the limit get through together', async () => {
    const { store } = throttle();
    const verdicts = await Promise.all(Array.from({ length: 8 }, () => store.attempt('a@x.test', '192.0.2.1')));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(5);
  });

  it('a success takes its attempt back and makes the address known; a void attempt is taken back', async () => {
    const { store } = throttle();
    for (let i = 0; i < 4; i++) await fail(store, 'a@x.test', '192.0.2.1');
    const ok = await store.attempt('a@x.test', '192.0.2.9');
    if (!ok.allowed) throw new Error('expected an attempt');
    await store.settle(ok.ticket, 'success');
    const busy = await store.attempt('a@x.test', '192.0.2.1');
    if (!busy.allowed) throw new Error('expected an attempt');
    await store.settle(busy.ticket, 'void');
    await fail(store, 'a@x.test', '192.0.2.1');
    expect(await store.attempt('a@x.test', '192.0.2.1')).toMatchObject({ allowed: false });
    expect(await store.attempt('a@x.test', '192.0.2.9')).toMatchObject({ allowed: true, delayMs: 0 });
  });

  it('Retry-After is when the oldest failure leaves the window, and then it works again', async () => {
    const { store, clock } = throttle();
    for (let i = 0; i < 5; i++) {
      await fail(store, 'a@x.test', '192.0.2.1');
      clock.now += 60_000;
    }
    expect(await store.attempt('a@x.test', '192.0.2.1')).toEqual({
      allowed: false,
      limit: 'account',
      retryAfterSeconds: 10 * 60,
    });
    clock.now += 10 * 60_000;
    expect(await store.attempt('a@x.test', '192.0.2.1')).toMatchObject({ allowed: true });
  });

  it('keeps the failures of one window only when an attacker sprays e-mails and addresses', async () => {
    const { store, clock } = throttle();
    const spray = async (round: number) => {
      for (let i = 0; i < 200; i++) await fail(store, `user-${round}-${i}@x.test`, `10.${round}.${i >> 8}.${i & 255}`);
    };
    await spray(1);
    clock.now += 16 * 60_000;
    await spray(2);
    const [{ rows }] = await server.sql<{ rows: number }>('select count(*)::int as rows from sign_in_attempt');
    expect(rows).toBe(200);
  });

  it('counts an e-mail of any length, and keeps no e-mail address in the database', async () => {
    const { store } = throttle();
    const huge = 'a'.repeat(980_000);
    for (let i = 0; i < 5; i++) await fail(store, huge, '192.0.2.1');
    expect(await store.attempt(huge, '192.0.2.1')).toMatchObject({ allowed: false, limit: 'account' });
    const rows = await server.sql<{ account: string }>('select distinct account from sign_in_attempt');
    expect(rows.map((row) => row.account)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
  });

  it('counts the attempts of every server process: two throttles on one database are one', async () => {
    const { store, clock } = throttle();
    const other = new SqlLoginThrottle(server.db.orm.em, LIMITS, () => clock.now);
    for (let i = 0; i < 3; i++) await fail(store, 'a@x.test', '192.0.2.1');
    for (let i = 0; i < 2; i++) await fail(other, 'a@x.test', '192.0.2.2');
    expect(await store.attempt('a@x.test', '192.0.2.3')).toMatchObject({ allowed: false, limit: 'account' });
  });

  it('IPv6 clients are counted by their /64', async () => {
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2::7')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
    const { store } = throttle({ ...LIMITS, addressFailures: 3 });
    for (let i = 1; i <= 3; i++) await fail(store, `u${i}@x.test`, `2001:db8:1:2::${i}`);
    expect(await store.attempt('u9@x.test', '2001:db8:1:2::99')).toMatchObject({ allowed: false, limit: 'address' });
  });
});
