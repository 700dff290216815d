import { type FieldNode, Kind, parse, print, visit } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CompaniesPage,
  CompanyPage,
  ContactsPage,
  MissionAgenda,
  MissionDeals,
  MissionPage,
  PipelineBoard,
} from '../bench/documents.js';
import { loadPages } from '../bench/load-pages.js';
import { preparedStats } from '../shared/prepared.js';
import { agencyBinding } from '../test/agency-bound.js';
import { signIn } from '../test/sign-in.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { compiledReads } from './compiled-page.js';
import { READ_TYPES } from './read-types.js';
import { textAnswering } from './text-answers.js';

/**
 * The compiled reads answer exactly what the resolvers answer: each query below runs on both
 * paths (compiledReads.enabled off, then on) on the demo data and the answers must be equal, key
 * for key; the compiled path must also be the one that ran (its statement count) and bind the
 * agency in every statement.
 */

let server: TestServer;
let manager: string;
let asmex: string;
let mosprom: string;

beforeAll(async () => {
  // Counts statements and compares the compiled reads with the resolvers: no answers kept between requests.
  server = await startTestServer({ app: { keepAnswers: false } });
  ({ manager, asmex } = await signIn(server, 'manager', 'asmex'));
  const [user] = await server.sql<{ agency_id: string }>(`select agency_id from "user" where email = ?`, [
    'manager@mosprom.demo',
  ]);
  mosprom = user.agency_id;
  // Exporters' confirmations of the two deals updated last (the deals list shows them): one
  // corrected, then asked again; one confirmed. The compiled reads answer the latest of each.
  const [last, second] = await server.sql<{ id: string; requester: string }>(
    `select d.id, (select id from "user" where email = 'manager@mosprom.demo') as requester
       from deal d where d.agency_id = ? order by d.updated_at desc, d.id desc limit 2`,
    [mosprom],
  );
  const confirmation = (deal: string, status: string, amount: string | null, minutesAgo: number) =>
    server.sql(
      `insert into deal_confirmation (id, agency_id, deal_id, contact_email, contact_name, locale, requested_by_id, status,
         token_hashes, expires_at, recorded_currency, history, confirmed_amount, confirmed_currency, created_at)
       values (gen_random_uuid(), ?, ?, 'c@x.example', 'C', 'ru', ?, ?, '{}', now() + interval '21 days', 'EUR', '[]',
         ?, case when ? is null then null else 'EUR' end, now() - make_interval(mins => ?))`,
      [mosprom, deal, last.requester, status, amount, amount, minutesAgo],
    );
  await confirmation(last.id, 'CORRECTED', '123456.78', 10);
  await confirmation(last.id, 'REQUESTED', null, 5);
  await confirmation(second.id, 'CONFIRMED', '9000.00', 3);
});

afterAll(async () => {
  compiledReads.enabled = true;
  textAnswering.enabled = true;
  await server?.close();
});

const WITH_CONTACTS = `query($first: Int, $after: String, $filter: CompanyFilter, $orderBy: CompanyOrder, $contacts: Int) {
  companies(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id __typename } }
    nodes {
      id name kind country city website brands notes createdAt updatedAt mergedAt
      sectors { id code names { fr en ru } }
      accountManager { id fullName email role active locale }
      contacts(first: $contacts) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage }
        nodes { id fullName jobTitle email phone languages company { id name } }
      }
      ... on Company { ...Extra }
    }
  }
}
fragment Extra on Company { accountManager { createdAt } sectors { code } }`;

/** The document with `__typename` in every selection set, as Apollo Client sends it. */
function withTypenames(query: string): string {
  const typename: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };
  return print(
    visit(parse(query), {
      SelectionSet: (set) => ({ ...set, selections: [...set.selections, typename] }),
      OperationDefinition: {
        leave: (operation) => ({
          ...operation,
          selectionSet: {
            ...operation.selectionSet,
            selections: operation.selectionSet.selections.filter((field) => field !== typename),
          },
        }),
      },
    }),
  );
}

