import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnalyticsLimits, loadConfig } from '../../config.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import { ANALYTICS_COST } from './analytics.resolver.js';

/**
 * Issue 12, finding 3: one exportValue could ask for (key combinations × a century of months)
 * rows, cost like a small list, and hold the database's one connection for as long as it took.
 * Reports are now bounded before their SQL runs, cost what they read, and statements time out.
 */
let server: TestServer;
let manager: string;

const LIMITS = loadAnalyticsLimits({});
const MAX_COST = loadConfig({}).limits.maxCost;

beforeAll(async () => {
  server = await startTestServer();
  manager = await server.login('manager@mosprom.demo');
});
afterAll(() => server?.close());

const EXPORT_VALUE = `query($groupBy: [ExportValueDimension!]!, $from: Date!, $to: Date!) {
  exportValue(groupBy: $groupBy, from: $from, to: $to) { total { dealsWon } rows { label } } }`;

/** The statements a request ran, its session's look-up aside. */
function reportStatements(): string[] {
  return server.statements.filter((s) => !s.includes(' session'));
}

describe('exportValue size', () => {
  it('refuses a century of months with every grouping before any SQL runs, saying how to narrow it', async () => {
    server.resetStatements();
    const response = await server.gql(
      EXPORT_VALUE,
      {
        groupBy: ['COUNTRY', 'SECTOR', 'MISSION', 'EXPORTER', 'OWNER', 'MONTH'],
        from: '1926-01-01',
        to: '2025-12-31',
      },
      { cookie: manager },
    );
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(`at most ${LIMITS.maxMonths} months; this one covers 1200`),
        extensions: expect.objectContaining({
          code: 'ANALYTICS_TOO_LARGE',
          limit: 'months',
          value: 1200,
          max: LIMITS.maxMonths,
        }),
      }),
    ]);
    expect(response.errors?.[0].message).toContain('group by quarter or year');
    expect(reportStatements()).toEqual([]);
  });

  it(`caps MONTH ranges at ${LIMITS.maxMonths} months, in the caller's language`, async () => {
    const within = await server.gql(
      EXPORT_VALUE,
      { groupBy: ['MONTH'], from: '2016-01-01', to: '2025-12-31' },
      { cookie: manager },
    );
    expect(within.errors).toBeUndefined();
    expect(within.data?.exportValue.rows).toHaveLength(120);
    server.resetStatements();
    const over = await server.gql(
      EXPORT_VALUE,
      { groupBy: ['MONTH'], from: '2016-01-01', to: '2026-01-01' },
      { cookie: manager, headers: { 'accept-language': 'fr' } },
    );
    expect(over.errors?.[0]).toMatchObject({
      message:
        'Un rapport par mois couvre au plus 120 mois ; celui-ci en couvre 121. Raccourcissez la période ou regroupez par trimestre ou par année.',
      extensions: { code: 'ANALYTICS_TOO_LARGE', limit: 'months', value: 121, max: 120 },
    });
    expect(reportStatements()).toEqual([]);
    // Quarters of the same range are 41 rows: not capped.
    const quarters = await server.gql(
      EXPORT_VALUE,
      { groupBy: ['QUARTER'], from: '2016-01-01', to: '2026-01-01' },
      { cookie: manager },
    );
    expect(quarters.errors).toBeUndefined();
    expect(quarters.data?.exportValue.rows).toHaveLength(41);
  });
});

describe('exportValue rows limit', () => {
  let small: TestServer;
  let cookie: string;
  beforeAll(async () => {
    small = await startTestServer({ config: { analytics: { ...LIMITS, maxRows: 6 } } });
    cookie = await small.login('manager@mosprom.demo');
  });
  afterAll(() => small?.close());

  it('refuses more periods than rows allowed before any SQL, and more key combinations × periods in its one statement', async () => {
    small.resetStatements();
    const periods = await small.gql(
      EXPORT_VALUE,
      { groupBy: ['EXPORTER', 'YEAR'], from: '2019-01-01', to: '2025-12-31' },
      { cookie },
    );
    expect(periods.errors?.[0]).toMatchObject({
      message: expect.stringContaining('about 7 rows; the limit is 6. Narrow it'),
      extensions: { code: 'ANALYTICS_TOO_LARGE', limit: 'rows', value: 7, max: 6 },
    });
    expect(small.statements.filter((s) => !s.includes(' session'))).toEqual([]);

    // The exporters with a won deal, per half-year of 2025: counted by the statement, which
    // then answers without building the rows.
    const byExporter = await server.gql(
      EXPORT_VALUE,
      { groupBy: ['EXPORTER', 'HALF_YEAR'], from: '2024-01-01', to: '2025-12-31' },
      { cookie: manager },
    );
    const rows = byExporter.data?.exportValue.rows.length;
    expect(rows).toBeGreaterThan(6);
    small.resetStatements();
    const combinations = await small.gql(
      EXPORT_VALUE,
      { groupBy: ['EXPORTER', 'HALF_YEAR'], from: '2024-01-01', to: '2025-12-31' },
      { cookie },
    );
    expect(combinations.errors?.[0].extensions).toMatchObject({
      code: 'ANALYTICS_TOO_LARGE',
      limit: 'rows',
      value: rows,
      max: 6,
    });
    expect(combinations.data).toBeNull();
    expect(small.statements.filter((s) => !s.includes(' session'))).toHaveLength(1);
  });
});

describe('analytics cost', () => {
  it('counts the selection of exportValue once per calendar period, plus the fixed cost of a report', async () => {
    const response = await server.gql(
      `{ exportValue(groupBy: [MONTH], from: "2025-01-01", to: "2025-12-31") { rows { label } } }`,
      {},
      { cookie: manager },
    );
    expect(response.errors).toBeUndefined();
    expect(response.extensions?.cost).toMatchObject({
      // 100 + 12 months × (rows: 10 assumed × 1)
      requested: ANALYTICS_COST + 12 * 10,
      // 100 + the 12 rows returned
      actual: ANALYTICS_COST + 12,
      limit: MAX_COST,
    });
    const summary = await server.gql(
      `{ activitySummary(from: "2025-01-01", to: "2025-12-31") { total { interactions } } }`,
      {},
      { cookie: manager },
    );
    expect(summary.extensions?.cost).toMatchObject({ requested: ANALYTICS_COST + 1, actual: ANALYTICS_COST + 1 });
  });

  it('refuses, before any SQL, reports whose rows cost more than one request may', async () => {
    const rows =
      'rows { label current { dealsWon } previous { dealsWon } period { label } month { label } year { label } }';
    const report = (alias: string) =>
      `${alias}: exportValue(groupBy: [COUNTRY, MONTH, YEAR], from: "2016-01-01", to: "2025-12-31") { ${rows} }`;
    server.resetStatements();
    // 8 × (100 + 120 months × 10 rows × 6)
    const aliases = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const response = await server.gql(`{ ${aliases.map(report).join(' ')} }`, {}, { cookie: manager });
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'cost',
      value: 8 * (ANALYTICS_COST + 120 * 10 * 6),
      max: MAX_COST,
    });
    expect(reportStatements()).toEqual([]);
  });
});
