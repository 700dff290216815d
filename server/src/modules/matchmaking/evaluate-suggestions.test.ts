import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import { evaluateSuggestions, evaluationReport } from './evaluate-suggestions.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(() => server?.close());

describe('the offline evaluation of meeting suggestions', () => {
  it('replays the demo’s past missions and scores suggestions against the meetings that turned out well', async () => {
    const evaluation = await evaluateSuggestions(server.db.orm.em);
    console.log(evaluationReport(evaluation));
    expect(evaluation.pairs).toBeGreaterThan(0);
    for (const scores of [evaluation.model, evaluation.baseline]) {
      for (const value of [scores.precisionAt5, scores.recallAt10]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
    // What docs/matchmaking.md claims: the suggestions do at least as well as shared sectors alone.
    expect(evaluation.model.precisionAt5).toBeGreaterThanOrEqual(evaluation.baseline.precisionAt5);
    expect(evaluation.model.recallAt10).toBeGreaterThanOrEqual(evaluation.baseline.recallAt10);
  });
});
