import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../test/test-server.js';
import { defaultStageNames } from '../pipeline/pipeline.defaults.js';
import { type AnalyticsFixture, startAnalyticsServer } from './analytics.fixture.js';

/**
 * pipelineFunnel on the fixture of analytics.fixture.ts (13 deals of Alpha's export pipeline).
 * Furthest stage of the path (Lead 0 … Contract signed 5; Lost 6 is off the path) reached by
 * each deal: D1 5, D2 5 (lost, then reopened and won), D3 2, D5 1, D6 0, D7 5, D8 5, D9 5,
 * D10 5, D11 5, D12 5, D13 0, D14 1. Won now: D1 D2 D7 D8 D9 D10 D11 D12 (8).
 */
let server: TestServer;
let fx: AnalyticsFixture;
let analyst: string;
let beta: string;

beforeAll(async () => {
  ({ server, fx, analyst, otherAdmin: beta } = await startAnalyticsServer());
});
afterAll(() => server?.close());

const FUNNEL = `query($id: ID!, $from: Date, $to: Date, $filter: DealFilter) {
  pipelineFunnel(pipelineId: $id, from: $from, to: $to, filter: $filter) {
    pipeline { name } from to deals open won lost winRatePercent reopenedAfterLoss
    lostReasons { rank reason deals sharePercent }
    stages { stage { name } entered reached leftForward lostFrom current conversionToNextPercent conversionToWonPercent
      stays medianDaysInStage p90DaysInStage }
  } }`;

async function funnel(variables: Record<string, unknown>, cookie = analyst) {
  const response = await server.gql(FUNNEL, { id: fx.pipelineId, ...variables }, { cookie });
  expect(response.errors).toBeUndefined();
  return response.data?.pipelineFunnel;
}

type Figures = [
  entered: number,
  reached: number,
  leftForward: number,
  lostFrom: number,
  current: number,
  toNext: number | null,
  toWon: number | null,
  stays: number,
  median: number | null,
  p90: number | null,
];
/** The fixture's agency is Russian. */
const STAGES = defaultStageNames('ru');
const stages = (rows: Figures[]) =>
  rows.map(([entered, reached, leftForward, lostFrom, current, toNext, toWon, stays, median, p90], i) => ({
    stage: { name: STAGES[i] },
    entered,
    reached,
    leftForward,
    lostFrom,
    current,
    conversionToNextPercent: toNext,
    conversionToWonPercent: toWon,
    stays,
    medianDaysInStage: median,
    p90DaysInStage: p90,
  }));

