import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../test/sign-in.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let admin: string;
let manager: string;
let analyst: string;
let asmex: string;

const SET = `mutation($input: SetExchangeRateInput!) { setExchangeRate(input: $input) {
  exchangeRate { id currency validOn rate } userErrors { field message code } } }`;
const RATES = `query($filter: ExchangeRateFilter, $orderBy: ExchangeRateOrder, $first: Int, $after: String) {
  exchangeRates(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id currency validOn rate } } }`;

beforeAll(async () => {
  server = await startTestServer();
  ({ admin, manager, analyst, asmex } = await signIn(server, 'admin', 'manager', 'analyst', 'asmex'));
});
afterAll(() => server?.close());

describe('exchangeRates', () => {
  it('lists the agency’s rates, newest first, filtered and paged', async () => {
    const all = (await server.gql(RATES, { first: 100 }, { cookie: analyst })).data?.exchangeRates;
    // Demo: EUR, USD and MAD to RUB on five dates.
    expect(all.totalCount).toBe(15);
    expect(all.nodes[0]).toMatchObject({ validOn: '2026-01-01' });
    expect(all.nodes.at(-1)).toMatchObject({ validOn: '2023-01-01' });
    expect(
      all.nodes.find((n: { currency: string; validOn: string }) => n.currency === 'EUR' && n.validOn === '2025-07-01'),
    ).toMatchObject({ rate: '92.28' });
    const eur = (
      await server.gql(
        RATES,
        {
          filter: { currencies: ['EUR'], validOnFrom: '2024-01-01', validOnTo: '2025-12-31' },
          orderBy: { field: 'VALID_ON', direction: 'ASC' },
        },
        { cookie: analyst },
      )
    ).data?.exchangeRates;
    expect(eur.nodes.map((n: { validOn: string; rate: string }) => [n.validOn, n.rate])).toEqual([
      ['2024-01-01', '99.19'],
      ['2025-01-01', '106.1'],
      ['2025-07-01', '92.28'],
    ]);
    const page1 = (await server.gql(RATES, { first: 10 }, { cookie: analyst })).data?.exchangeRates;
    const page2 = (await server.gql(RATES, { first: 10, after: page1.pageInfo.endCursor }, { cookie: analyst })).data
      ?.exchangeRates;
    expect([...page1.nodes, ...page2.nodes].map((n: { id: string }) => n.id)).toEqual(
      all.nodes.map((n: { id: string }) => n.id),
    );
    // As in every list filter: "eur" is read as EUR, a malformed code matches nothing.
    const lowerFilter = { currencies: ['eur'], validOnFrom: '2024-01-01', validOnTo: '2025-12-31' };
    const lower = (await server.gql(RATES, { filter: lowerFilter }, { cookie: analyst })).data?.exchangeRates;
    expect(lower.nodes.map((n: { rate: string }) => n.rate).sort()).toEqual(['106.1', '92.28', '99.19']);
    const bad = await server.gql(RATES, { filter: { currencies: ['euro'] } }, { cookie: analyst });
    expect(bad.errors).toBeUndefined();
    expect(bad.data?.exchangeRates.nodes).toEqual([]);
  });

  it('each agency sees its own rates only (ASMEX converts to MAD)', async () => {
    const mine = (await server.gql(RATES, { first: 100 }, { cookie: admin })).data?.exchangeRates.nodes;
    const theirs = (await server.gql(RATES, { first: 100 }, { cookie: asmex })).data?.exchangeRates.nodes;
    const mineIds = new Set(mine.map((n: { id: string }) => n.id));
    expect(theirs.some((n: { id: string }) => mineIds.has(n.id))).toBe(false);
    expect(theirs.map((n: { currency: string }) => n.currency)).toContain('RUB');
    expect(theirs.map((n: { currency: string }) => n.currency)).not.toContain('MAD');
  });
});

