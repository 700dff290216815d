import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../test/test-server.js';
import { startAnalyticsServer } from './analytics.fixture.js';

/**
 * activitySummary on the fixture of analytics.fixture.ts, for 2025 (and 2024). What happened in
 * 2025, by hand:
 *   interactions: mt7, mt8 (Boris, M2, meetings HELD), the NOTE (Boris, M2), the EMAIL (Anna, no mission)
 *   deals created: D13 (Anna), D14 (Boris), D7 (Boris, M2, from mt7), D8 (Anna, M2, from mt8),
 *                  D12 (Boris), D9 (Anna, M3) — D5 and D6 are recent, outside 2025
 *   moves: D2 ×2 (Boris, M1, from mt2), D7 ×5 (Boris, M2), D8 ×2 (Anna, M2), D9 ×1 (Anna, M3),
 *          D12 ×1 (Boris), D13 ×1 (Anna), D14 ×2 (Boris): 14 moves of 7 deals
 *   won (WON now, closedOn in 2025): D2 4,500,000 (Boris), D7 3,800,000 (Boris), D8 no rate (Anna),
 *        D9 900,000 (Anna), D12 no amount (Boris); lost: D13 (Anna), D14 (Boris)
 */
let server: TestServer;
let analyst: string;

beforeAll(async () => {
  ({ server, analyst } = await startAnalyticsServer());
});
afterAll(() => server?.close());

const FIGURES =
  'label interactions meetingsHeld dealsCreated dealsMoved stageChanges dealsWon valueWon { amount } dealsWithoutRate dealsLost';
const SUMMARY = `query($from: Date!, $to: Date!, $groupBy: ActivityGrouping) {
  activitySummary(from: $from, to: $to, groupBy: $groupBy) {
    from to groupBy rows { ${FIGURES} owner { fullName } mission { name } kind } total { ${FIGURES} } } }`;

async function summary(variables: Record<string, unknown>) {
  const response = await server.gql(SUMMARY, variables, { cookie: analyst });
  expect(response.errors).toBeUndefined();
  return response.data?.activitySummary;
}

/** [interactions, meetings held, created, deals moved, moves, won, value won, won without rate, lost] */
type Counts = [number, number, number, number, number, number, string, number, number];
const figures = (label: string, c: Counts) => ({
  label,
  interactions: c[0],
  meetingsHeld: c[1],
  dealsCreated: c[2],
  dealsMoved: c[3],
  stageChanges: c[4],
  dealsWon: c[5],
  valueWon: { amount: c[6] },
  dealsWithoutRate: c[7],
  dealsLost: c[8],
});
// 4 interactions (2 meetings held), 6 created, 7 deals moved 14 times, 5 won worth
// 4,500,000 + 3,800,000 + 900,000 = 9,200,000 (D8 without a rate), 2 lost.
const TOTAL_2025 = figures('Total', [4, 2, 6, 7, 14, 5, '9200000.00', 1, 2]);

