import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../config.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import { today } from '../exchange-rate/conversion.js';

/**
 * Issue 5's "done when": the demo data's Mosprom analyst asks, in one GraphQL request, for the
 * Casablanca 2025 mission's outcome and the export value by half-year with growth, and gets
 * the figures of a hand count of the demo data. The hand count is done here in plain
 * TypeScript over rows read straight from the tables (no analytics SQL reused).
 */
let server: TestServer;
let analyst: string;

beforeAll(async () => {
  server = await startTestServer();
  analyst = await server.login('analyst@mosprom.demo');
});
afterAll(() => server?.close());

const REQUEST = `query($mission: ID!) {
  missionOutcome(missionId: $mission) {
    mission { name } delegationSize meetingsHeld counterpartsMet counterpartsByKind { kind count } leads
    dealsByCategory { category deals value { amount currency } }
    valueWon { amount currency } valueOpen { amount currency } currenciesWithoutRate
    conversion { meetingsHeld meetingsWithLead meetingsWithWonDeal leads won meetingToLeadPercent leadToWonPercent meetingToWonPercent }
    medianDaysToSignature budget { amount currency } roi roiUnavailableReason
    cohorts { months until elapsed dealsWon valueWon { amount } }
    exporters { exporter { name } participantStatus meetingsHeld leads won valueWon { amount } }
  }
  exportValue(groupBy: [HALF_YEAR], from: "2024-01-01", to: "2026-06-30", compareWithPrevious: true) {
    comparison previousFrom previousTo total { dealsWon value { amount } } previousTotal { dealsWon value { amount } }
    totalGrowthPercent rows { label current { dealsWon value { amount } } previous { dealsWon value { amount } } growthPercent }
  }
}`;

interface Raw {
  agency: { id: string; base_currency: string };
  mission: {
    id: string;
    starts_on: string;
    ends_on: string | null;
    budget_amount: string | null;
    budget_currency: string;
  };
  participants: { company_id: string; status: string }[];
  meetings: { id: string; exporter_id: string; counterpart_id: string | null; status: string }[];
  companies: { id: string; name: string; kind: string }[];
  deals: {
    id: string;
    source_mission_id: string | null;
    source_interaction_id: string | null;
    exporter_id: string;
    amount: string | null;
    currency: string;
    closed_on: string | null;
    category: string;
  }[];
  rates: { currency: string; valid_on: string; rate: string }[];
}

/** Mosprom's rows, read with plain selects. */
async function readDemo(): Promise<Raw> {
  const sql = <T>(text: string, params: unknown[] = []) => server.db.orm.em.getConnection().execute<T[]>(text, params);
  const [agency] = await sql<Raw['agency']>(`select id, base_currency from agency where short_name = 'Mosprom'`);
  const [mission] = await sql<Raw['mission']>(
    `select id, starts_on::text, ends_on::text, budget_amount::text, budget_currency from mission
     where agency_id = ? and name = 'Mission commerciale Mosprom à Casablanca'`,
    [agency.id],
  );
  return {
    agency,
    mission,
    participants: await sql(`select company_id, status from mission_participant where mission_id = ?`, [mission.id]),
    meetings: await sql(
      `select id, exporter_id, counterpart_id, status from interaction where mission_id = ? and kind = 'MEETING'`,
      [mission.id],
    ),
    companies: await sql(`select id, name, kind from company where agency_id = ?`, [agency.id]),
    deals: await sql(
      `select d.id, d.source_mission_id, d.source_interaction_id, d.exporter_id, d.amount::text, d.currency,
         d.closed_on::text, s.category
       from deal d, pipeline_stage s where s.id = d.stage_id and d.agency_id = ?`,
      [agency.id],
    ),
    rates: await sql(`select currency, valid_on::text, rate::text from exchange_rate where agency_id = ?`, [agency.id]),
  };
}

const round2 = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const percent = (part: number | Decimal, whole: number | Decimal) =>
  new Decimal(whole).isZero() ? null : round2(new Decimal(part).times(100).div(whole)).toNumber();
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const plusMonths = (day: string, months: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
};