describe('setExchangeRate', () => {
  it('creates a rate, then replaces the rate of the same day, audited with before and after', async () => {
    const created = (
      await server.gql(SET, { input: { currency: 'CNY', validOn: '2026-03-01', rate: '11.0500' } }, { cookie: admin })
    ).data?.setExchangeRate;
    expect(created.userErrors).toEqual([]);
    expect(created.exchangeRate).toMatchObject({ currency: 'CNY', validOn: '2026-03-01', rate: '11.05' });
    const replaced = (
      await server.gql(SET, { input: { currency: 'CNY', validOn: '2026-03-01', rate: '11.1' } }, { cookie: admin })
    ).data?.setExchangeRate;
    expect(replaced.exchangeRate).toEqual({ ...created.exchangeRate, rate: '11.1' });
    const rows = await server.sql<{ rate: string }>(
      `select rate::text as rate from exchange_rate where currency = 'CNY'`,
    );
    expect(rows).toEqual([{ rate: '11.1000000000' }]);
    const audit = await server.sql<{ action: string; changes: Record<string, { before: unknown; after: unknown }> }>(
      'select action, changes from audit_event where entity_id = ? order by at',
      [created.exchangeRate.id],
    );
    expect(audit).toEqual([
      {
        action: 'setExchangeRate',
        changes: {
          currency: { before: null, after: 'CNY' },
          validOn: { before: null, after: '2026-03-01' },
          rate: { before: null, after: '11.05' },
        },
      },
      { action: 'setExchangeRate', changes: { rate: { before: '11.05', after: '11.1' } } },
    ]);
    // The other agency has no CNY rate.
    const theirs = (await server.gql(RATES, { filter: { currencies: ['CNY'] } }, { cookie: asmex })).data
      ?.exchangeRates;
    expect(theirs.totalCount).toBe(0);
  });

  it('refuses bad input with field paths and writes nothing', async () => {
    const before = await server.sql<{ n: string }>('select count(*) as n from exchange_rate');
    const cases: [Record<string, unknown>, string][] = [
      [{ currency: 'eur', validOn: '2026-01-02', rate: '90' }, 'input.currency INVALID'],
      [{ currency: 'XYZ', validOn: '2026-01-02', rate: '90' }, 'input.currency INVALID'],
      [{ currency: 'RUB', validOn: '2026-01-02', rate: '1' }, 'input.currency INVALID'],
      [{ currency: 'EUR', validOn: '2026-01-02', rate: '0' }, 'input.rate INVALID'],
      [{ currency: 'EUR', validOn: '2026-01-02', rate: '0.0000' }, 'input.rate INVALID'],
      [{ currency: 'EUR', validOn: '2026-01-02', rate: '-90' }, 'input.rate INVALID'],
      [{ currency: 'EUR', validOn: '2026-01-02', rate: '123456789012345' }, 'input.rate INVALID'],
    ];
    for (const [input, expected] of cases) {
      const payload = (await server.gql(SET, { input }, { cookie: admin })).data?.setExchangeRate;
      expect(
        payload.userErrors.map((e: { field: string[]; code: string }) => `${e.field.join('.')} ${e.code}`),
        JSON.stringify(input),
      ).toContain(expected);
      expect(payload.exchangeRate).toBeNull();
    }
    const badDate = await server.gql(
      SET,
      { input: { currency: 'EUR', validOn: '2026-02-30', rate: '90' } },
      { cookie: admin },
    );
    expect(badDate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await server.sql('select count(*) as n from exchange_rate')).toEqual(before);
  });

  it('is for admins only', async () => {
    for (const cookie of [manager, analyst]) {
      const response = await server.gql(
        SET,
        { input: { currency: 'EUR', validOn: '2026-05-01', rate: '1' } },
        { cookie },
      );
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await server.gql(SET, { input: { currency: 'EUR', validOn: '2026-05-01', rate: '1' } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await server.sql(`select id from exchange_rate where valid_on = '2026-05-01'`)).toEqual([]);
  });

  it('a new rate applies to open deals from its day on, and to closed deals of that period', async () => {
    const deal = async () =>
      (
        await server.gql(
          `{ deals(filter: { titleContains: "NexTouch pour le nouveau" }) { nodes { amountInBaseCurrency { amount currency } } } }`,
          {},
          { cookie: analyst },
        )
      ).data?.deals.nodes[0].amountInBaseCurrency;
    expect(await deal()).toEqual({ amount: '39270000.00', currency: 'RUB' });
    const today = new Date().toISOString().slice(0, 10);
    await server.gql(SET, { input: { currency: 'EUR', validOn: today, rate: '100' } }, { cookie: admin });
    // 420 000 EUR × 100
    expect(await deal()).toEqual({ amount: '42000000.00', currency: 'RUB' });
    // ASMEX's deals are not affected by Mosprom's rates: it has its own.
    const asmexRates = (await server.gql(RATES, { filter: { currencies: ['EUR'] } }, { cookie: asmex })).data
      ?.exchangeRates.nodes;
    expect(asmexRates.some((r: { validOn: string }) => r.validOn === today)).toBe(false);
  });
});
