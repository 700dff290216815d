import { Cursor } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyEm } from '../../db/agency-scope.js';
import { normalizeName } from '../../shared/normalize.js';
import { signIn } from '../../test/sign-in.js';
import { type ResponseNode, startTestServer, type TestServer } from '../../test/test-server.js';
import { Interaction } from '../interaction/interaction.entity.js';
import { InteractionKind, MeetingStatus } from '../interaction/interaction.enums.js';

/** Reads: the missions list (filters, order, keyset pages), one mission, its delegation and agenda. */
let server: TestServer;
let manager: string;
let analyst: string;
let asmex: string;
let mosprom: { agencyId: string; managerId: string };
let casablancaId: string;
let maroc2023Id: string;
const company: Record<string, string> = {};

type Node = ResponseNode;

async function gqlOk(query: string, variables: Record<string, unknown> = {}, cookie = manager): Promise<Node> {
  const response = await server.gql(query, variables, { cookie });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

const LIST = `query($first: Int, $after: String, $last: Int, $before: String, $filter: MissionFilter, $orderBy: MissionOrder) {
  missions(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    nodes { id name startsOn }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

async function list(variables: Record<string, unknown>, cookie = manager) {
  return (await gqlOk(LIST, variables, cookie)).missions as {
    totalCount: number;
    nodes: Node[];
    pageInfo: Node;
  };
}

async function names(filter: Record<string, unknown>, cookie = manager): Promise<string[]> {
  return (await list({ first: 100, filter, orderBy: { field: 'NAME' } }, cookie)).nodes.map((node) => node.name);
}

const CREATE = `mutation($input: CreateMissionInput!) { createMission(input: $input) { mission { id } userErrors { field code } } }`;

async function createMission(input: Record<string, unknown>): Promise<string> {
  const data = await gqlOk(CREATE, { input });
  expect(data.createMission.userErrors).toEqual([]);
  return data.createMission.mission.id;
}

beforeAll(async () => {
  server = await startTestServer();
  ({ manager, analyst, asmex } = await signIn(server, 'manager', 'analyst', 'asmex'));
  const [row] = await server.sql<{ agency_id: string; id: string }>(
    `select agency_id, id from "user" where email = 'manager@mosprom.demo'`,
  );
  mosprom = { agencyId: row.agency_id, managerId: row.id };
  const missions = await server.sql<{ id: string; name: string }>(`select id, name from mission where agency_id = ?`, [
    mosprom.agencyId,
  ]);
  casablancaId = missions.find((m) => m.name.includes('Casablanca'))!.id;
  maroc2023Id = missions.find((m) => m.name.includes('2023') || m.name.includes('acheteurs'))!.id;
  for (const c of await server.sql<{ id: string; name: string }>(`select id, name from company where agency_id = ?`, [
    mosprom.agencyId,
  ])) {
    company[c.name] = c.id;
  }
});
afterAll(() => server?.close());

describe('mission(id) and its fields', () => {
  it('reads the Casablanca 2025 mission of the demo data with its relations', async () => {
    const data = await gqlOk(
      `query($id: ID!) { mission(id: $id) {
        id name kind status hostCountry city startsOn endsOn datesApproximate timeZone
        budget { amount currency } organizer { shortName } lead { email }
        partners { name } targetSectors { code }
        participants(first: 10) { totalCount nodes { status company { name kind } mission { id } } }
      } }`,
      { id: casablancaId },
      analyst,
    );
    expect(data.mission).toMatchObject({
      id: casablancaId,
      name: 'Mission commerciale Mosprom à Casablanca',
      kind: 'TRADE_MISSION',
      status: 'COMPLETED',
      hostCountry: 'MA',
      city: 'Casablanca',
      startsOn: '2025-09-08',
      endsOn: '2025-09-10',
      datesApproximate: false,
      timeZone: 'Africa/Casablanca',
      budget: { amount: '12500000.00', currency: 'RUB' },
      organizer: { shortName: 'Mosprom' },
      lead: { email: 'manager@mosprom.demo' },
      partners: [{ name: 'Représentation commerciale de la Fédération de Russie au Maroc' }],
    });
    expect(data.mission.targetSectors.map((s: Node) => s.code)).toEqual([
      '3D_PRINTING',
      'DISPLAYS_INTERACTIVE_EQUIPMENT',
      'EV_CHARGING',
      'FOOD_FISH_CONSERVES',
      'MEDICAL_EQUIPMENT',
      'PHARMACEUTICALS',
    ]);
    const delegation = data.mission.participants;
    expect(delegation.totalCount).toBe(6);
    expect(delegation.nodes.map((p: Node) => p.company.name).sort()).toEqual(
      ['Nex-T LLC', 'Intermobility.EVa', 'Fish World', 'Medsistemy-M', 'FarmaLine Moscou', 'Prototip 3D'].sort(),
    );
    expect(delegation.nodes.every((p: Node) => p.status === 'ATTENDED' && p.company.kind === 'EXPORTER')).toBe(true);
    expect(delegation.nodes.every((p: Node) => p.mission.id === casablancaId)).toBe(true);
  });

  it('answers null for an unknown id, a malformed id and another agency’s mission', async () => {
    const query = `query($id: ID!) { mission(id: $id) { id } }`;
    expect((await gqlOk(query, { id: '00000000-0000-7000-8000-000000000000' })).mission).toBeNull();
    expect((await gqlOk(query, { id: 'not-an-id' })).mission).toBeNull();
    expect((await gqlOk(query, { id: casablancaId }, asmex)).mission).toBeNull();
  });

  it('pages the delegation, filters it by status, and pages a participant’s meetings', async () => {
    const query = `query($id: ID!, $after: String, $statuses: [ParticipantStatus!]) { mission(id: $id) {
      participants(first: 4, after: $after, filter: { statuses: $statuses }) {
        totalCount nodes { id company { name } } pageInfo { hasNextPage hasPreviousPage endCursor }
      } } }`;
    const page1 = (await gqlOk(query, { id: casablancaId })).mission.participants;
    expect(page1.nodes).toHaveLength(4);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const page2 = (await gqlOk(query, { id: casablancaId, after: page1.pageInfo.endCursor })).mission.participants;
    expect(page2.nodes).toHaveLength(2);
    expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const ids = [...page1.nodes, ...page2.nodes].map((p: Node) => p.id);
    expect(new Set(ids).size).toBe(6);

    const none = (await gqlOk(query, { id: casablancaId, statuses: ['WITHDREW'] })).mission.participants;
    expect(none).toMatchObject({ totalCount: 0, nodes: [] });
    const attended = (await gqlOk(query, { id: casablancaId, statuses: ['ATTENDED', 'WITHDREW'] })).mission
      .participants;
    expect(attended.totalCount).toBe(6);

    const fishWorld = page1.nodes.concat(page2.nodes).find((p: Node) => p.company.name === 'Fish World');
    expect(fishWorld).toBeDefined();
    const meetings = `query($id: ID!, $after: String) { mission(id: $id) { participants(first: 10) { nodes { id
      meetings(first: 5, after: $after) { totalCount nodes { id subject occurredAt } pageInfo { hasNextPage endCursor } }
    } } } }`;
    const seen: Node[] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const data = await gqlOk(meetings, { id: casablancaId, after });
      const page = data.mission.participants.nodes.find((p: Node) => p.id === fishWorld.id).meetings;
      expect(page.totalCount).toBe(12);
      seen.push(...page.nodes);
      after = page.pageInfo.endCursor;
      expect(page.pageInfo.hasNextPage).toBe(i < 2);
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen.map((m) => m.id)).size).toBe(12);
    expect(seen.every((m) => m.subject.startsWith('Rendez-vous B2B : Fish World'))).toBe(true);
    const times = seen.map((m) => m.occurredAt);
    expect([...times].sort()).toEqual(times);

    for (const after of ['bm90LWEtY3Vyc29y', Cursor.encode(['x', 'y']), Cursor.encode([{ $ne: null }, casablancaId])]) {
      const forged = await server.gql(meetings, { id: casablancaId, after }, { cookie: manager });
      expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('lists the missions a company took part in (Company.missions)', async () => {
    const query = `query($first: Int, $after: String) { mission(id: "${casablancaId}") { participants(first: 10) { nodes {
      company { name missions(first: $first, after: $after) { totalCount nodes { id name } pageInfo { hasNextPage endCursor } } }
    } } } }`;
    const data = await gqlOk(query, { first: 5 });
    for (const p of data.mission.participants.nodes) {
      expect(p.company.missions.totalCount).toBe(1);
      expect(p.company.missions.nodes.map((m: Node) => m.id)).toEqual([casablancaId]);
    }
    const forged = await server.gql(
      query,
      { first: 5, after: Cursor.encode(['2025-13-45', casablancaId]) },
      { cookie: manager },
    );
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('missions: filters', () => {
  it('lists the agency’s missions only', async () => {
    expect(await names({})).toEqual([
      'Mission commerciale Mosprom à Casablanca',
      "Mission d'affaires Mosprom au Maroc (programme d'acheteurs)",
    ]);
    expect(await names({}, asmex)).toEqual([
      "Conseil d'affaires maroco-russe à Casablanca (délégation russe)",
      "Forum d'affaires maroco-russe à Moscou",
    ]);
  });

  it('filters by status, kind, host country, start dates, organiser and name', async () => {
    expect(await names({ kinds: ['BUYERS_PROGRAMME'] })).toEqual([
      "Mission d'affaires Mosprom au Maroc (programme d'acheteurs)",
    ]);
    expect(await names({ kinds: ['BUYERS_PROGRAMME', 'TRADE_MISSION'] })).toHaveLength(2);
    expect(await names({ kinds: [] })).toHaveLength(2);
    expect(await names({ statuses: ['COMPLETED'] })).toHaveLength(2);
    expect(await names({ statuses: ['PLANNED', 'OPEN'] })).toEqual([]);
    expect(await names({ hostCountries: ['ma'] })).toHaveLength(2);
    expect(await names({ hostCountries: ['RU'] })).toEqual([]);
    expect(await names({ startsFrom: '2025-01-01' })).toEqual(['Mission commerciale Mosprom à Casablanca']);
    expect(await names({ startsTo: '2025-09-07' })).toEqual([
      "Mission d'affaires Mosprom au Maroc (programme d'acheteurs)",
    ]);
    expect(await names({ startsFrom: '2025-09-08', startsTo: '2025-09-08' })).toEqual([
      'Mission commerciale Mosprom à Casablanca',
    ]);
    expect(await names({ organizerIds: [mosprom.agencyId] })).toHaveLength(2);
    expect(await names({ organizerIds: ['00000000-0000-7000-8000-000000000000', 'junk'] })).toEqual([]);
    expect(await names({ organizerIds: [mosprom.agencyId] }, asmex)).toEqual([]);
    // Accent-, case- and punctuation-insensitive.
    expect(await names({ nameContains: 'A CASABLANCA' })).toEqual(['Mission commerciale Mosprom à Casablanca']);
    expect(await names({ nameContains: 'd affaires' })).toEqual([
      "Mission d'affaires Mosprom au Maroc (programme d'acheteurs)",
    ]);
    expect(await names({ nameContains: 'mosprom', kinds: ['TRADE_MISSION'], startsFrom: '2020-01-01' })).toEqual([
      'Mission commerciale Mosprom à Casablanca',
    ]);
    expect(await names({ nameContains: '%' })).toHaveLength(2);
  });
});

describe('missions: keyset pages with ties in the sort key', () => {
  const tied: string[] = [];

  beforeAll(async () => {
    // Five missions on one day, two on the next, one undated: ties broken by id.
    for (const [i, startsOn] of [
      '2031-03-02',
      '2031-03-01',
      '2031-03-01',
      '2031-03-01',
      '2031-03-01',
      '2031-03-02',
      '2031-03-01',
      null,
    ].entries()) {
      tied.push(
        await createMission({
          name: `Salon Tie ${String.fromCharCode(65 + (i % 3))}`,
          kind: 'TRADE_FAIR',
          hostCountry: 'AE',
          startsOn,
        }),
      );
    }
  });

  async function walk(orderBy: Record<string, string>, size: number): Promise<{ forward: string[]; all: string[] }> {
    const filter = { nameContains: 'salon tie' };
    const all = (await list({ first: 100, filter, orderBy })).nodes.map((n) => n.id);
    const forward: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await list({ first: size, after, filter, orderBy });
      expect(page.totalCount).toBe(8);
      forward.push(...page.nodes.map((n) => n.id));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(8 / size));
    // And backwards from the end.
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page = await list({ last: size, before, filter, orderBy });
      backward.unshift(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(all);
    return { forward, all };
  }

  it('orders by start date then id, ascending, forwards and backwards', async () => {
    const { forward, all } = await walk({ field: 'STARTS_ON', direction: 'ASC' }, 3);
    expect(forward).toEqual(all);
    const rows = await server.sql<{ id: string; starts_on: string | null }>(
      `select id, to_char(starts_on, 'YYYY-MM-DD') as starts_on from mission where id in (${tied.map(() => '?').join(',')})`,
      tied,
    );
    const expected = rows
      .sort((a, b) =>
        a.starts_on === b.starts_on
          ? a.id.localeCompare(b.id)
          : a.starts_on === null
            ? 1
            : b.starts_on === null
              ? -1
              : a.starts_on.localeCompare(b.starts_on),
      )
      .map((row) => row.id);
    expect(all).toEqual(expected);
  });

  it('orders by start date descending and by name, with pages splitting the ties', async () => {
    const desc = await walk({ field: 'STARTS_ON', direction: 'DESC' }, 2);
    expect(desc.forward).toEqual(desc.all);
    expect(desc.all.at(0)).toBe(tied[7]); // undated first in DESC (PostgreSQL's NULLS FIRST)
    const byName = await walk({ field: 'NAME', direction: 'ASC' }, 3);
    expect(byName.forward).toEqual(byName.all);
    const created = await walk({ field: 'CREATED_AT', direction: 'DESC' }, 5);
    expect(created.forward).toEqual(created.all);
  });

  it('pages a company’s missions: latest first, undated last, ties by id descending', async () => {
    for (const missionId of tied) {
      const added = await gqlOk(
        `mutation($input: AddMissionParticipantInput!) { addMissionParticipant(input: $input) { userErrors { code } } }`,
        { input: { missionId, companyId: company['Fish World'] } },
      );
      expect(added.addMissionParticipant.userErrors).toEqual([]);
    }
    const query = `query($id: ID!, $after: String) { company(id: $id) {
      missions(first: 2, after: $after) { totalCount nodes { id startsOn } pageInfo { hasNextPage hasPreviousPage endCursor } }
    } }`;
    const seen: Node[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Node = (await gqlOk(query, { id: company['Fish World'], after })).company.missions;
      expect(page.totalCount).toBe(9);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const rank = (m: Node) => m.startsOn ?? '0000-00-00';
    const expected = [...seen].sort((a, b) => rank(b).localeCompare(rank(a)) || b.id.localeCompare(a.id));
    expect(seen.map((m) => m.id)).toEqual(expected.map((m) => m.id));
    expect(new Set(seen.map((m) => m.id)).size).toBe(9);
    expect(seen.at(-1)!.id).toBe(tied[7]);
    expect(seen.at(-2)!.id).toBe(casablancaId);
  });

  it('refuses a page over 100 and a forged cursor', async () => {
    const big = await server.gql(LIST, { first: 101 }, { cookie: manager });
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const forged = await server.gql(LIST, { first: 2, after: 'garbage' }, { cookie: manager });
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('mission agenda', () => {
  const AGENDA = `query($id: ID!, $day: Date!, $exporterId: ID, $timeZone: String) { mission(id: $id) {
    agenda(day: $day, exporterId: $exporterId, timeZone: $timeZone) { id subject startsAt status kind }
  } }`;

  async function agenda(variables: Record<string, unknown>, cookie = manager): Promise<Node[]> {
    return (await gqlOk(AGENDA, { id: casablancaId, ...variables }, cookie)).mission.agenda;
  }

  const extra: Record<string, string> = {};

  beforeAll(async () => {
    // Meetings around midnight in Casablanca (UTC+1 in September), a cancelled one, a call and
    // another mission's meeting on the same day.
    const em = agencyEm(server.db.orm.em.fork(), mosprom.agencyId);
    const make = (key: string, fields: Partial<Interaction> & { startsAt: Date }) => {
      const subject = `Agenda test ${key}`;
      const meeting = em.create(Interaction, {
        agency: mosprom.agencyId,
        kind: InteractionKind.MEETING,
        occurredAt: fields.startsAt,
        subject,
        normalizedSubject: normalizeName(subject),
        mission: casablancaId,
        exporter: company['Nex-T LLC'],
        counterpart: company['Anfa Tech Distribution'],
        author: mosprom.managerId,
        endsAt: new Date(fields.startsAt.getTime() + 30 * 60_000),
        status: MeetingStatus.PLANNED,
        ...fields,
      } as never);
      extra[key] = (meeting as Interaction).id;
    };
    make('early', { startsAt: new Date('2025-09-07T23:30:00Z') }); // 00:30 on the 8th in Casablanca
    make('late', { startsAt: new Date('2025-09-08T22:59:00Z') }); // 23:59 on the 8th
    make('after-midnight', { startsAt: new Date('2025-09-08T23:30:00Z') }); // 00:30 on the 9th
    make('cancelled', { startsAt: new Date('2025-09-08T12:00:00Z'), status: MeetingStatus.CANCELLED });
    make('unplanned', { startsAt: new Date('2025-09-08T16:00:00Z'), status: null });
    make('call', { startsAt: new Date('2025-09-08T12:00:00Z'), kind: InteractionKind.CALL, status: null });
    make('other-mission', { startsAt: new Date('2025-09-08T12:00:00Z'), mission: maroc2023Id } as never);
    await em.flush();
  });

  it('returns the day’s meetings in the host country’s time zone, by start then id, without cancelled ones', async () => {
    const day8 = await agenda({ day: '2025-09-08' });
    // 19 demo meetings on the first day, plus early, late and unplanned.
    expect(day8).toHaveLength(22);
    const sorted = [...day8].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
    expect(day8.map((m) => m.id)).toEqual(sorted.map((m) => m.id));
    expect(day8[0].id).toBe(extra.early);
    expect(day8.at(-1)!.id).toBe(extra.late);
    const ids = day8.map((m) => m.id);
    expect(ids).toContain(extra.unplanned);
    for (const key of ['after-midnight', 'cancelled', 'call', 'other-mission']) expect(ids).not.toContain(extra[key]);
    expect(day8.every((m) => m.kind === 'MEETING' && m.status !== 'CANCELLED')).toBe(true);
    // Six exporters at their tables at 09:30 local: ties in startsAt, broken by id.
    const first = day8.filter((m) => m.startsAt === '2025-09-08T08:30:00.000Z');
    expect(first).toHaveLength(6);

    const day9 = await agenda({ day: '2025-09-09' });
    expect(day9.map((m) => m.id)).toEqual([extra['after-midnight'], ...day9.slice(1).map((m) => m.id)]);
    expect(day9).toHaveLength(6); // Fish World's five, and the one after midnight
    const day10 = await agenda({ day: '2025-09-10' });
    expect(day10.map((m) => m.status)).toEqual(['HELD', 'NO_SHOW']);
    expect(await agenda({ day: '2025-09-11' })).toEqual([]);
  });

  it('reads days in another time zone when asked (UTC)', async () => {
    const day8 = (await agenda({ day: '2025-09-08', timeZone: 'UTC' })).map((m) => m.id);
    expect(day8).toContain(extra['after-midnight']);
    expect(day8).not.toContain(extra.early);
    const bad = await server.gql(
      AGENDA,
      { id: casablancaId, day: '2025-09-08', timeZone: 'Mars/Olympus' },
      { cookie: manager },
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('prints one exporter’s schedule', async () => {
    const fishWorld = await agenda({ day: '2025-09-08', exporterId: company['Fish World'] });
    expect(fishWorld).toHaveLength(5);
    expect(fishWorld.every((m) => m.subject.startsWith('Rendez-vous B2B : Fish World'))).toBe(true);
    const nexT = await agenda({ day: '2025-09-08', exporterId: company['Nex-T LLC'] });
    expect(nexT).toHaveLength(5 + 3); // the demo's five, early, late, unplanned
    expect(await agenda({ day: '2025-09-08', exporterId: 'junk' })).toEqual([]);
  });

  it('is batched for several missions and stays inside the agency', async () => {
    server.resetStatements();
    const data = await gqlOk(`{ missions(first: 20) { nodes { id agenda(day: "2025-09-08") { id } } } }`);
    const byId = Object.fromEntries(data.missions.nodes.map((m: Node) => [m.id, m.agenda.length]));
    expect(byId[casablancaId]).toBe(22);
    expect(byId[maroc2023Id]).toBe(1);
    expect(server.statements.filter((s) => s.includes('from "interaction"')).length).toBe(1);
    const theirs = await gqlOk(`{ missions(first: 20) { nodes { agenda(day: "2025-09-08") { id } } } }`, {}, asmex);
    expect(theirs.missions.nodes.flatMap((m: Node) => m.agenda)).toEqual([]);
  });
});
