import { describe, expect, it } from 'vitest';
import { runSuggestionsBench, suggestionsReport } from './suggestions-run.js';

describe('pnpm bench:suggestions at a tiny scale', () => {
  it('replays the generated missions against the baseline and times the live statement', async () => {
    const result = await runSuggestionsBench({
      databaseUrl: process.env.DATABASE_URL || undefined,
      shape: {
        companies: 400,
        contactsPerCompany: 1,
        missions: 8,
        participantsPerMission: 6,
        interactions: 2_000,
        deals: 200,
        tasks: 20,
      },
      batches: 1,
      maxPairs: 12,
      runs: 3,
      log: () => {},
    });
    expect(result.counts).toMatchObject({ companies: 400, interactions: 2_000, deals: 200 });
    // 300 counterparts over 10 countries.
    expect(result.counts.candidatesPerMission).toBe(30);
    // Counterparts have tastes: a meeting in a sector they declare goes well far more often (the
    // others include those they favour without declaring it).
    expect(result.positiveRate.sharedSector).toBeGreaterThan(1.5 * result.positiveRate.other);
    // At most the pairs asked, from several missions, each scored in [0, 1] for both rankings.
    expect(result.evaluation.pairs).toBe(12);
    expect(result.evaluation.missions).toBeGreaterThan(1);
    for (const scores of [result.evaluation.model, result.evaluation.baseline]) {
      for (const value of Object.values(scores)) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
    // Three live statements timed, each with its ten suggestions.
    expect(result.times).toHaveLength(3);
    expect(result.returned).toEqual([10, 10, 10]);
    const report = suggestionsReport(result, 'tiny');
    expect(report).toContain('| sector-only baseline |');
    expect(report).toMatch(/p50 \d+\.\d ms/);
  }, 120_000);
});
