import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../test/test-server.js';
import { OTHER_ADMIN, startAnalyticsServer } from './analytics.fixture.js';

/**
 * exportValue on the fixture of analytics.fixture.ts. Alpha's won deals, valued by hand at the
 * rate of their close day (RUB per unit: EUR 100 in 2024, 90 from 2025-01-01, 95 from
 * 2025-07-01; MAD 9 from 2025-01-01 only; no USD):
 *   D1  2024-06-15 100,000 EUR × 100 = 10,000,000.00  MA FISH     M1 Alpha Conserves Anna
 *   D11 2024-10-01 200,000 MAD: no rate yet            MA FISH     -  Alpha Conserves Boris
 *   D10 2024-11-05  10,000 EUR × 100 =  1,000,000.00  FR LASERS   -  Gamma Lasers    Anna
 *   D8  2025-03-15  10,000 USD: no rate                SN LASERS   M2 Gamma Lasers    Anna
 *   D2  2025-04-10 500,000 MAD × 9   =  4,500,000.00  MA FISH     M1 Alpha Conserves Boris  (lost in 2024, reopened, won)
 *   D12 2025-05-05 no amount                           MA -        -  Beta Displays   Boris
 *   D7  2025-08-20  40,000 EUR × 95  =  3,800,000.00  SN DISPLAYS M2 Beta Displays   Boris
 *   D9  2025-12-01 100,000 MAD × 9   =    900,000.00  FR FISH     M3 Alpha Conserves Anna
 * Agency Beta's won deals (999,000,000 on 2024-04-10 and 2025-04-10) never count.
 */
let server: TestServer;
let analyst: string;

beforeAll(async () => {
  ({ server, analyst } = await startAnalyticsServer());
});
afterAll(() => server?.close());

const FIGURES = 'dealsWon value { amount currency } dealsWithoutAmount dealsWithoutRate currenciesWithoutRate';
const REPORT = `query($groupBy: [ExportValueDimension!]!, $from: Date!, $to: Date!, $compare: Boolean, $filter: DealFilter) {
  exportValue(groupBy: $groupBy, from: $from, to: $to, compareWithPrevious: $compare, filter: $filter) {
    groupBy from to comparison previousFrom previousTo baseCurrency
    total { ${FIGURES} } previousTotal { ${FIGURES} } totalGrowthPercent
    rows { key label country period { unit label start end }
      current { ${FIGURES} } previous { ${FIGURES} } growthPercent }
  } }`;

async function report(variables: Record<string, unknown>, cookie = analyst) {
  const response = await server.gql(REPORT, variables, { cookie });
  expect(response.errors).toBeUndefined();
  return response.data?.exportValue;
}

/** Figures: deals, value, deals without amount, deals without rate, currencies without rate. */
const figures = (dealsWon: number, amount: string, withoutAmount = 0, withoutRate: string[] = []) => ({
  dealsWon,
  value: { amount, currency: 'RUB' },
  dealsWithoutAmount: withoutAmount,
  dealsWithoutRate: withoutRate.length,
  currenciesWithoutRate: withoutRate,
});
const ZERO = figures(0, '0.00');
const half = (label: string, start: string, end: string) => ({ unit: 'HALF_YEAR', label, start, end });

