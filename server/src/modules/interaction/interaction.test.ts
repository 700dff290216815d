import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../test/sign-in.js';
import { type ResponseNode, startTestServer, type TestServer } from '../../test/test-server.js';

/** Reads: the interactions list (order, pages, filters), relations, nested lists, isolation. */

let server: TestServer;
let admin: string;
let manager: string;
let analyst: string;
let asmex: string;

const companyId = (name: string, agency?: string) => server.idOf('company', 'name', name, agency);
const missionId = (name: string, agency?: string) => server.idOf('mission', 'name', name, agency);

const CASABLANCA = 'Mission commerciale Mosprom à Casablanca';

type Node = ResponseNode;

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $filter: InteractionFilter, $orderBy: InteractionOrder) {
  interactions(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    nodes { id subject occurredAt startsAt createdAt }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

async function list(variables: Record<string, unknown>, cookie = manager): Promise<Node> {
  const response = await server.gql(PAGE, variables, { cookie });
  expect(response.errors).toBeUndefined();
  return response.data!.interactions;
}

const ids = (connection: Node) => connection.nodes.map((node: Node) => node.id);

beforeAll(async () => {
  // Counts statements and compares the compiled reads with the resolvers: no answers kept between requests.
  server = await startTestServer({ app: { keepAnswers: false } });
  ({ admin, manager, analyst, asmex } = await signIn(server, 'admin', 'manager', 'analyst', 'asmex'));
});
afterAll(() => server?.close());

describe('interactions', () => {
  it('lists the agency’s interactions, most recent first, with their relations', async () => {
    const response = await server.gql(
      `{ interactions(first: 100) {
          totalCount
          nodes { id kind occurredAt subject notes outcome status startsAt endsAt place
                  exporter { name kind } counterpart { name } author { fullName } contacts { fullName } mission { name } }
      } }`,
      {},
      { cookie: analyst },
    );
    expect(response.errors).toBeUndefined();
    const { totalCount, nodes } = response.data!.interactions;
    const [{ n }] = await server.sql<{ n: string }>(
      `select count(*) as n from interaction i join agency a on a.id = i.agency_id where a.short_name = 'Mosprom'`,
    );
    expect(totalCount).toBe(Number(n));
    expect(nodes).toHaveLength(Number(n));
    const times = nodes.map((node: Node) => node.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    const meeting = nodes.find((node: Node) => node.subject === 'Rendez-vous B2B : Nex-T LLC – Anfa Tech Distribution');
    expect(meeting).toMatchObject({
      kind: 'MEETING',
      status: 'HELD',
      outcome: 'POSITIVE',
      exporter: { name: 'Nex-T LLC', kind: 'EXPORTER' },
      counterpart: { name: 'Anfa Tech Distribution' },
      author: { fullName: 'Alexeï Morozov' },
      mission: { name: CASABLANCA },
      startsAt: '2025-09-08T08:30:00.000Z',
      endsAt: '2025-09-08T09:15:00.000Z',
      occurredAt: '2025-09-08T08:30:00.000Z',
    });
    expect(meeting.contacts.length).toBeGreaterThan(1);
    const names = meeting.contacts.map((contact: Node) => contact.fullName);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
  });

  it('pages forwards and backwards over ties in every order, and agrees with one big page', async () => {
    const orders = [
      { field: 'OCCURRED_AT', direction: 'ASC' },
      { field: 'OCCURRED_AT', direction: 'DESC' },
      { field: 'STARTS_AT', direction: 'ASC' },
      { field: 'STARTS_AT', direction: 'DESC' },
      { field: 'CREATED_AT', direction: 'DESC' },
    ];
    for (const orderBy of orders) {
      const all = await list({ first: 100, orderBy });
      const expected = ids(all);
      // Six exporters meet at the same slot times: page boundaries fall inside ties.
      const key =
        orderBy.field === 'CREATED_AT' ? 'createdAt' : orderBy.field === 'STARTS_AT' ? 'startsAt' : 'occurredAt';
      const boundaryInTie = all.nodes.some(
        (node: Node, index: number) => index % 4 === 3 && all.nodes[index + 1]?.[key] === node[key],
      );
      expect(boundaryInTie).toBe(true);

      const forwards: string[] = [];
      let page = await list({ first: 4, orderBy });
      forwards.push(...ids(page));
      expect(page.pageInfo.hasPreviousPage).toBe(false);
      while (page.pageInfo.hasNextPage) {
        page = await list({ first: 4, after: page.pageInfo.endCursor, orderBy });
        expect(page.pageInfo.hasPreviousPage).toBe(true);
        forwards.push(...ids(page));
      }
      expect(forwards).toEqual(expected);

      const backwards: string[] = [];
      page = await list({ last: 4, orderBy });
      backwards.unshift(...ids(page));
      expect(page.pageInfo.hasNextPage).toBe(false);
      while (page.pageInfo.hasPreviousPage) {
        page = await list({ last: 4, before: page.pageInfo.startCursor, orderBy });
        backwards.unshift(...ids(page));
      }
      expect(backwards).toEqual(expected);
    }
  });

  it('refuses pages over 100, first with last, and forged cursors', async () => {
    for (const variables of [{ first: 101 }, { first: 2, last: 2 }, { first: 2, after: 'forged' }]) {
      const response = await server.gql(PAGE, variables, { cookie: manager });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('filters by kind, time range, mission, exporter, counterpart, author, outcome, status and subject', async () => {
    const count = async (filter: Record<string, unknown>) => (await list({ first: 100, filter })).totalCount;
    const sqlCount = async (where: string, params: unknown[] = []) => {
      const [{ n }] = await server.sql<{ n: string }>(
        `select count(*) as n from interaction i join agency a on a.id = i.agency_id
          where a.short_name = 'Mosprom' and ${where}`,
        params,
      );
      return Number(n);
    };
    const calls = await list({ first: 100, filter: { kinds: ['CALL'] } });
    expect(calls.totalCount).toBe(await sqlCount(`i.kind = 'CALL'`));
    expect(calls.totalCount).toBeGreaterThan(0);
    expect(await count({ kinds: ['CALL', 'EMAIL'] })).toBe(await sqlCount(`i.kind in ('CALL', 'EMAIL')`));

    // From inclusive, to exclusive: the 09:30 slot of Casablanca's first day starts at 08:30Z.
    const day = { occurredFrom: '2025-09-08T08:30:00Z', occurredTo: '2025-09-09T00:00:00Z' };
    const firstDay = await list({ first: 100, filter: day });
    expect(firstDay.totalCount).toBe(
      await sqlCount(`i.occurred_at >= '2025-09-08T08:30:00Z' and i.occurred_at < '2025-09-09T00:00:00Z'`),
    );
    expect(firstDay.nodes.some((node: Node) => node.occurredAt === '2025-09-08T08:30:00.000Z')).toBe(true);
    const before = await list({
      first: 100,
      filter: { occurredTo: '2025-09-08T08:30:00Z', occurredFrom: '2025-09-01T00:00:00Z' },
    });
    expect(before.totalCount).toBe(0);

    const casablanca = await missionId(CASABLANCA);
    expect(await count({ missionIds: [casablanca] })).toBe(await sqlCount('i.mission_id = ?', [casablanca]));
    const fishWorld = await companyId('Fish World');
    expect(await count({ exporterIds: [fishWorld] })).toBe(await sqlCount('i.exporter_id = ?', [fishWorld]));
    const mediEquip = await companyId('Médi-Équip Maroc');
    expect(await count({ counterpartIds: [mediEquip] })).toBe(3);
    const managerId = await server.idOf('user', 'email', 'manager@mosprom.demo');
    const adminId = await server.idOf('user', 'email', 'admin@mosprom.demo');
    expect(await count({ authorIds: [managerId] })).toBe(await sqlCount('true'));
    expect(await count({ authorIds: [adminId] })).toBe(0);
    expect(await count({ outcomes: ['NEGATIVE'] })).toBe(await sqlCount(`i.outcome = 'NEGATIVE'`));
    const noShow = await list({ first: 100, filter: { statuses: ['NO_SHOW'] } });
    expect(noShow.nodes.map((node: Node) => node.subject)).toEqual([
      'Rendez-vous B2B : Fish World – Épiceries Al Wafa',
    ]);
    // All conditions at once: AND.
    expect(
      await count({ kinds: ['MEETING'], exporterIds: [fishWorld], outcomes: ['POSITIVE'], missionIds: [casablanca] }),
    ).toBe(
      await sqlCount(`i.kind = 'MEETING' and i.exporter_id = ? and i.outcome = 'POSITIVE' and i.mission_id = ?`, [
        fishWorld,
        casablanca,
      ]),
    );
    // Unknown or malformed ids match nothing rather than failing; an empty list is no condition.
    expect(await count({ exporterIds: ['not-an-id'] })).toBe(0);
    expect(await count({ exporterIds: ['00000000-0000-4000-8000-000000000000'] })).toBe(0);
    expect(await count({ exporterIds: [] })).toBe(await sqlCount('true'));
  });

  it('filters by deal, and reads one interaction by id (null for another agency’s or a malformed id)', async () => {
    const [linked] = await server.sql<{ id: string; deal_id: string }>(
      `select i.id, i.deal_id from interaction i join agency a on a.id = i.agency_id
        where a.short_name = 'Mosprom' and i.deal_id is not null order by i.id limit 1`,
    );
    const [{ n }] = await server.sql<{ n: string }>('select count(*) as n from interaction where deal_id = ?', [
      linked.deal_id,
    ]);
    const byDeal = await list({ first: 100, filter: { dealIds: [linked.deal_id] } });
    expect(byDeal.totalCount).toBe(Number(n));
    expect(ids(byDeal)).toContain(linked.id);

    const ONE = 'query($id: ID!) { interaction(id: $id) { id subject exporter { name } } }';
    const mine = await server.gql(ONE, { id: linked.id }, { cookie: manager });
    expect(mine.data!.interaction.id).toBe(linked.id);
    expect((await server.gql(ONE, { id: linked.id }, { cookie: asmex })).data!.interaction).toBeNull();
    expect((await server.gql(ONE, { id: 'nope' }, { cookie: manager })).data!.interaction).toBeNull();
  });

  it('finds subjects case- and accent-insensitively, and takes % and _ literally', async () => {
    const subjects = async (subjectContains: string) =>
      (await list({ first: 100, filter: { subjectContains } })).nodes.map((node: Node) => node.subject);
    expect(await subjects('ANFA TECH')).toEqual(['Rendez-vous B2B : Nex-T LLC – Anfa Tech Distribution']);
    expect(await subjects('epiceries al wafa')).toEqual(['Rendez-vous B2B : Fish World – Épiceries Al Wafa']);
    expect(await subjects('лазермарк')).toHaveLength(2);
    expect(await subjects('%')).toEqual([]);
    expect(await subjects('_')).toEqual([]);
    expect(await subjects('Rendez-vous B2B : Nex-T')).toHaveLength(5);
  });

  it('loads relations in batches: the same number of statements for 3 or 30 meetings', async () => {
    const query = `query($first: Int) { interactions(first: $first, filter: { kinds: [MEETING] }, orderBy: { field: OCCURRED_AT, direction: ASC }) {
      nodes { subject exporter { name } counterpart { name } author { fullName } contacts { fullName } mission { name } deal { title } }
    } }`;
    const measure = async (first: number) => {
      server.resetStatements();
      const response = await server.gql(query, { first }, { cookie: manager });
      expect(response.errors).toBeUndefined();
      expect(response.data!.interactions.nodes).toHaveLength(first);
      return server.statements.length;
    };
    await measure(3); // warm-up: the session's last-seen update is written at most once a minute
    const few = await measure(3);
    const many = await measure(30);
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(7);
  });
});

describe('Company.interactions (the company’s timeline)', () => {
  const TIMELINE = `query($id: ID!, $first: Int, $after: String, $filter: InteractionFilter) {
    company(id: $id) { name interactions(first: $first, after: $after, filter: $filter) {
      totalCount nodes { id subject occurredAt exporter { name } counterpart { name } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    } }
  }`;
  const timeline = async (variables: Record<string, unknown>, cookie = manager) => {
    const response = await server.gql(TIMELINE, variables, { cookie });
    expect(response.errors).toBeUndefined();
    return response.data!.company?.interactions;
  };

  it('holds the interactions where the company is the exporter or the counterpart, newest first, in pages', async () => {
    const fishWorld = await companyId('Fish World');
    const all = await timeline({ id: fishWorld, first: 100 });
    const [{ n }] = await server.sql<{ n: string }>(
      'select count(*) as n from interaction where exporter_id = ? or counterpart_id = ?',
      [fishWorld, fishWorld],
    );
    expect(all.totalCount).toBe(Number(n));
    expect(all.nodes).toHaveLength(Number(n));
    const times = all.nodes.map((node: Node) => node.occurredAt);
    expect(times).toEqual([...times].sort().reverse());

    const pages: string[] = [];
    let page = await timeline({ id: fishWorld, first: 5 });
    pages.push(...ids(page));
    while (page.pageInfo.hasNextPage) {
      page = await timeline({ id: fishWorld, first: 5, after: page.pageInfo.endCursor });
      expect(page.pageInfo.hasPreviousPage).toBe(true);
      pages.push(...ids(page));
    }
    expect(pages).toEqual(ids(all));

    const mediEquip = await companyId('Médi-Équip Maroc');
    const counterpart = await timeline({ id: mediEquip, first: 10 });
    expect(counterpart.totalCount).toBe(3);
    expect(counterpart.nodes.every((node: Node) => node.counterpart.name === 'Médi-Équip Maroc')).toBe(true);

    // An exporter can be the counterpart of another exporter (outside a mission): one timeline for both sides.
    const [nexT, prototip] = [await companyId('Nex-T LLC'), await companyId('Prototip 3D')];
    const logged = await server.gql(
      `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { interaction { id } userErrors { code } } }`,
      {
        input: {
          kind: 'NOTE',
          subject: 'Projet commun écran + impression 3D',
          exporterId: prototip,
          counterpartId: nexT,
        },
      },
      { cookie: manager },
    );
    const noteId = logged.data!.logInteraction.interaction.id;
    const both = await server.gql(
      `{ companies(first: 100) { nodes { id interactions(first: 100) { totalCount nodes { id } } } } }`,
      {},
      { cookie: manager },
    );
    for (const id of [nexT, prototip]) {
      const company = both.data!.companies.nodes.find((node: Node) => node.id === id);
      const [{ n: total }] = await server.sql<{ n: string }>(
        'select count(*) as n from interaction where exporter_id = ? or counterpart_id = ?',
        [id, id],
      );
      expect(company.interactions.totalCount).toBe(Number(total));
      expect(ids(company.interactions)).toContain(noteId);
    }

    const meetings = await timeline({ id: fishWorld, first: 100, filter: { kinds: ['MEETING'] } });
    expect(meetings.totalCount).toBe(12);

    const forged = await server.gql(TIMELINE, { id: fishWorld, first: 2, after: 'forged' }, { cookie: manager });
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is loaded in batches: the same number of statements for 5 or 40 companies', async () => {
    const query = `query($first: Int) { companies(first: $first) { nodes { name
      interactions(first: 3) { totalCount nodes { subject exporter { name } counterpart { name } contacts { fullName } } }
    } } }`;
    const measure = async (first: number) => {
      server.resetStatements();
      const response = await server.gql(query, { first }, { cookie: manager });
      expect(response.errors).toBeUndefined();
      expect(response.data!.companies.nodes).toHaveLength(first);
      return server.statements.length;
    };
    await measure(5);
    expect(await measure(40)).toBe(await measure(5));
  });
});

describe('Mission.interactions', () => {
  const QUERY = `query($id: ID!, $first: Int, $after: String, $filter: InteractionFilter) {
    mission(id: $id) { interactions(first: $first, after: $after, filter: $filter) {
      totalCount nodes { id subject occurredAt kind } pageInfo { hasNextPage endCursor }
    } }
  }`;

  it('lists the mission’s meetings in time order, in pages, filtered', async () => {
    const casablanca = await missionId(CASABLANCA);
    const all = (await server.gql(QUERY, { id: casablanca, first: 100 }, { cookie: manager })).data!.mission
      .interactions;
    const [{ n }] = await server.sql<{ n: string }>('select count(*) as n from interaction where mission_id = ?', [
      casablanca,
    ]);
    expect(all.totalCount).toBe(Number(n));
    const times = all.nodes.map((node: Node) => node.occurredAt);
    expect(times).toEqual([...times].sort());
    const pages: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Node = (await server.gql(QUERY, { id: casablanca, first: 4, after }, { cookie: manager })).data!
        .mission.interactions;
      pages.push(...ids(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toEqual(ids(all));
    const notes = (
      await server.gql(QUERY, { id: casablanca, first: 10, filter: { kinds: ['NOTE'] } }, { cookie: manager })
    ).data!.mission.interactions;
    expect(notes.nodes.map((node: Node) => node.kind)).toEqual(['NOTE']);
  });
});

describe('isolation', () => {
  it('shows another agency none of Mosprom’s interactions, in lists, filters, cursors or nested lists', async () => {
    const mosprom = await list({ first: 100 });
    const theirs = await list({ first: 100 }, asmex);
    const [{ n }] = await server.sql<{ n: string }>(
      `select count(*) as n from interaction i join agency a on a.id = i.agency_id where a.short_name = 'ASMEX'`,
    );
    expect(theirs.totalCount).toBe(Number(n));
    const mospromIds = new Set(ids(mosprom));
    expect(ids(theirs).filter((id: string) => mospromIds.has(id))).toEqual([]);

    const fishWorld = await companyId('Fish World');
    const filtered = await list({ first: 100, filter: { exporterIds: [fishWorld] } }, asmex);
    expect(filtered.totalCount).toBe(0);
    // A cursor taken from Mosprom's list pages through ASMEX's own rows only.
    const page = await list({ first: 2, after: mosprom.pageInfo.startCursor }, asmex);
    expect(ids(page).filter((id: string) => mospromIds.has(id))).toEqual([]);

    const nested = await server.gql(
      `query($id: ID!) { company(id: $id) { interactions { totalCount } } }`,
      { id: fishWorld },
      { cookie: asmex },
    );
    expect(nested.data?.company ?? null).toBeNull();
    // ASMEX's own companies: their timelines are empty and count nothing of Mosprom's.
    const own = await server.gql(
      `{ companies(first: 100) { nodes { interactions(first: 100) { totalCount nodes { id } } } } }`,
      {},
      { cookie: asmex },
    );
    expect(own.errors).toBeUndefined();
    const seen = own.data!.companies.nodes.flatMap((company: Node) => ids(company.interactions));
    expect(seen.filter((id: string) => mospromIds.has(id))).toEqual([]);
  });

  it('needs a signed-in user', async () => {
    const response = await server.gql(PAGE, { first: 1 });
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await list({ first: 1 }, admin)).nodes).toHaveLength(1);
  });
});
