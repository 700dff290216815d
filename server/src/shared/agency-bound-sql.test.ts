import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgencyScopeError, agencyEm } from '../db/agency-scope.js';
import { agencyBinding } from '../test/agency-bound.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { agencyQuery, sql } from './sql.js';

/**
 * Issue 13, "a raw statement that forgets the agency cannot be written": every SQL statement a
 * representative set of requests issues that reads or writes an agency-owned table binds the
 * viewer's agency id (the ORM's agency filter and the raw statements of shared/sql.ts alike).
 * The statements are read with their parameters, before they run (`boundStatements`).
 */
let server: TestServer;
let manager: string;
let agencyId: string;
let ids: Record<string, string>;

const REQUESTS: Record<string, string> = {
  companiesPage: `{ companies(first: 20, filter: { search: "a" }) { totalCount nodes { id name sectors { code }
    contacts(first: 3) { totalCount nodes { fullName } } } } }`,
  companyWithTimeline: `query($company: ID!) { company(id: $company) { name
    interactions(first: 10) { totalCount pageInfo { endCursor } nodes { subject exporter { name } counterpart { name } } }
    missions(first: 5) { totalCount nodes { name } } tasks(first: 5) { totalCount nodes { title } } } }`,
  missionWithAgenda: `query($mission: ID!, $day: Date!) { mission(id: $mission) { name
    participants(first: 10) { totalCount nodes { company { name } meetings(first: 5) { totalCount nodes { subject } } } }
    agenda(day: $day) { subject exporter { name } } } }`,
  pipelineBoard: `query($pipeline: ID!) { pipeline(id: $pipeline) { name stages { name
    deals(first: 10) { totalCount totalAmount { amount currency } currenciesWithoutRate totalsByCurrency { amount }
      nodes { title exporter { name } amountInBaseCurrency { amount } } } } } }`,
  dealsList: `{ deals(first: 20) { totalCount pageInfo { endCursor } nodes { title stage { name } exporter { name } buyer { name } } } }`,
  search: `{ search(query: "export", first: 10) { totalCount edges { cursor } } }`,
  exportValue: `{ exportValue(groupBy: [COUNTRY, EXPORTER], from: "2020-01-01", to: "2030-12-31") { total { value { amount } } rows { label } } }`,
  activitySummary: `{ activitySummary(from: "2020-01-01", to: "2030-12-31", groupBy: MISSION) { rows { label interactions } } }`,
  pipelineFunnel: `query($pipeline: ID!) { pipelineFunnel(pipelineId: $pipeline, from: "2020-01-01", to: "2030-12-31") { deals stages { entered } } }`,
  missionOutcome: `query($mission: ID!) { missionOutcome(missionId: $mission) { meetingsHeld leads valueWon { amount } } }`,
};

beforeAll(async () => {
  server = await startTestServer();
  manager = await server.login('manager@mosprom.demo');
  const [user] = await server.sql<{ agency_id: string }>(`select agency_id from "user" where email = ?`, [
    'manager@mosprom.demo',
  ]);
  agencyId = user.agency_id;
  const [meeting] = await server.sql<{ mission_id: string; exporter_id: string; day: string }>(
    `select mission_id, exporter_id, to_char(starts_at, 'YYYY-MM-DD') as day from interaction
      where agency_id = ? and kind = 'MEETING' and mission_id is not null order by starts_at limit 1`,
    [agencyId],
  );
  const [pipeline] = await server.sql<{ id: string }>(`select id from pipeline where agency_id = ? limit 1`, [
    agencyId,
  ]);
  ids = { company: meeting.exporter_id, mission: meeting.mission_id, day: meeting.day, pipeline: pipeline.id };
});
afterAll(() => server?.close());

describe('every statement of a request binds the viewer agency', () => {
  for (const [name, query] of Object.entries(REQUESTS)) {
    it(name, async () => {
      server.resetStatements();
      const response = await server.gql(query, ids, { cookie: manager });
      expect(response.errors, name).toBeUndefined();
      const { owned, unbound } = agencyBinding(server, agencyId);
      expect(owned.length, name).toBeGreaterThan(0);
      expect(unbound, name).toEqual([]);
    });
  }
});

describe('agencyQuery, the runner of raw SQL', () => {
  it('refuses a statement that does not bind the agency, before it runs', async () => {
    const em = agencyEm(server.db.orm.em.fork(), agencyId);
    server.resetStatements();
    await expect(agencyQuery(em, sql`select count(*) as n from company`)).rejects.toThrow(AgencyScopeError);
    await expect(agencyQuery(em, sql`select count(*) as n from company where name = ${'x'}`)).rejects.toThrow(
      AgencyScopeError,
    );
    expect(server.boundStatements).toEqual([]);
  });

  it('refuses an EntityManager that is not scoped to an agency', async () => {
    const statement = sql`select count(*) as n from company where agency_id = ${agencyId}`;
    await expect(agencyQuery(server.db.orm.em.fork(), statement)).rejects.toThrow(AgencyScopeError);
  });

  it('runs a statement that binds the agency, given or as the argument of a function', async () => {
    const em = agencyEm(server.db.orm.em.fork(), agencyId);
    const [given] = await agencyQuery<{ n: string }>(
      em,
      sql`select count(*) as n from company where agency_id = ${agencyId}`,
    );
    const [built] = await agencyQuery<{ n: string }>(
      em,
      (agency) => sql`select count(*) as n from company where agency_id = ${agency}`,
    );
    expect(Number(given.n)).toBeGreaterThan(0);
    expect(built.n).toBe(given.n);
  });
});