describe('exportValue', () => {
  it('by half-year with growth against the same half a year earlier', async () => {
    const byHalf = await report({ groupBy: ['HALF_YEAR'], from: '2024-01-01', to: '2025-12-31', compare: true });
    expect(byHalf).toEqual({
      groupBy: ['HALF_YEAR'],
      from: '2024-01-01',
      to: '2025-12-31',
      comparison: 'YEAR_EARLIER',
      previousFrom: '2023-01-01',
      previousTo: '2024-12-31',
      baseCurrency: 'RUB',
      // 10,000,000 + 1,000,000 + 4,500,000 + 3,800,000 + 900,000 = 20,200,000 from 8 deals
      // (D11 and D8 without a rate, D12 without an amount).
      total: figures(8, '20200000.00', 1, ['MAD', 'USD']),
      // 2023-01-01 … 2024-12-31: D1, D11, D10 = 11,000,000.
      previousTotal: figures(3, '11000000.00', 0, ['MAD']),
      totalGrowthPercent: 83.64, // (20.2 − 11) / 11 = 83.636…%
      rows: [
        {
          key: ['2024-H1'],
          label: '2024-H1',
          country: null,
          period: half('2024-H1', '2024-01-01', '2024-06-30'),
          current: figures(1, '10000000.00'), // D1
          previous: ZERO, // 2023-H1: nothing
          growthPercent: null, // from 0
        },
        {
          key: ['2024-H2'],
          label: '2024-H2',
          country: null,
          period: half('2024-H2', '2024-07-01', '2024-12-31'),
          current: figures(2, '1000000.00', 0, ['MAD']), // D10, and D11 flagged
          previous: ZERO,
          growthPercent: null,
        },
        {
          key: ['2025-H1'],
          label: '2025-H1',
          country: null,
          period: half('2025-H1', '2025-01-01', '2025-06-30'),
          current: figures(3, '4500000.00', 1, ['USD']), // D2 (reopened, won), D8 flagged, D12 no amount
          previous: figures(1, '10000000.00'), // 2024-H1: D1
          growthPercent: -55, // (4.5 − 10) / 10
        },
        {
          key: ['2025-H2'],
          label: '2025-H2',
          country: null,
          period: half('2025-H2', '2025-07-01', '2025-12-31'),
          current: figures(2, '4700000.00'), // D7 3,800,000 + D9 900,000
          previous: figures(2, '1000000.00', 0, ['MAD']), // 2024-H2: D10, D11 flagged
          growthPercent: 370, // (4.7 − 1) / 1
        },
      ],
    });
  });

  it('lists empty periods as zeros, and clips periods to the range', async () => {
    const quarters = await report({ groupBy: ['QUARTER'], from: '2023-01-01', to: '2023-12-31' });
    expect(quarters.comparison).toBe('NONE');
    expect(quarters.previousTotal).toBeNull();
    expect(quarters.total).toEqual(ZERO);
    expect(
      quarters.rows.map((row: { period: object; current: object; previous: unknown; growthPercent: unknown }) => [
        row.period,
        row.current,
        row.previous,
        row.growthPercent,
      ]),
    ).toEqual([
      [{ unit: 'QUARTER', label: '2023-Q1', start: '2023-01-01', end: '2023-03-31' }, ZERO, null, null],
      [{ unit: 'QUARTER', label: '2023-Q2', start: '2023-04-01', end: '2023-06-30' }, ZERO, null, null],
      [{ unit: 'QUARTER', label: '2023-Q3', start: '2023-07-01', end: '2023-09-30' }, ZERO, null, null],
      [{ unit: 'QUARTER', label: '2023-Q4', start: '2023-10-01', end: '2023-12-31' }, ZERO, null, null],
    ]);
    // From 2024-06-16: June 2024 is listed (the range touches it) but D1, closed on 2024-06-15, is out.
    const months = await report({ groupBy: ['MONTH'], from: '2024-06-16', to: '2024-08-31', compare: true });
    expect(months.previousFrom).toBe('2023-06-16');
    expect(
      months.rows.map((row: { key: string[]; current: object; growthPercent: unknown }) => [
        row.key[0],
        row.current,
        row.growthPercent,
      ]),
    ).toEqual([
      ['2024-06', ZERO, null],
      ['2024-07', ZERO, null],
      ['2024-08', ZERO, null],
    ]);
  });

  it('by destination country against the previous period of equal length', async () => {
    const byCountry = await report({ groupBy: ['COUNTRY'], from: '2025-01-01', to: '2025-12-31', compare: true });
    expect(byCountry).toMatchObject({
      comparison: 'PREVIOUS_PERIOD',
      // 365 days right before 2025-01-01: 2024 has 366, so from 2024-01-02.
      previousFrom: '2024-01-02',
      previousTo: '2024-12-31',
      // D2, D7, D8, D9, D12: 4,500,000 + 3,800,000 + 900,000 = 9,200,000.
      total: figures(5, '9200000.00', 1, ['USD']),
      previousTotal: figures(3, '11000000.00', 0, ['MAD']),
      totalGrowthPercent: -16.36, // (9.2 − 11) / 11 = −16.3636…%
      rows: [
        // D9 900,000 against D10 1,000,000: −10%.
        {
          key: ['FR'],
          label: 'FR',
          country: 'FR',
          current: figures(1, '900000.00'),
          previous: figures(1, '1000000.00'),
          growthPercent: -10,
        },
        {
          key: ['MA'],
          label: 'MA',
          country: 'MA',
          current: figures(2, '4500000.00', 1), // D2, D12
          previous: figures(2, '10000000.00', 0, ['MAD']), // D1, D11
          growthPercent: -55,
        },
        // Nothing went to Senegal in 2024: no growth figure.
        {
          key: ['SN'],
          label: 'SN',
          country: 'SN',
          current: figures(2, '3800000.00', 0, ['USD']),
          previous: ZERO,
          growthPercent: null,
        },
      ],
    });
  });

  it('by source mission and year: every mission with a deal, crossed with every year, none last', async () => {
    const response = await server.gql(
      `query { exportValue(groupBy: [MISSION, YEAR], from: "2024-01-01", to: "2025-12-31") {
        rows { label mission { name } year { label } current { dealsWon value { amount } dealsWithoutAmount dealsWithoutRate } } } }`,
      {},
      { cookie: analyst },
    );
    expect(response.errors).toBeUndefined();
    const row = (mission: string | null, year: string, deals: number, amount: string, noAmount = 0, noRate = 0) => ({
      label: `${mission ?? '(no mission)'} · ${year}`,
      mission: mission ? { name: mission } : null,
      year: { label: year },
      current: { dealsWon: deals, value: { amount }, dealsWithoutAmount: noAmount, dealsWithoutRate: noRate },
    });
    expect(response.data?.exportValue.rows).toEqual([
      row('Casablanca 2024', '2024', 1, '10000000.00'), // D1
      row('Casablanca 2024', '2025', 1, '4500000.00'), // D2
      row('Dakar 2025', '2024', 0, '0.00'),
      row('Dakar 2025', '2025', 2, '3800000.00', 0, 1), // D7, D8 flagged
      row('Online 2025', '2024', 0, '0.00'),
      row('Online 2025', '2025', 1, '900000.00'), // D9
      row(null, '2024', 2, '1000000.00', 0, 1), // D10, D11 flagged
      row(null, '2025', 1, '0.00', 1), // D12
    ]);
  });

  it('by owner, sector and exporter', async () => {
    const response = await server.gql(
      `query { owner: exportValue(groupBy: [OWNER], from: "2024-01-01", to: "2025-12-31") { rows { label owner { fullName } current { dealsWon value { amount } } } }
        sector: exportValue(groupBy: [SECTOR], from: "2024-01-01", to: "2025-12-31") { rows { label sector { code } current { dealsWon value { amount } } } }
        exporter: exportValue(groupBy: [EXPORTER], from: "2024-01-01", to: "2025-12-31") { rows { label exporter { name } current { dealsWon value { amount } } } } }`,
      {},
      { cookie: analyst },
    );
    expect(response.errors).toBeUndefined();
    const pick = (rows: { label: string; current: { dealsWon: number; value: { amount: string } } }[]) =>
      rows.map((row) => [row.label, row.current.dealsWon, row.current.value.amount]);
    expect(pick(response.data?.owner.rows)).toEqual([
      // D1 10,000,000 + D8 (no rate) + D9 900,000 + D10 1,000,000.
      ['Anna Petrova', 4, '11900000.00'],
      // D2 4,500,000 + D7 3,800,000 + D11 (no rate) + D12 (no amount).
      ['Boris Orlov', 4, '8300000.00'],
    ]);
    expect(response.data?.owner.rows[0].owner).toEqual({ fullName: 'Anna Petrova' });
    expect(pick(response.data?.sector.rows)).toEqual([
      ['DISPLAYS', 1, '3800000.00'], // D7
      ['FISH', 4, '15400000.00'], // D1 + D2 + D9 + D11 (flagged): 10,000,000 + 4,500,000 + 900,000
      ['LASERS', 2, '1000000.00'], // D10 + D8 (flagged)
      ['(no sector)', 1, '0.00'], // D12
    ]);
    expect(response.data?.sector.rows[3].sector).toBeNull();
    expect(pick(response.data?.exporter.rows)).toEqual([
      ['Alpha Conserves', 4, '15400000.00'],
      ['Beta Displays', 2, '3800000.00'],
      ['Gamma Lasers', 2, '1000000.00'],
    ]);
  });

  it('takes the deal filter, and groupBy [] gives the total alone', async () => {
    const morocco = await report({
      groupBy: [],
      from: '2024-01-01',
      to: '2025-12-31',
      filter: { destinationCountries: ['MA'] },
    });
    // D1 10,000,000 + D2 4,500,000, with D11 (no rate) and D12 (no amount).
    expect(morocco.total).toEqual(figures(4, '14500000.00', 1, ['MAD']));
    expect(morocco.rows).toEqual([
      expect.objectContaining({ key: [], label: 'All', current: figures(4, '14500000.00', 1, ['MAD']) }),
    ]);
  });

  it("never counts another agency's deals, nor uses its exchange rates", async () => {
    // Beta's view: its own 2024 USD deal at its USD rate (999,000,000 × 80) and its 2025 RUB deal.
    const beta = await server.login(OTHER_ADMIN.email, OTHER_ADMIN.password);
    const theirs = await report({ groupBy: ['YEAR'], from: '2024-01-01', to: '2025-12-31' }, beta);
    expect(theirs.rows.map((row: { current: { value: { amount: string } } }) => row.current.value.amount)).toEqual([
      '79920000000.00',
      '999000000.00',
    ]);
    // Alpha's totals above hold without them; and Alpha's USD deal (D8) stays without a rate.
    const ours = await report({ groupBy: ['YEAR'], from: '2025-01-01', to: '2025-12-31' });
    expect(ours.total).toEqual(figures(5, '9200000.00', 1, ['USD']));
  });

  it('refuses bad ranges, and costs one statement whatever the grouping', async () => {
    const backwards = await server.gql(
      REPORT,
      { groupBy: [], from: '2025-02-01', to: '2025-01-01' },
      { cookie: analyst },
    );
    expect(backwards.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const centuries = await server.gql(
      REPORT,
      { groupBy: ['YEAR'], from: '1800-01-01', to: '2025-01-01' },
      { cookie: analyst },
    );
    expect(centuries.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // By month, the rows of 2,700 months cost more than any query may (analytics-limits.test.ts).
    const months = await server.gql(
      REPORT,
      { groupBy: ['MONTH'], from: '1800-01-01', to: '2025-01-01' },
      { cookie: analyst },
    );
    expect(months.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    // The calendar's last day: each period ends on 9999-12-31, none steps past it (found by fuzzing).
    for (const unit of ['MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR']) {
      const last = await report({ groupBy: [unit], from: '9999-12-31', to: '9999-12-31' });
      expect(last.rows.map((row: { period: { end: string } }) => row.period.end)).toEqual(['9999-12-31']);
    }
    const anonymous = await server.gql(REPORT, { groupBy: [], from: '2025-01-01', to: '2025-01-01' });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    for (const groupBy of [
      ['COUNTRY', 'HALF_YEAR'],
      ['EXPORTER', 'OWNER', 'SECTOR', 'MISSION', 'MONTH', 'QUARTER', 'YEAR'],
    ]) {
      server.resetStatements();
      await report({ groupBy, from: '2024-01-01', to: '2025-12-31', compare: true });
      const statements = server.statements.filter((s) => !s.includes(' session'));
      expect(statements, statements.join('\n')).toHaveLength(1);
    }
  });
});