/** The statements of the page (signing in, and a session's look-up at times, left out). */
const pageStatements = () => server.statements.filter((statement) => !/\bsession\b/.test(statement)).length;

/**
 * The query on the resolvers' path, then compiled: answered in text when it can be (`inText`),
 * which must answer what graphql-js answers from the same compiled reads, to the order of the keys.
 */
async function bothPaths(query: string, variables: Record<string, unknown>, cookie = manager) {
  compiledReads.enabled = false;
  server.resetStatements();
  const answer = async () => {
    const { data, errors } = await server.gql(query, variables, { cookie });
    return { data, errors };
  };
  const resolvers = await answer();
  const resolverStatements = pageStatements();
  compiledReads.enabled = true;
  textAnswering.enabled = false;
  const walked = await answer();
  textAnswering.enabled = true;
  const answered = textAnswering.answered;
  server.resetStatements();
  const compiled = await answer();
  expect(JSON.stringify(compiled)).toBe(JSON.stringify(walked));
  const inText = textAnswering.answered > answered;
  return { resolvers, compiled, resolverStatements, compiledStatements: pageStatements(), inText };
}

describe('compiled reads', () => {
  it.each([
    ['the first page by name, 3 contacts each', { first: 10, contacts: 3 }],
    ['a page after a cursor', { first: 5, contacts: 2, after: 'cursor-of-5' }],
    ['by creation date, newest first', { first: 7, contacts: 1, orderBy: { field: 'CREATED_AT', direction: 'DESC' } }],
    ['filtered by kind and country', { first: 20, contacts: 5, filter: { kinds: ['EXPORTER'], countries: ['RU'] } }],
    ['a search', { first: 20, contacts: 5, filter: { search: 'fish' } }],
    ['a page of none', { first: 0, contacts: 0 }],
  ])('answers as the resolvers do: %s', async (_, variables) => {
    const vars: Record<string, unknown> = { ...variables };
    if (vars.after === 'cursor-of-5') {
      const first = await server.gql<{ companies: { pageInfo: { endCursor: string } } }>(
        WITH_CONTACTS,
        { first: 5 },
        { cookie: manager },
      );
      vars.after = first.data!.companies.pageInfo.endCursor;
    }
    const { resolvers, compiled, resolverStatements, compiledStatements } = await bothPaths(WITH_CONTACTS, vars);
    expect(resolvers.errors).toBeUndefined();
    expect(compiled).toEqual(resolvers);
    // The page and its count in 1 statement (a page of none counts apart), where the resolvers took one per relation and level.
    expect(compiledStatements).toBe(1);
    expect(resolverStatements).toBeGreaterThanOrEqual(compiledStatements);
  });

  it("answers the web client's companies page as the resolvers do, in 1 statement instead of 4", async () => {
    const { resolvers, compiled, resolverStatements, compiledStatements, inText } = await bothPaths(CompaniesPage, {
      first: 25,
    });
    expect(inText).toBe(true);
    expect(resolverStatements).toBe(4);
    expect(resolvers.errors).toBeUndefined();
    expect((resolvers.data!.companies.nodes as unknown[]).length).toBeGreaterThan(3);
    expect(compiled).toEqual(resolvers);
    expect(compiledStatements).toBe(1);
  });

  it("answers the web client's company page as the resolvers do, in 1 statement", async () => {
    // The busiest company of the demo data: the most interactions, deals and contacts.
    const [busiest] = await server.sql<{ id: string }>(
      `select c.id from company c join agency a on a.id = c.agency_id and a.short_name = 'Mosprom'
       order by (select count(*) from interaction i where i.exporter_id = c.id or i.counterpart_id = c.id)
              + (select count(*) from deal d where d.exporter_id = c.id or d.buyer_id = c.id) desc limit 1`,
    );
    for (const rows of [
      { panelRows: 50, interactionRows: 100 },
      { panelRows: 2, interactionRows: 3 },
    ]) {
      const variables = { id: busiest.id, ...rows, missionRows: 20, stageChanges: 20 };
      const { resolvers, compiled, resolverStatements, compiledStatements, inText } = await bothPaths(
        CompanyPage,
        variables,
      );
      expect(inText).toBe(true);
      expect(resolvers.errors).toBeUndefined();
      expect((resolvers.data!.company.interactions.nodes as unknown[]).length).toBeGreaterThan(1);
      expect(compiled).toEqual(resolvers);
      // The company and its two deal lists (three root fields): one statement.
      expect(compiledStatements).toBe(1);
      expect(resolverStatements).toBeGreaterThan(15);
    }
  });

  it('answers a merged company with the live record it became, and an unknown id with null', async () => {
    const query = '{ c: company(id: "ID") { id name mergedInto { id name } } }';
    const [merged] = await server.sql<{ id: string }>(
      `select id from company where merged_into_id is not null limit 1`,
    );
    const ids = [merged?.id, '01a241c4-0000-7000-8000-000000000000'].filter(Boolean) as string[];
    for (const id of ids) {
      const { resolvers, compiled } = await bothPaths(query.replace('ID', id), {});
      expect(compiled).toEqual(resolvers);
    }
  });

  it("answers the web client's mission page and agenda day as the resolvers do, in 1 statement each", async () => {
    // The demo missions with the most meetings, and their busiest day in UTC (the agenda reads the
    // day in the host country's zone: meetings near midnight fall on either side).
    const missions = await server.sql<{ id: string; day: string }>(
      `select i.mission_id as id, to_char(i.starts_at, 'YYYY-MM-DD') as day from interaction i
       join agency a on a.id = i.agency_id and a.short_name = 'Mosprom'
       where i.kind = 'MEETING' and i.mission_id is not null
       group by 1, 2 order by count(*) desc limit 3`,
    );
    expect(missions.length).toBeGreaterThan(0);
    for (const mission of missions) {
      const page = await bothPaths(MissionPage, { id: mission.id, participants: 100 });
      expect(page.resolvers.errors).toBeUndefined();
      expect(page.compiled).toEqual(page.resolvers);
      expect(page.inText).toBe(true);
      expect(page.compiledStatements).toBe(1);
      for (const day of [mission.day, '2020-01-01']) {
        const agenda = await bothPaths(MissionAgenda, { id: mission.id, day });
        expect(agenda.resolvers.errors).toBeUndefined();
        expect(agenda.compiled).toEqual(agenda.resolvers);
        expect(agenda.inText).toBe(true);
        expect(agenda.compiledStatements).toBe(1);
      }
      // Both in one request, as the bench sends them (mission(id:) twice, merged by GraphQL).
      const both = loadPages({
        agencyId: mosprom,
        pipelineId: '',
        companyId: '',
        missionId: mission.id,
        agendaDay: mission.day,
      })[2].ours;
      const merged = await bothPaths(both.query, both.variables);
      expect(merged.resolvers.errors).toBeUndefined();
      expect((merged.resolvers.data!.mission.agenda as unknown[]).length).toBeGreaterThan(0);
      expect(merged.compiled).toEqual(merged.resolvers);
      expect(merged.inText).toBe(true);
    }
  });

  it("reads an agenda day in the host country's zone, as the resolvers do: a meeting at 23:30 UTC in Morocco", async () => {
    const [meeting] = await server.sql<{ id: string; mission_id: string; day: string; next: string }>(
      `select i.id, i.mission_id, to_char(i.starts_at, 'YYYY-MM-DD') as day,
              to_char(i.starts_at + interval '1 day', 'YYYY-MM-DD') as next
       from interaction i join mission m on m.id = i.mission_id join agency a on a.id = i.agency_id
       where a.short_name = 'Mosprom' and m.host_country = 'MA' and i.kind = 'MEETING'
         and (i.status is null or i.status <> 'CANCELLED')
       order by i.starts_at limit 1`,
    );
    expect(meeting).toBeDefined();
    await server.sql(
      `update interaction set starts_at = date_trunc('day', starts_at) + interval '23 hours 30 minutes',
         ends_at = date_trunc('day', starts_at) + interval '23 hours 50 minutes' where id = ?`,
      [meeting.id],
    );
    const ids = async (day: string) => {
      const { resolvers, compiled, compiledStatements, inText } = await bothPaths(MissionAgenda, {
        id: meeting.mission_id,
        day,
      });
      expect(inText).toBe(true);
      expect(compiled).toEqual(resolvers);
      expect(compiledStatements).toBe(1);
      return (resolvers.data!.mission.agenda as { id: string }[]).map((m) => m.id);
    };
    // Africa/Casablanca is UTC+1, UTC+0 during Ramadan: the day that holds 23:30 UTC there.
    const at = new Date(`${meeting.day}T23:30:00Z`);
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(at);
    expect([meeting.day, meeting.next]).toContain(local);
    expect(await ids(local)).toContain(meeting.id);
    expect(await ids(local === meeting.day ? meeting.next : meeting.day)).not.toContain(meeting.id);
  });

  it("answers the web client's contacts page as the resolvers do, in 1 statement", async () => {
    for (const variables of [
      { first: 25 },
      { first: 10, orderBy: { field: 'CREATED_AT', direction: 'DESC' } },
      { first: 50, filter: { search: 'smirnov' } },
    ]) {
      const { resolvers, compiled, compiledStatements, inText } = await bothPaths(ContactsPage, variables);
      expect(inText).toBe(true);
      expect(resolvers.errors).toBeUndefined();
      expect(compiled).toEqual(resolvers);
      expect(compiledStatements).toBe(1);
    }
  });

  it('answers the deals list as the resolvers do, in 1 statement', async () => {
    const variables = { first: 25, orderBy: { field: 'UPDATED_AT', direction: 'DESC' } };
    const { resolvers, compiled, compiledStatements, inText } = await bothPaths(MissionDeals, variables);
    expect(inText).toBe(true);
    expect(resolvers.errors).toBeUndefined();
    expect(compiled).toEqual(resolvers);
    // The exporters' confirmations: the latest request of each deal.
    const nodes = (
      resolvers.data as { deals: { nodes: { confirmationStatus: string | null; confirmedValue: unknown }[] } }
    ).deals.nodes;
    expect(nodes.slice(0, 2).map((node) => [node.confirmationStatus, node.confirmedValue])).toEqual([
      ['REQUESTED', null],
      ['CONFIRMED', { amount: '9000.00', currency: 'EUR' }],
    ]);
    expect(compiledStatements).toBe(1);
  });

  it("answers the web client's board as the resolvers do, in 1 statement: columns, totals, cursors, filters", async () => {
    const [pipeline] = await server.sql<{ id: string }>(
      `select p.id from pipeline p join agency a on a.id = p.agency_id and a.short_name = 'Mosprom'
       order by (select count(*) from deal d where d.pipeline_id = p.id) desc limit 1`,
    );
    for (const variables of [
      { stagePageSize: 30 },
      { stagePageSize: 1 },
      { stagePageSize: 0 },
      { stagePageSize: 30, filter: { categories: ['OPEN', 'WON'], currencies: ['EUR', 'RUB', 'USD'] } },
      { stagePageSize: 5, filter: { titleContains: 'a', amountFrom: '1000' } },
    ]) {
      const { resolvers, compiled, resolverStatements, compiledStatements, inText } = await bothPaths(PipelineBoard, {
        pipelineId: pipeline.id,
        ...variables,
      });
      expect(resolvers.errors).toBeUndefined();
      expect(compiled).toEqual(resolvers);
      expect(inText).toBe(true);
      expect(compiledStatements).toBe(1);
      expect(resolverStatements).toBeGreaterThan(3);
    }
    // Another agency's pipeline is no one's to see; a page too large is refused, as by the resolvers.
    const foreign = await server.gql(PipelineBoard, { pipelineId: pipeline.id, stagePageSize: 30 }, { cookie: asmex });
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data!.pipeline).toBeNull();
    const tooLarge = await bothPaths(PipelineBoard, { pipelineId: pipeline.id, stagePageSize: 101 }); // one more than MAX_PAGE_SIZE
    expect(tooLarge.resolvers.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooLarge.compiled).toEqual(tooLarge.resolvers);
    // A column's end cursor carries on in the root list, as the board's "Show more" sends it.
    const board = await server.gql(PipelineBoard, { pipelineId: pipeline.id, stagePageSize: 1 }, { cookie: manager });
    const column = (
      board.data!.pipeline.stages as { id: string; deals: { totalCount: number; pageInfo: { endCursor: string } } }[]
    ).find((stage) => stage.deals.totalCount > 1)!;
    const more = await server.gql(
      `query($filter: DealFilter!, $after: String) {
        deals(first: 1, after: $after, filter: $filter, orderBy: { field: CREATED_AT, direction: ASC }) { nodes { id } }
      }`,
      { filter: { stageIds: [column.id] }, after: column.deals.pageInfo.endCursor },
      { cookie: manager },
    );
    expect(more.errors).toBeUndefined();
    const all = await server.sql<{ id: string }>(
      `select id from deal where stage_id = ? order by created_at, id limit 2`,
      [column.id],
    );
    expect(more.data!.deals.nodes).toEqual([{ id: all[1].id }]);
    // The retired stages, when asked, and the stage's other fields.
    const withRetired = `query($id: ID!) { pipeline(id: $id) { id name isDefault
      stages(includeRetired: true) { id name position probability retired category pipeline { id name }
        deals(first: 2) { totalsByCurrency { currency amount } totalAmount { currency amount } pageInfo { startCursor hasNextPage } } } } }`;
    await server.sql(`update pipeline_stage set retired = true where id = ?`, [column.id]);
    try {
      for (const query of [withRetired, withRetired.replace('includeRetired: true', 'includeRetired: false')]) {
        const { resolvers, compiled, inText } = await bothPaths(query, { id: pipeline.id });
        expect(resolvers.errors).toBeUndefined();
        expect(compiled).toEqual(resolvers);
        expect(inText).toBe(true);
      }
    } finally {
      await server.sql(`update pipeline_stage set retired = false where id = ?`, [column.id]);
    }
  });

  it('reads one agency only, and binds it in every statement, walked by graphql-js or answered in text', async () => {
    // WITH_CONTACTS asks nodes and edges' nodes: graphql-js walks it; the web client's page is answered in text.
    for (const [query, variables] of [
      [WITH_CONTACTS, { first: 100, contacts: 100 }],
      [CompaniesPage, { first: 100 }],
    ] as const) {
      server.resetStatements();
      const other = await server.gql(query, variables, { cookie: asmex });
      const mine = await server.gql(query, variables, { cookie: manager });
      const ids = (answer: typeof mine) => new Set((answer.data!.companies.nodes as { id: string }[]).map((n) => n.id));
      expect(ids(mine).size).toBeGreaterThan(0);
      expect(ids(other).size).toBeGreaterThan(0);
      expect([...ids(mine)].filter((id) => ids(other).has(id))).toEqual([]);
      server.resetStatements();
      const answered = textAnswering.answered;
      await server.gql(query, variables, { cookie: manager });
      expect(textAnswering.answered - answered).toBe(query === CompaniesPage ? 1 : 0);
      const { owned, unbound } = agencyBinding(server, mosprom);
      expect(owned.length).toBeGreaterThan(0);
      expect(unbound).toEqual([]);
    }
  });

  it('leaves to the resolvers what it does not know: an alias, a field it does not list, backwards pages', async () => {
    for (const query of [
      '{ companies(first: 3) { nodes { id label: name } } }',
      '{ companies(first: 3) { nodes { id mergedInto { id } } } }',
      '{ companies(last: 3) { nodes { id name } } }',
      '{ companies(first: 3) { nodes { id missions(first: 2) { pageInfo { endCursor } } } } }',
    ]) {
      const { resolvers, compiled, resolverStatements, compiledStatements } = await bothPaths(query, {});
      expect(resolvers.errors).toBeUndefined();
      expect(compiled).toEqual(resolvers);
      expect(compiledStatements).toBe(resolverStatements);
    }
  });

  it('answers in text what Apollo Client sends: __typename in every selection set, aliased root fields', async () => {
    const [company] = await server.sql<{ id: string }>(
      `select c.id from company c join agency a on a.id = c.agency_id and a.short_name = 'Mosprom'
       where exists (select 1 from deal d where d.exporter_id = c.id) limit 1`,
    );
    const variables = { id: company.id, panelRows: 10, interactionRows: 20, missionRows: 5, stageChanges: 5 };
    const typed = withTypenames(CompanyPage);
    const { resolvers, compiled, inText } = await bothPaths(typed, variables);
    expect(inText).toBe(true);
    expect(resolvers.errors).toBeUndefined();
    expect(resolvers.data!.asExporter.__typename).toBe('DealConnection');
    expect(compiled).toEqual(resolvers);
    const companies = await bothPaths(withTypenames(CompaniesPage), { first: 10 });
    expect(companies.inText).toBe(true);
    expect(companies.compiled).toEqual(companies.resolvers);
  });

  it('counts the actual cost of a text answer as of a walked one', async () => {
    const create = 'mutation { createApiToken(input: { name: "text answers" }) { secret } }';
    const token = (await server.gql(create, {}, { cookie: manager })).data?.createApiToken.secret as string;
    const cost = async () => (await server.gql(CompaniesPage, { first: 25 }, { token })).extensions?.cost;
    textAnswering.enabled = false;
    const walked = await cost();
    textAnswering.enabled = true;
    const answered = textAnswering.answered;
    const inText = await cost();
    expect(textAnswering.answered).toBe(answered + 1);
    expect(inText?.actual).toBeGreaterThan(25);
    expect({ ...inText, remaining: 0 }).toEqual({ ...walked, remaining: 0 });
  });

  it('runs its statements prepared: none refused, prepared once per connection and run again', async () => {
    const before = preparedStats();
    for (let run = 0; run < 10; run++) {
      const { errors } = await server.gql(CompaniesPage, { first: 25 }, { cookie: manager });
      expect(errors).toBeUndefined();
    }
    const after = preparedStats();
    expect(after.refused).toBe(0);
    // Each request: the session's look-up and the page.
    expect(after.executions - before.executions).toBe(20);
    expect(after.prepares - before.prepares).toBeLessThan(20);
  });

  it('answers a forged cursor as the resolvers do', async () => {
    const forged = Buffer.from(JSON.stringify([42, 'x'])).toString('base64url');
    const { resolvers, compiled } = await bothPaths(WITH_CONTACTS, { first: 3, after: forged });
    expect(resolvers.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(compiled).toEqual(resolvers);
  });

  it('lists no field that has roles of its own: SQL answers them without their resolver', () => {
    const storage = getMetadataStorage();
    const guarded = [...storage.fields, ...storage.fieldResolvers]
      .filter((field) => (field as { roles?: unknown[] }).roles !== undefined)
      .map((field) => {
        const owner = 'getObjectType' in field && field.getObjectType ? field.getObjectType() : field.target;
        return `${(owner as { name?: string })?.name}.${'schemaName' in field ? field.schemaName : ''}`;
      });
    const listed = Object.entries(READ_TYPES).flatMap(([type, read]) =>
      Object.keys(read.fields).map((f) => `${type}.${f}`),
    );
    expect(listed.filter((field) => guarded.includes(field))).toEqual([]);
  });
});
