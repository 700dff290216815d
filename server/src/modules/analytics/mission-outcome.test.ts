import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../test/test-server.js';
import { today } from '../exchange-rate/conversion.js';
import { type AnalyticsFixture, startAnalyticsServer } from './analytics.fixture.js';

/**
 * missionOutcome on the fixture of analytics.fixture.ts, every figure counted by hand below.
 * Rates (RUB per unit): EUR 100 from 2024-01-01, 90 from 2025-01-01, 95 from 2025-07-01; MAD 9
 * from 2025-01-01; no USD rate.
 */
let server: TestServer;
let fx: AnalyticsFixture;
let analyst: string;
let beta: string;

beforeAll(async () => {
  ({ server, fx, analyst, otherAdmin: beta } = await startAnalyticsServer());
});
afterAll(() => server?.close());

const OUTCOME = `query($id: ID!) { missionOutcome(missionId: $id) {
  mission { name } baseCurrency delegationSize participantsByStatus { status count }
  meetingsHeld meetingsByStatus { status count } counterpartsMet counterpartsByKind { kind count }
  leads dealsByCategory { category deals value { amount currency } dealsWithoutRate }
  valueWon { amount currency } valueOpen { amount currency } dealsWithoutAmount dealsWithoutRate currenciesWithoutRate
  conversion { meetingsHeld meetingsWithLead meetingsWithWonDeal leads won meetingToLeadPercent leadToWonPercent meetingToWonPercent }
  medianDaysToSignature budget { amount currency } budgetInBaseCurrency { amount currency } roi roiUnavailableReason
  cohorts { months until elapsed dealsWon valueWon { amount } dealsWithoutRate }
  exporters { exporter { name } participantStatus meetingsHeld leads won valueWon { amount } valueOpen { amount } dealsWithoutRate }
} }`;

async function outcome(id: string, cookie = analyst) {
  const response = await server.gql(OUTCOME, { id }, { cookie });
  expect(response.errors).toBeUndefined();
  return response.data?.missionOutcome;
}

const rub = (amount: string) => ({ amount, currency: 'RUB' });
const statuses = (counts: Record<string, number>, all: string[]) =>
  all.map((status) => ({ status, count: counts[status] ?? 0 }));
const PARTICIPANT = ['INVITED', 'REGISTERED', 'CONFIRMED', 'ATTENDED', 'WITHDREW'];
const MEETING = ['PLANNED', 'HELD', 'CANCELLED', 'NO_SHOW'];

/** A cohort: deals won within `months` of the mission's end (`until`), valued in RUB. */
const cohort = (
  months: number,
  until: string,
  elapsed: boolean,
  dealsWon: number,
  won: string,
  withoutRate: number,
) => ({
  months,
  until,
  elapsed,
  dealsWon,
  valueWon: { amount: won },
  dealsWithoutRate: withoutRate,
});
/** An exporter's line: [meetings held, leads, won], then the won and open values in RUB. */
const exporter = (
  name: string,
  participantStatus: string,
  [meetingsHeld, leads, won]: [number, number, number],
  valueWon: string,
  valueOpen: string,
  dealsWithoutRate: number,
) => ({
  exporter: { name },
  participantStatus,
  meetingsHeld,
  leads,
  won,
  valueWon: { amount: valueWon },
  valueOpen: { amount: valueOpen },
  dealsWithoutRate,
});