/** The hand count: what the analyst should read. */
function expected(raw: Raw) {
  const base = raw.agency.base_currency.trim();
  const rateOn = (currency: string, day: string): Decimal | null => {
    if (currency.trim() === base) return new Decimal(1);
    const valid = raw.rates
      .filter((rate) => rate.currency.trim() === currency.trim() && rate.valid_on <= day)
      .sort((a, b) => b.valid_on.localeCompare(a.valid_on));
    return valid.length > 0 ? new Decimal(valid[0].rate) : null;
  };
  const value = (deal: Raw['deals'][number]) => {
    if (deal.amount == null) return new Decimal(0);
    const rate = rateOn(deal.currency, deal.category === 'OPEN' ? today() : deal.closed_on!);
    if (rate == null) throw new Error(`The demo has a deal without a rate: ${deal.id}`);
    return round2(new Decimal(deal.amount).times(rate));
  };
  const sum = (deals: Raw['deals']) => deals.reduce((total, deal) => total.plus(value(deal)), new Decimal(0));
  const money = (amount: Decimal) => ({ amount: amount.toFixed(2), currency: base });
  const name = (id: string) => raw.companies.find((company) => company.id === id)!.name;

  const leads = raw.deals.filter((deal) => deal.source_mission_id === raw.mission.id);
  const won = leads.filter((deal) => deal.category === 'WON');
  const held = raw.meetings.filter((meeting) => meeting.status === 'HELD');
  const counterparts = [...new Set(held.map((meeting) => meeting.counterpart_id).filter(Boolean))] as string[];
  const kinds = new Map<string, number>();
  for (const id of counterparts) {
    const kind = raw.companies.find((company) => company.id === id)!.kind;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const withLead = held.filter((meeting) => leads.some((deal) => deal.source_interaction_id === meeting.id));
  const withWin = held.filter((meeting) => won.some((deal) => deal.source_interaction_id === meeting.id));
  const end = raw.mission.ends_on ?? raw.mission.starts_on;
  const valueWon = sum(won);
  const budget = new Decimal(raw.mission.budget_amount!); // in RUB, the base currency
  const exporters = [
    ...new Set([
      ...raw.participants.map((p) => p.company_id),
      ...raw.meetings.map((m) => m.exporter_id),
      ...leads.map((d) => d.exporter_id),
    ]),
  ].sort((a, b) => (name(a) < name(b) ? -1 : 1));

  // Export value by half-year, 2024-H1 … 2026-H1, each half against the same half a year earlier.
  const halfOf = (day: string) => `${day.slice(0, 4)}-H${Number(day.slice(5, 7)) <= 6 ? 1 : 2}`;
  const yearLater = (day: string) => `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;
  const allWon = raw.deals.filter((deal) => deal.category === 'WON');
  const inRange = (from: string, to: string) =>
    allWon.filter((deal) => deal.closed_on! >= from && deal.closed_on! <= to);
  const current = inRange('2024-01-01', '2026-06-30');
  const previous = inRange('2023-01-01', '2025-06-30');
  const halves = ['2024-H1', '2024-H2', '2025-H1', '2025-H2', '2026-H1'];
  const figures = (deals: Raw['deals']) => ({ dealsWon: deals.length, value: { amount: sum(deals).toFixed(2) } });

  return {
    missionOutcome: {
      mission: { name: 'Mission commerciale Mosprom à Casablanca' },
      delegationSize: raw.participants.filter((p) => p.status !== 'WITHDREW').length,
      meetingsHeld: held.length,
      counterpartsMet: counterparts.length,
      counterpartsByKind: [...kinds]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([kind, count]) => ({ kind, count })),
      leads: leads.length,
      dealsByCategory: ['OPEN', 'WON', 'LOST'].map((category) => {
        const deals = leads.filter((deal) => deal.category === category);
        return { category, deals: deals.length, value: money(sum(deals)) };
      }),
      valueWon: money(valueWon),
      valueOpen: money(sum(leads.filter((deal) => deal.category === 'OPEN'))),
      currenciesWithoutRate: [],
      conversion: {
        meetingsHeld: held.length,
        meetingsWithLead: withLead.length,
        meetingsWithWonDeal: withWin.length,
        leads: leads.length,
        won: won.length,
        meetingToLeadPercent: percent(withLead.length, held.length),
        leadToWonPercent: percent(won.length, leads.length),
        meetingToWonPercent: percent(withWin.length, held.length),
      },
      medianDaysToSignature: median(won.map((deal) => days(end, deal.closed_on!))),
      budget: money(budget),
      roi: valueWon.div(budget).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toNumber(),
      roiUnavailableReason: null,
      cohorts: [6, 12, 24].map((months) => {
        const until = plusMonths(end, months);
        const deals = won.filter((deal) => deal.closed_on! <= until);
        return {
          months,
          until,
          elapsed: until < today(),
          dealsWon: deals.length,
          valueWon: { amount: sum(deals).toFixed(2) },
        };
      }),
      exporters: exporters.map((id) => {
        const theirs = leads.filter((deal) => deal.exporter_id === id);
        return {
          exporter: { name: name(id) },
          participantStatus: raw.participants.find((p) => p.company_id === id)?.status ?? null,
          meetingsHeld: held.filter((meeting) => meeting.exporter_id === id).length,
          leads: theirs.length,
          won: theirs.filter((deal) => deal.category === 'WON').length,
          valueWon: { amount: sum(theirs.filter((deal) => deal.category === 'WON')).toFixed(2) },
        };
      }),
    },
    exportValue: {
      comparison: 'YEAR_EARLIER',
      previousFrom: '2023-01-01',
      previousTo: '2025-06-30',
      total: figures(current),
      previousTotal: figures(previous),
      totalGrowthPercent: percent(sum(current).minus(sum(previous)), sum(previous)),
      rows: halves.map((half) => {
        const now = current.filter((deal) => halfOf(deal.closed_on!) === half);
        const before = previous.filter((deal) => halfOf(yearLater(deal.closed_on!)) === half);
        return {
          label: half,
          current: figures(now),
          previous: figures(before),
          growthPercent: percent(sum(now).minus(sum(before)), sum(before)),
        };
      }),
    },
  };
}

describe('the Casablanca 2025 mission, for the Mosprom analyst', () => {
  it('its outcome and the export value by half-year with growth, in one request, match a hand count', async () => {
    const raw = await readDemo();
    server.resetStatements();
    const response = await server.gql(REQUEST, { mission: raw.mission.id }, { cookie: analyst });
    const statements = server.statements.filter((s) => !s.includes(' session'));
    expect(response.errors).toBeUndefined();
    const hand = expected(raw);
    expect(response.data).toEqual(hand);

    // What the hand count says about the demo, for the reader: six exporters, Fish World's
    // eleven held meetings, three contracts, and H1 2026 against nothing a year earlier.
    expect(hand.missionOutcome.delegationSize).toBe(6);
    expect(hand.missionOutcome.exporters.find((e) => e.exporter.name === 'Fish World')).toMatchObject({
      meetingsHeld: 11,
      won: 2,
    });
    expect(hand.missionOutcome.conversion.won).toBe(3);
    expect(hand.exportValue.rows.map((row) => row.growthPercent)).toContain(null);
    expect(hand.exportValue.rows.some((row) => row.growthPercent !== null)).toBe(true);
    // The mission's six statements and the report's one.
    expect(statements, statements.join('\n')).toHaveLength(7);
  });

  it('answers every example query of docs/analytics.md', async () => {
    const doc = readFileSync(resolve(repoRoot, 'docs/analytics.md'), 'utf8');
    const examples = [...doc.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(examples.length).toBeGreaterThanOrEqual(5);
    const raw = await readDemo();
    const conn = server.db.orm.em.getConnection();
    const [sector] = await conn.execute<{ id: string }[]>(`select id from sector where agency_id = ? limit 1`, [
      raw.agency.id,
    ]);
    const [pipeline] = await conn.execute<{ id: string }[]>(`select id from pipeline where agency_id = ? limit 1`, [
      raw.agency.id,
    ]);
    for (const example of examples) {
      const query = example.replace('<sector id>', sector.id);
      const response = await server.gql(query, { mission: raw.mission.id, pipeline: pipeline.id }, { cookie: analyst });
      expect(response.errors, example).toBeUndefined();
      expect(
        Object.values(response.data ?? {}).every((value) => value !== null),
        example,
      ).toBe(true);
    }
  });
});