describe('activitySummary', () => {
  it('per account manager: interactions by author, deals by owner', async () => {
    expect(await summary({ from: '2025-01-01', to: '2025-12-31' })).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      groupBy: 'OWNER',
      rows: [
        {
          // EMAIL; created D8 D9 D13; moved D8 (2) D9 (1) D13 (1); won D8 (no rate) D9 900,000; lost D13.
          ...figures('Anna Petrova', [1, 0, 3, 3, 4, 2, '900000.00', 1, 1]),
          owner: { fullName: 'Anna Petrova' },
          mission: null,
          kind: null,
        },
        {
          // mt7, mt8, NOTE; created D7 D12 D14; moved D2 (2) D7 (5) D12 (1) D14 (2) = 10;
          // won D2 + D7 + D12 = 4,500,000 + 3,800,000 + nothing; lost D14.
          ...figures('Boris Orlov', [3, 2, 3, 4, 10, 3, '8300000.00', 0, 1]),
          owner: { fullName: 'Boris Orlov' },
          mission: null,
          kind: null,
        },
      ],
      total: TOTAL_2025,
    });
  });

  it('per mission, activity without a mission last', async () => {
    const byMission = await summary({ from: '2025-01-01', to: '2025-12-31', groupBy: 'MISSION' });
    expect(byMission.rows.map((row: { mission: unknown }) => row.mission)).toEqual([
      { name: 'Casablanca 2024' },
      { name: 'Dakar 2025' },
      { name: 'Online 2025' },
      null,
    ]);
    expect(byMission.rows.map(({ owner: _o, mission: _m, kind: _k, ...row }: Record<string, unknown>) => row)).toEqual([
      // D2 moved twice and won in 2025, a lead of the 2024 mission.
      figures('Casablanca 2024', [0, 0, 0, 1, 2, 1, '4500000.00', 0, 0]),
      // mt7, mt8, NOTE; D7 and D8 created, moved 5 + 2 times, won (D8 without a rate).
      figures('Dakar 2025', [3, 2, 2, 2, 7, 2, '3800000.00', 1, 0]),
      figures('Online 2025', [0, 0, 1, 1, 1, 1, '900000.00', 0, 0]),
      // EMAIL; D12 D13 D14 created, moved 1 + 1 + 2 times; D12 won (no amount); D13 D14 lost.
      figures('(no mission)', [1, 0, 3, 3, 4, 1, '0.00', 0, 2]),
    ]);
    expect(byMission.total).toEqual(TOTAL_2025);
  });

  it('per interaction kind: deals by the kind of the interaction they were born in', async () => {
    const byKind = await summary({ from: '2025-01-01', to: '2025-12-31', groupBy: 'KIND' });
    expect(byKind.rows.map(({ owner: _o, mission: _m, ...row }: Record<string, unknown>) => row)).toEqual([
      { ...figures('EMAIL', [1, 0, 0, 0, 0, 0, '0.00', 0, 0]), kind: 'EMAIL' },
      // mt7, mt8; D7 D8 born in meetings; D2 (mt2) D7 D8 moved 2 + 5 + 2 = 9 times and won: 4,500,000 + 3,800,000.
      { ...figures('MEETING', [2, 2, 2, 3, 9, 3, '8300000.00', 1, 0]), kind: 'MEETING' },
      { ...figures('NOTE', [1, 0, 0, 0, 0, 0, '0.00', 0, 0]), kind: 'NOTE' },
      // D9 D12 D13 D14 have no source interaction: moved 1 + 1 + 1 + 2 = 5 times; D9 and D12 won; D13 D14 lost.
      { ...figures('(no source interaction)', [0, 0, 4, 4, 5, 2, '900000.00', 0, 2]), kind: null },
    ]);
    expect(byKind.total).toEqual(TOTAL_2025);
  });

  it('2024: the moves of a deal lost then, reopened and won later, count; the deal is not lost', async () => {
    const year = await summary({ from: '2024-01-01', to: '2024-12-31' });
    expect(year.rows.map(({ owner: _o, mission: _m, kind: _k, ...row }: Record<string, unknown>) => row)).toEqual([
      // mt1..mt6 and the CALL (4 meetings held); D1 D3 D10 created; D1 3 moves, D3 3, D10 1;
      // won D1 10,000,000 + D10 1,000,000; lost D3.
      figures('Anna Petrova', [7, 4, 3, 3, 7, 2, '11000000.00', 0, 1]),
      // D2 and D11 created; D2 moved to Qualified and Lost, D11 won (no MAD rate in 2024).
      // D2 is WON now: not counted as lost in 2024.
      figures('Boris Orlov', [0, 0, 2, 2, 3, 1, '0.00', 1, 0]),
    ]);
  });

  it('an empty period has a total of zeros and no rows; one statement', async () => {
    server.resetStatements();
    const empty = await summary({ from: '2030-01-01', to: '2030-01-31', groupBy: 'KIND' });
    expect(server.statements.filter((s) => !s.includes(' session'))).toHaveLength(1);
    expect(empty.rows).toEqual([]);
    expect(empty.total).toEqual(figures('Total', [0, 0, 0, 0, 0, 0, '0.00', 0, 0]));
    const backwards = await server.gql(SUMMARY, { from: '2025-01-02', to: '2025-01-01' }, { cookie: analyst });
    expect(backwards.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