describe('pipelineFunnel', () => {
  it('all deals: reached, left forward, conversions, days in stage from the history, lost reasons ranked', async () => {
    const all = await funnel({});
    expect(all).toEqual({
      pipeline: { name: 'Экспортная воронка' },
      from: null,
      to: null,
      deals: 13,
      open: 2, // D5, D6
      won: 8,
      lost: 3, // D3, D13, D14 (D2 was reopened)
      winRatePercent: 61.54, // 8 / 13
      reopenedAfterLoss: 1, // D2
      // D3 "price too high" and D14 "Price too high " are one reason, spelt as the latest (D14, 2025-03-01).
      lostReasons: [
        { rank: 1, reason: 'Price too high', deals: 2, sharePercent: 66.67 },
        { rank: 2, reason: 'No budget', deals: 1, sharePercent: 33.33 },
      ],
      stages: stages([
        // Lead: every deal. Left forward: all but D6 (still there) and D13 (lost from it): 11; 11/13 = 84.62%.
        // Stays (days): D1 10, D2 21, D3 10, D5 15, D6 2 (running), D7 10, D8 20, D9 61, D10 65, D11 51,
        // D12 34, D13 30, D14 12. Sorted: 2 10 10 10 12 15 20 21 30 34 51 61 65.
        // Median: the 7th = 20. p90: position 0.9 × 12 = 10.8 → 51 + 0.8 × (61 − 51) = 59.
        [13, 13, 11, 1, 1, 84.62, 61.54, 13, 20, 59],
        // Qualified: entered by D1 D2 D3 D5 D7 D14, passed by D8 D9 D10 D11 D12 → reached 11.
        // Beyond it: 11 − D5 − D14 = 9 (81.82%); to WON 8/11 = 72.73%. Lost from it: D2, D14.
        // Stays: D1 30, D2 30, D3 10, D5 5 (running), D7 15, D14 28 → 5 10 15 28 30 30:
        // median (15 + 28) / 2 = 21.5; p90 at 4.5 → (30 + 30) / 2 = 30.
        [6, 11, 9, 2, 1, 81.82, 72.73, 6, 21.5, 30],
        // Meeting held: entered by D3, D7; reached 9 (the 11 of Qualified but D5, D14); beyond: 8 (not D3).
        // Stays: D7 31 (03-01 → 04-01), D3 49 (04-01 → 05-20): median 40, p90 31 + 0.9 × 18 = 47.2.
        [2, 9, 8, 1, 0, 88.89, 88.89, 2, 40, 47.2],
        // Negotiation: entered by D1 D2 D7 D8, reached 8, all went on.
        // Stays: D8 19, D1 56, D7 61, D2 90 (2025-01-10 → 04-10): median 58.5, p90 at 2.7 → 61 + 0.7 × 29 = 81.3.
        [4, 8, 8, 0, 0, 100, 100, 4, 58.5, 81.3],
        // Shortlisted: entered by D7 only (80 days, 06-01 → 08-20), passed by the 7 other winners.
        [1, 8, 8, 0, 0, 100, 100, 1, 80, 80],
        // Contract signed (WON): the last stage of the path, no days in a closed stage.
        [8, 8, 0, 0, 8, null, 100, 0, null, null],
        // Lost: entered by D2 D3 D13 D14; left (reopened) by D2, which is WON now: 1/4 = 25%.
        [4, 4, 1, 0, 3, null, 25, 0, null, null],
      ]),
    });
  });

  it('a cohort by creation day: deals created in 2024, with the whole history of each', async () => {
    const cohort = await funnel({ from: '2024-01-01', to: '2024-12-31' });
    expect(cohort).toMatchObject({
      from: '2024-01-01',
      to: '2024-12-31',
      // D1, D2, D3, D10, D11 (D5 and D6 are recent, the rest created in 2025).
      deals: 5,
      open: 0,
      won: 4,
      lost: 1,
      winRatePercent: 80,
      // D2 was reopened in 2025: its history counts whole.
      reopenedAfterLoss: 1,
      lostReasons: [{ rank: 1, reason: 'price too high', deals: 1, sharePercent: 100 }],
      stages: stages([
        // Lead stays: D1 10, D2 21, D3 10, D10 65, D11 51 → 10 10 21 51 65: median 21, p90 at 3.6 → 51 + 0.6 × 14 = 59.4.
        [5, 5, 5, 0, 0, 100, 80, 5, 21, 59.4],
        // Qualified: entered by D1 D2 D3, passed by D10 D11; D2 lost from it. Stays 30, 30, 10.
        [3, 5, 5, 1, 0, 100, 80, 3, 30, 30],
        // Meeting held: entered by D3 (49 days), which was lost from it: 4 of 5 went beyond.
        [1, 5, 4, 1, 0, 80, 80, 1, 49, 49],
        // Negotiation: D1 (56) and D2 (90), passed by D10 D11.
        [2, 4, 4, 0, 0, 100, 100, 2, 73, 86.6],
        [0, 4, 4, 0, 0, 100, 100, 0, null, null],
        [4, 4, 0, 0, 4, null, 100, 0, null, null],
        // Lost: D2 (reopened, won) and D3.
        [2, 2, 1, 0, 1, null, 50, 0, null, null],
      ]),
    });
  });

  it('a filter: the deals of one exporter (Beta Displays: D3, D5, D7, D12, D14)', async () => {
    const filtered = await funnel({ filter: { exporterIds: [fx.companies.E2] } });
    expect(filtered).toMatchObject({
      deals: 5,
      open: 1, // D5
      won: 2, // D7, D12
      lost: 2, // D3, D14
      winRatePercent: 40,
      reopenedAfterLoss: 0,
      lostReasons: [{ rank: 1, reason: 'Price too high', deals: 2, sharePercent: 100 }],
    });
    // Furthest: D3 2, D5 1, D7 5, D12 5, D14 1 → Lead and Qualified (≥ 1) 5 (D12 went Lead → WON,
    // passing it); Meeting held (≥ 2) 3; Negotiation, Shortlisted, WON 2; Lost: entered by D3 and D14.
    expect(filtered.stages.map((s: { reached: number }) => s.reached)).toEqual([5, 5, 3, 2, 2, 2, 2]);
  });

  it('an empty cohort has zeros, and null rates and days', async () => {
    const empty = await funnel({ from: '2030-01-01', to: '2030-12-31' });
    expect(empty).toMatchObject({ deals: 0, won: 0, winRatePercent: null, lostReasons: [], reopenedAfterLoss: 0 });
    expect(empty.stages[0]).toMatchObject({
      reached: 0,
      conversionToNextPercent: null,
      conversionToWonPercent: null,
      medianDaysInStage: null,
    });
  });

  it("reads another agency's pipeline as null, refuses a range backwards, and costs a fixed number of statements", async () => {
    expect(await funnel({ id: fx.other.pipelineId })).toBeNull();
    expect(await funnel({}, beta)).toBeNull();
    const backwards = await server.gql(
      FUNNEL,
      { id: fx.pipelineId, from: '2025-01-02', to: '2025-01-01' },
      { cookie: analyst },
    );
    expect(backwards.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    server.resetStatements();
    await funnel({ filter: { exporterIds: [fx.companies.E2] } });
    const statements = server.statements.filter((s) => !s.includes(' session'));
    // The pipeline, its stages, the stages' figures, the summary with lost reasons.
    expect(statements, statements.join('\n')).toHaveLength(4);
  });
});
