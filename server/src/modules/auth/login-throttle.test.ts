import { describe, expect, it } from 'vitest';
import { addressKey, InMemoryLoginThrottle, MAX_DELAY_MS, type SignInLimits } from './login-throttle.js';

const LIMITS: SignInLimits = { accountFailures: 5, addressFailures: 20, windowMinutes: 15, delayMs: 250 };

function throttle(limits: SignInLimits = LIMITS, maxTracked?: number) {
  const clock = { now: 1_000_000 };
  return { clock, store: new InMemoryLoginThrottle(limits, () => clock.now, maxTracked) };
}

async function fail(store: InMemoryLoginThrottle, account: string, address: string) {
  const verdict = await store.attempt(account, address);
  if (verdict.allowed) await store.settle(verdict.ticket, 'failure');
  return verdict;
}

describe('InMemoryLoginThrottle', () => {
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

  it('memory stays bounded when an attacker sprays e-mails and addresses', async () => {
    const { store } = throttle(LIMITS, 1_000);
    for (let i = 0; i < 5_000; i++) await fail(store, `user-${i}@x.test`, `10.0.${i >> 8}.${i & 255}`);
    expect(store.tracked.accounts).toBe(1_000);
    expect(store.tracked.addresses).toBe(1_000);
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