describe('missionOutcome', () => {
  it('Casablanca 2024: delegation, meetings, leads, values, conversion, ROI, cohorts and exporters', async () => {
    expect(await outcome(fx.missions.M1)).toEqual({
      mission: { name: 'Casablanca 2024' },
      baseCurrency: 'RUB',
      // E1 and E2 ATTENDED, E3 WITHDREW: the delegation is 2.
      delegationSize: 2,
      participantsByStatus: statuses({ ATTENDED: 2, WITHDREW: 1 }, PARTICIPANT),
      // mt1..mt4 HELD, mt5 NO_SHOW, mt6 CANCELLED; the CALL is not a meeting.
      meetingsHeld: 4,
      meetingsByStatus: statuses({ HELD: 4, CANCELLED: 1, NO_SHOW: 1 }, MEETING),
      // Held meetings met B1 (twice), B2, B3; B4 did not show and the B2 meeting of mt6 was cancelled.
      counterpartsMet: 3,
      counterpartsByKind: [
        { kind: 'DISTRIBUTOR', count: 1 },
        { kind: 'INSTITUTION', count: 1 },
        { kind: 'RETAILER', count: 1 },
      ],
      // D1, D2, D3, D5, D6.
      leads: 5,
      dealsByCategory: [
        // D5: 30,000 EUR × 95 (today's rate, from 2025-07-01) = 2,850,000; D6 has no amount.
        { category: 'OPEN', deals: 2, value: rub('2850000.00'), dealsWithoutRate: 0 },
        // D1: 100,000 EUR × 100 (2024-06-15) = 10,000,000; D2, reopened after its loss and won on
        // 2025-04-10: 500,000 MAD × 9 = 4,500,000. 10,000,000 + 4,500,000 = 14,500,000.
        { category: 'WON', deals: 2, value: rub('14500000.00'), dealsWithoutRate: 0 },
        // D3: 20,000 EUR × 100 (2024-05-20) = 2,000,000.
        { category: 'LOST', deals: 1, value: rub('2000000.00'), dealsWithoutRate: 0 },
      ],
      valueWon: rub('14500000.00'),
      valueOpen: rub('2850000.00'),
      dealsWithoutAmount: 1,
      dealsWithoutRate: 0,
      currenciesWithoutRate: [],
      conversion: {
        meetingsHeld: 4,
        // mt1 → D1, mt2 → D2, mt4 → D3; mt3 produced nothing.
        meetingsWithLead: 3,
        // mt1 (D1 won) and mt2 (D2 won).
        meetingsWithWonDeal: 2,
        leads: 5,
        won: 2,
        meetingToLeadPercent: 75, // 3 / 4
        leadToWonPercent: 40, // 2 / 5
        meetingToWonPercent: 50, // 2 / 4
      },
      // End 2024-03-12. D1 on 2024-06-15: 19 (rest of March) + 30 + 31 + 15 = 95 days.
      // D2 on 2025-04-10: 365 (to 2025-03-12) + 29 = 394 days. Median (95 + 394) / 2 = 244.5.
      medianDaysToSignature: 244.5,
      budget: rub('1000000.00'),
      budgetInBaseCurrency: rub('1000000.00'),
      roi: 14.5, // 14,500,000 / 1,000,000
      roiUnavailableReason: null,
      cohorts: [
        // 2024-03-12 + 6 months = 2024-09-12: D1 only.
        cohort(6, '2024-09-12', true, 1, '10000000.00', 0),
        // + 12 months = 2025-03-12: still D1 (D2 signed 2025-04-10).
        cohort(12, '2025-03-12', true, 1, '10000000.00', 0),
        // + 24 months = 2026-03-12: D1 and D2.
        cohort(24, '2026-03-12', true, 2, '14500000.00', 0),
      ],
      exporters: [
        // mt1, mt2, mt3; leads D1, D2, D6; won D1 + D2.
        exporter('Alpha Conserves', 'ATTENDED', [3, 3, 2], '14500000.00', '0.00', 0),
        // mt4 (mt5 no-show, mt6 cancelled); leads D3 (lost), D5 (open, 2,850,000).
        exporter('Beta Displays', 'ATTENDED', [1, 2, 0], '0.00', '2850000.00', 0),
        exporter('Gamma Lasers', 'WITHDREW', [0, 0, 0], '0.00', '0.00', 0),
      ],
    });
  });

  it('Dakar 2025: a won deal without a rate is flagged, left out of the value, and voids the ROI', async () => {
    const dakar = await outcome(fx.missions.M2);
    expect(dakar).toMatchObject({
      delegationSize: 2, // E2 ATTENDED, E3 CONFIRMED
      participantsByStatus: statuses({ CONFIRMED: 1, ATTENDED: 1 }, PARTICIPANT),
      meetingsHeld: 2,
      counterpartsMet: 1,
      counterpartsByKind: [{ kind: 'BUYER', count: 1 }],
      leads: 2,
      dealsByCategory: [
        { category: 'OPEN', deals: 0, value: rub('0.00'), dealsWithoutRate: 0 },
        // D7: 40,000 EUR × 95 (2025-08-20) = 3,800,000; D8 (10,000 USD) has no USD rate.
        { category: 'WON', deals: 2, value: rub('3800000.00'), dealsWithoutRate: 1 },
        { category: 'LOST', deals: 0, value: rub('0.00'), dealsWithoutRate: 0 },
      ],
      valueWon: rub('3800000.00'),
      dealsWithoutRate: 1,
      currenciesWithoutRate: ['USD'],
      conversion: { meetingsWithLead: 2, meetingsWithWonDeal: 2, leadToWonPercent: 100, meetingToLeadPercent: 100 },
      // End 2025-02-05. D8 on 2025-03-15: 23 + 15 = 38; D7 on 2025-08-20: 23 + 31 + 30 + 31 + 30 + 31 + 20 = 196.
      // Median (38 + 196) / 2 = 117: the days need no rate.
      medianDaysToSignature: 117,
      budget: { amount: '10000.00', currency: 'EUR' },
      // 10,000 EUR × 90 (the rate valid on the last day, 2025-02-05).
      budgetInBaseCurrency: rub('900000.00'),
      roi: null,
      roiUnavailableReason: 'EXCHANGE_RATE_MISSING',
      cohorts: [
        // 2025-08-05: D8 only, counted but valued at nothing (no rate).
        cohort(6, '2025-08-05', true, 1, '0.00', 1),
        cohort(12, '2026-02-05', true, 2, '3800000.00', 1),
        cohort(24, '2027-02-05', '2027-02-05' < today(), 2, '3800000.00', 1),
      ],
      exporters: [
        exporter('Beta Displays', 'ATTENDED', [1, 1, 1], '3800000.00', '0.00', 0),
        exporter('Gamma Lasers', 'CONFIRMED', [1, 1, 1], '0.00', '0.00', 1),
      ],
    });
  });

  it('Online 2025: no budget, no meetings: ROI and meeting rates are null, with the reason', async () => {
    expect(await outcome(fx.missions.M3)).toMatchObject({
      delegationSize: 1,
      meetingsHeld: 0,
      counterpartsMet: 0,
      counterpartsByKind: [],
      leads: 1,
      // D9: 100,000 MAD × 9 (2025-12-01).
      valueWon: rub('900000.00'),
      conversion: { meetingsHeld: 0, meetingToLeadPercent: null, meetingToWonPercent: null, leadToWonPercent: 100 },
      // 2025-09-15 → 2025-12-01: 15 + 31 + 30 + 1 = 77 days.
      medianDaysToSignature: 77,
      budget: null,
      budgetInBaseCurrency: null,
      roi: null,
      roiUnavailableReason: 'NO_BUDGET',
      exporters: [{ exporter: { name: 'Alpha Conserves' }, participantStatus: 'REGISTERED', leads: 1, won: 1 }],
    });
  });

  it("reads another agency's mission, or a bad id, as null; the other agency sees only its own", async () => {
    expect(await outcome(fx.other.missionId)).toBeNull();
    expect(await outcome('not-an-id')).toBeNull();
    expect(await outcome(fx.missions.M1, beta)).toBeNull();
    // Beta's own mission: its two leads, valued at Beta's rates (USD 80): 999,000,000 × 80 + 999,000,000.
    const own = await outcome(fx.other.missionId, beta);
    expect(own).toMatchObject({ leads: 2, valueWon: rub('80919000000.00'), meetingsHeld: 1, delegationSize: 1 });
  });

  it('is for signed-in users only', async () => {
    const response = await server.gql(OUTCOME, { id: fx.missions.M1 });
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('costs one statement per section whatever the size of the mission', async () => {
    server.resetStatements();
    await outcome(fx.missions.M1);
    const statements = server.statements.filter((s) => !s.includes(' session'));
    // The mission, then delegation, meetings, deals, exporters, and the exporters' companies.
    expect(statements, statements.join('\n')).toHaveLength(6);
  });
});
