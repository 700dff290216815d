import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../test/sign-in.js';
import { type ResponseNode, startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let manager: string;
let admin: string;
let asmex: string;
let mosprom: string;
let userId: string;
let missions: string[];
let sectors: string[];

type Node = ResponseNode;

const ERRORS = 'userErrors { field code message existingId }';
const MERGE = `mutation($input: MergeCompaniesInput!) {
  mergeCompanies(input: $input) { company { id name kind website brands sectors { id } } ${ERRORS} }
}`;
const PREVIEW = `query($input: MergeCompaniesInput!) {
  mergeCompaniesPreview(input: $input) {
    keep { id name } merged { id name } result { name kind country website brands }
    moves { relation count } conflicts { kind label count keptStatus keptName } ${ERRORS}
  }
}`;
const COMPANY = `query($id: ID!) { company(id: $id) { id name mergedAt updatedAt mergedInto { id name }
  contacts(first: 20) { totalCount nodes { fullName email } } } }`;

async function gql(query: string, variables: Record<string, unknown> = {}, cookie = manager) {
  const response = await server.gql(query, variables, { cookie });
  expect(response.errors).toBeUndefined();
  return response.data!;
}

async function createCompany(input: Record<string, unknown>, cookie = manager): Promise<Node> {
  const data = await gql(
    `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { company { id updatedAt } ${ERRORS} } }`,
    { input },
    cookie,
  );
  expect(data.createCompany.userErrors).toEqual([]);
  return data.createCompany.company;
}

async function contact(companyId: string, fullName: string, email: string | null, phone: string | null = null) {
  const [row] = await server.sql<{ id: string }>(
    `insert into contact (id, agency_id, company_id, full_name, normalized_name, email, phone)
     values (gen_random_uuid(), ?, ?, ?, lower(?), ?, ?) returning id`,
    [mosprom, companyId, fullName, fullName, email, phone],
  );
  return row.id;
}

async function interaction(
  exporterId: string,
  counterpartId: string | null,
  subject: string,
  contactIds: string[] = [],
) {
  const [row] = await server.sql<{ id: string }>(
    `insert into interaction (id, agency_id, kind, occurred_at, subject, normalized_subject, exporter_id, counterpart_id, author_id)
     values (gen_random_uuid(), ?, 'CALL', now(), ?, lower(?), ?, ?, ?) returning id`,
    [mosprom, subject, subject, exporterId, counterpartId, userId],
  );
  for (const contactId of contactIds) {
    await server.sql('insert into interaction_contact (interaction_id, contact_id) values (?, ?)', [row.id, contactId]);
  }
  return row.id;
}

async function deal(title: string, exporterId: string, buyerId: string | null) {
  await server.sql(
    `insert into deal (id, agency_id, title, pipeline_id, stage_id, exporter_id, buyer_id, owner_id, currency, version)
     select gen_random_uuid(), agency_id, ?, pipeline_id, stage_id, ?, ?, owner_id, 'EUR', 1
     from deal where agency_id = ? order by id limit 1`,
    [title, exporterId, buyerId, mosprom],
  );
}

async function participation(missionId: string, companyId: string, status: string, notes: string | null = null) {
  await server.sql(
    `insert into mission_participant (id, agency_id, mission_id, company_id, status, notes) values (gen_random_uuid(), ?, ?, ?, ?, ?)`,
    [mosprom, missionId, companyId, status, notes],
  );
}

async function task(companyId: string, title: string) {
  await server.sql(
    `insert into task (id, agency_id, title, company_id, assignee_id, done) values (gen_random_uuid(), ?, ?, ?, ?, false)`,
    [mosprom, title, companyId, userId],
  );
}

/** Rows of every table a merge touches: a refused merge or a preview leaves them all as they were. */
async function tableCounts() {
  const [row] = await server.sql(
    `select (select count(*) from company where merged_into_id is null) as live_companies,
       (select count(*) from contact where merged_into_id is null) as live_contacts,
       (select count(*) from mission_participant) as participants, (select count(*) from mission_partner) as partners,
       (select count(*) from interaction_contact) as attendees, (select count(*) from audit_event) as audits,
       (select string_agg(exporter_id::text || coalesce(buyer_id::text, ''), ',' order by id) from deal) as deals,
       (select string_agg(exporter_id::text || coalesce(counterpart_id::text, ''), ',' order by id) from interaction) as interactions,
       (select string_agg(company_id::text, ',' order by id) from task where company_id is not null) as tasks,
       (select string_agg(company_id::text || contact.id::text, ',' order by id) from contact) as contact_companies`,
  );
  return row;
}

beforeAll(async () => {
  server = await startTestServer();
  ({ manager, admin, asmex } = await signIn(server, 'manager', 'admin', 'asmex'));
  [{ id: mosprom }] = await server.sql<{ id: string }>(`select id from agency where short_name = 'Mosprom'`);
  userId = (await gql('{ viewer { id } }')).viewer.id;
  missions = (
    await server.sql<{ id: string }>('select id from mission where agency_id = ? order by name limit 2', [mosprom])
  ).map((row) => row.id);
  sectors = (await gql('{ sectors(first: 3) { nodes { id } } }')).sectors.nodes.map((node: Node) => node.id);
});
afterAll(() => server?.close());

describe('merging companies', () => {
  let keep: Node;
  let dup: Node;
  let buyer: Node;
  let ivanA: string;
  let ivanB: string;

  beforeAll(async () => {
    keep = await createCompany({
      name: 'Caspian Caviar',
      kind: 'EXPORTER',
      country: 'RU',
      website: 'https://caspiancaviar.ru',
      sectorIds: [sectors[0]],
      brands: ['Seabream'],
    });
    dup = await createCompany({
      name: 'CASPIAN CAVIAR LLC',
      kind: 'EXPORTER',
      country: 'RU',
      website: 'http://www.caspiancaviar.ru/en',
      sectorIds: [sectors[1]],
      brands: ['Seabream', 'Oyster'],
    });
    buyer = await createCompany({ name: 'Ocean Buyer', kind: 'BUYER', country: 'FR' });
    ivanA = await contact(keep.id, 'Ivan Petrov', 'ivan@caspiancaviar.ru');
    ivanB = await contact(dup.id, 'I. Petrov', 'IVAN@caspiancaviar.ru');
    await contact(dup.id, 'Olga Sidorova', 'olga@caspiancaviar.ru');
    await interaction(keep.id, buyer.id, 'First call');
    await interaction(dup.id, buyer.id, 'Second call', [ivanB]);
    await deal('Sea bream to Lyon', dup.id, buyer.id);
    await participation(missions[0], keep.id, 'INVITED');
    await participation(missions[0], dup.id, 'CONFIRMED', 'Brings samples');
    await participation(missions[1], dup.id, 'REGISTERED');
    await server.sql('insert into mission_partner (mission_id, company_id) values (?, ?)', [missions[0], dup.id]);
    await task(dup.id, 'Send the price list');
  });

  const input = (extra: Record<string, unknown> = {}) => ({
    keepId: keep.id,
    mergeIds: [dup.id],
    fields: { name: dup.id },
    ...extra,
  });

  it('previews what moves and which records become one, writing nothing', async () => {
    const before = await tableCounts();
    const preview = (await gql(PREVIEW, { input: input() })).mergeCompaniesPreview;
    expect(preview.userErrors).toEqual([]);
    expect(preview.result).toMatchObject({
      name: 'CASPIAN CAVIAR LLC',
      kind: 'EXPORTER',
      website: 'https://caspiancaviar.ru',
      brands: ['Seabream', 'Oyster'],
    });
    const moves = Object.fromEntries(preview.moves.map((move: Node) => [move.relation, move.count]));
    expect(moves).toMatchObject({
      CONTACTS: 2,
      INTERACTIONS_AS_EXPORTER: 1,
      DEALS_AS_EXPORTER: 1,
      PARTICIPATIONS: 2,
      PARTNERSHIPS: 1,
      TASKS: 1,
      SECTORS: 1,
    });
    expect(preview.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'SAME_MISSION', count: 2, keptStatus: 'CONFIRMED' }),
        expect.objectContaining({
          kind: 'SAME_EMAIL',
          label: 'ivan@caspiancaviar.ru',
          count: 2,
          keptName: 'Ivan Petrov',
        }),
      ]),
    );
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses a stale version, the kept record among the merged, and another agency, writing nothing', async () => {
    const before = await tableCounts();
    const stale = (
      await gql(MERGE, { input: input({ seen: [{ id: dup.id, updatedAt: '2020-01-01T00:00:00.000Z' }] }) })
    ).mergeCompanies;
    expect(stale.userErrors).toMatchObject([{ code: 'CONFLICT', existingId: dup.id }]);
    expect(stale.userErrors[0].message).toContain('CASPIAN CAVIAR LLC');
    const self = (await gql(MERGE, { input: { keepId: keep.id, mergeIds: [keep.id] } })).mergeCompanies;
    expect(self.userErrors).toMatchObject([{ code: 'INVALID', field: ['input', 'mergeIds'] }]);
    const foreign = (await gql(MERGE, { input: input() }, asmex)).mergeCompanies;
    expect(foreign.userErrors.map((error: Node) => error.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    const foreignPreview = (await gql(PREVIEW, { input: input() }, asmex)).mergeCompaniesPreview;
    expect(foreignPreview.keep).toBeNull();
    const elsewhere = (await gql(MERGE, { input: input({ fields: { name: buyer.id } }) })).mergeCompanies;
    expect(elsewhere.userErrors).toMatchObject([{ code: 'INVALID', field: ['input', 'fields', 'name'] }]);
    expect(await tableCounts()).toEqual(before);
  });

  it('moves every relation to the kept company, keeps the chosen values and archives the merged one', async () => {
    const seen = [
      { id: keep.id, updatedAt: keep.updatedAt },
      { id: dup.id, updatedAt: dup.updatedAt },
    ];
    server.resetStatements();
    const result = (await gql(MERGE, { input: input({ seen }) })).mergeCompanies;
    const statements = server.statements.length;
    expect(result.userErrors).toEqual([]);
    expect(statements).toBeLessThan(45);
    expect(result.company).toMatchObject({
      id: keep.id,
      name: 'CASPIAN CAVIAR LLC',
      website: 'https://caspiancaviar.ru',
      brands: ['Seabream', 'Oyster'],
    });
    expect(result.company.sectors.map((s: Node) => s.id).sort()).toEqual([sectors[0], sectors[1]].sort());

    const [moved] = await server.sql(
      `select (select count(*) from interaction where exporter_id = ?) as interactions,
         (select count(*) from deal where exporter_id = ? and version = 2) as deals,
         (select count(*) from task where company_id = ?) as tasks,
         (select count(*) from mission_partner where company_id = ?) as partners,
         (select count(*) from mission_participant where company_id = ?) as participations,
         (select count(*) from mission_participant where company_id = ?) as left_behind,
         (select status from mission_participant where company_id = ? and mission_id = ?) as status,
         (select notes from mission_participant where company_id = ? and mission_id = ?) as notes`,
      [keep.id, keep.id, keep.id, keep.id, keep.id, dup.id, keep.id, missions[0], keep.id, missions[0]],
    );
    expect(moved).toEqual({
      interactions: '2',
      deals: '1',
      tasks: '1',
      partners: '1',
      participations: '2',
      left_behind: '0',
      status: 'CONFIRMED',
      notes: 'Brings samples',
    });

    // The same e-mail became one contact (the kept company's), with the meetings of both.
    const kept = (await gql(COMPANY, { id: keep.id })).company;
    expect(kept.contacts.totalCount).toBe(2);
    expect(kept.contacts.nodes.map((node: Node) => node.fullName).sort()).toEqual(['Ivan Petrov', 'Olga Sidorova']);
    const [attendee] = await server.sql(
      'select contact_id from interaction_contact ic join interaction i on i.id = ic.interaction_id where i.subject = ?',
      ['Second call'],
    );
    expect(attendee.contact_id).toBe(ivanA);
    const [archivedContact] = await server.sql<{ merged_into_id: string }>(
      'select merged_into_id from contact where id = ?',
      [ivanB],
    );
    expect(archivedContact.merged_into_id).toBe(ivanA);

    // The merged company: hidden from lists, its link leads to the kept one.
    const old = (await gql(COMPANY, { id: dup.id })).company;
    expect(old.mergedInto).toEqual({ id: keep.id, name: 'CASPIAN CAVIAR LLC' });
    expect(old.mergedAt).not.toBeNull();
    const list = (
      await gql('{ companies(first: 100, filter: { nameContains: "caspian caviar" }) { totalCount nodes { id } } }')
    ).companies;
    expect(list.nodes.map((node: Node) => node.id)).toEqual([keep.id]);
    const people = (await gql('{ contacts(first: 100) { nodes { id } } }')).contacts.nodes.map((node: Node) => node.id);
    expect(people).not.toContain(ivanB);
    const picker = await server.gql(
      `mutation($input: CreateDealInput!) { createDeal(input: $input) { ${ERRORS} } }`,
      { input: { title: 'To the archive', exporterId: dup.id, currency: 'EUR' } },
      { cookie: manager },
    );
    expect(picker.data!.createDeal.userErrors[0].code).toBe('NOT_FOUND');

    // Both histories stay in the audit log.
    const audits = await server.sql<{ entity_id: string }>(
      `select entity_id from audit_event where action = 'mergeCompanies' and entity = 'Company'`,
    );
    expect(audits.map((row) => row.entity_id).sort()).toEqual([keep.id, dup.id].sort());
  });

  it('refuses to merge an already merged company', async () => {
    const before = await tableCounts();
    const again = (await gql(MERGE, { input: { keepId: buyer.id, mergeIds: [dup.id] } })).mergeCompanies;
    expect(again.userErrors).toMatchObject([{ code: 'CONFLICT', existingId: dup.id }]);
    expect(await tableCounts()).toEqual(before);
  });

  it('follows merges of merges to the live company', async () => {
    const third = await createCompany({ name: 'Caspian Caviar Holding', kind: 'EXPORTER', country: 'RU' });
    const result = (await gql(MERGE, { input: { keepId: third.id, mergeIds: [keep.id] } })).mergeCompanies;
    expect(result.userErrors).toEqual([]);
    const old = (await gql(COMPANY, { id: dup.id })).company;
    expect(old.mergedInto).toEqual({ id: third.id, name: 'Caspian Caviar Holding' });
    const [row] = await server.sql('select count(*) as n from deal where exporter_id = ?', [third.id]);
    expect(row.n).toBe('1');
  });
});

describe('merge rules', () => {
  it('refuses a merge that would make a company sell to itself, or meet itself, writing nothing', async () => {
    const exporter = await createCompany({ name: 'Volga Grain', kind: 'EXPORTER', country: 'RU' });
    const buyerCo = await createCompany({ name: 'Volga Grain Trading', kind: 'BUYER', country: 'RU' });
    await deal('Wheat for ourselves', exporter.id, buyerCo.id);
    const before = await tableCounts();
    const result = (await gql(MERGE, { input: { keepId: buyerCo.id, mergeIds: [exporter.id] } })).mergeCompanies;
    const messages = result.userErrors.map((error: Node) => error.message).join(' | ');
    expect(result.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
    expect(messages).toContain('Wheat for ourselves');
    expect(await tableCounts()).toEqual(before);

    const other = await createCompany({ name: 'Kama Grain', kind: 'EXPORTER', country: 'RU' });
    const partner = await createCompany({ name: 'Kama Partner', kind: 'EXPORTER', country: 'RU' });
    await interaction(other.id, partner.id, 'Talk between two exporters');
    const meeting = (await gql(MERGE, { input: { keepId: other.id, mergeIds: [partner.id] } })).mergeCompanies;
    expect(meeting.userErrors[0].message).toContain('Talk between two exporters');
  });

  it('merges two buyers: deals as buyer and meetings as counterpart move; an exporter kind is refused', async () => {
    const exporter = await createCompany({ name: 'Ural Honey', kind: 'EXPORTER', country: 'RU' });
    const a = await createCompany({ name: 'Miel de France', kind: 'BUYER', country: 'FR' });
    const b = await createCompany({ name: 'Miel France SAS', kind: 'DISTRIBUTOR', country: 'FR' });
    await deal('Honey to Paris', exporter.id, b.id);
    await interaction(exporter.id, b.id, 'Tasting');
    const wrongKind = (await gql(MERGE, { input: { keepId: exporter.id, mergeIds: [b.id] } })).mergeCompanies;
    expect(wrongKind.userErrors.map((error: Node) => error.code)).toContain('CONFLICT');
    const result = (await gql(MERGE, { input: { keepId: a.id, mergeIds: [b.id], fields: { kind: b.id } } }))
      .mergeCompanies;
    expect(result.userErrors).toEqual([]);
    expect(result.company.kind).toBe('DISTRIBUTOR');
    const [row] = await server.sql(
      'select (select count(*) from deal where buyer_id = ?) as deals, (select count(*) from interaction where counterpart_id = ?) as meetings',
      [a.id, a.id],
    );
    expect(row).toEqual({ deals: '1', meetings: '1' });
  });

  it('lets the kept company take the merged one’s name (archived names are free) but not a live company’s', async () => {
    const a = await createCompany({ name: 'Baikal Water', kind: 'EXPORTER', country: 'RU' });
    const b = await createCompany({ name: 'Baikal Water JSC', kind: 'EXPORTER', country: 'RU' });
    const ok = (await gql(MERGE, { input: { keepId: b.id, mergeIds: [a.id], fields: { name: a.id } } })).mergeCompanies;
    expect(ok.userErrors).toEqual([]);
    expect(ok.company.name).toBe('Baikal Water');
    const again = await createCompany({ name: 'Baikal Water JSC', kind: 'EXPORTER', country: 'RU' });
    expect(again.id).toBeTruthy();
  });

  it('is for admins and account managers, not analysts', async () => {
    const { analyst } = await signIn(server, 'analyst');
    const response = await server.gql(PREVIEW, { input: { keepId: userId, mergeIds: [userId] } }, { cookie: analyst });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const adminPreview = await server.gql(
      PREVIEW,
      { input: { keepId: userId, mergeIds: [mosprom] } },
      { cookie: admin },
    );
    expect(adminPreview.data!.mergeCompaniesPreview.userErrors[0].code).toBe('NOT_FOUND');
  });
});

describe('merging contacts', () => {
  it('moves the meetings to the kept contact, keeps the chosen values and archives the merged one', async () => {
    const company = await createCompany({ name: 'Altai Cheese', kind: 'EXPORTER', country: 'RU' });
    const buyerCo = await createCompany({ name: 'Fromages Paris', kind: 'BUYER', country: 'FR' });
    const a = await contact(company.id, 'Anna Orlova', 'anna@altai.ru');
    const b = await contact(company.id, 'Anna Orlova', null, '+7 913 555 12 34');
    await interaction(company.id, buyerCo.id, 'Cheese tasting', [b]);
    await interaction(company.id, buyerCo.id, 'Both Annas', [a, b]);
    const preview = (
      await gql(
        `query($input: MergeContactsInput!) { mergeContactsPreview(input: $input) { moves { relation count } result { phone email } ${ERRORS} } }`,
        { input: { keepId: a, mergeIds: [b], fields: { phone: b } } },
      )
    ).mergeContactsPreview;
    expect(preview).toMatchObject({
      moves: [{ relation: 'INTERACTIONS', count: 1 }],
      result: { phone: '+7 913 555 12 34', email: 'anna@altai.ru' },
      userErrors: [],
    });
    const result = (
      await gql(
        `mutation($input: MergeContactsInput!) { mergeContacts(input: $input) { contact { id phone email } ${ERRORS} } }`,
        { input: { keepId: a, mergeIds: [b], fields: { phone: b } } },
      )
    ).mergeContacts;
    expect(result).toMatchObject({
      contact: { id: a, phone: '+7 913 555 12 34', email: 'anna@altai.ru' },
      userErrors: [],
    });
    const [row] = await server.sql('select count(*) as n from interaction_contact where contact_id = ?', [a]);
    expect(row.n).toBe('2');
    const merged = (await gql('query($id: ID!) { contact(id: $id) { id mergedAt mergedInto { id } } }', { id: b }))
      .contact;
    expect(merged.mergedInto).toEqual({ id: a });
    const nested = (await gql(COMPANY, { id: company.id })).company.contacts;
    expect(nested.totalCount).toBe(1);
    const audits = await server.sql(`select count(*) as n from audit_event where action = 'mergeContacts'`);
    expect(audits[0].n).toBe('2');
  });
});

describe('duplicate candidates', () => {
  const CANDIDATES = `query($kind: DuplicateKind, $first: Int, $after: String) {
    duplicateCandidates(kind: $kind, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { score reasons companies { id name } contacts { id fullName } }
    }
  }`;

  it('pairs companies with reasons, the likeliest first, page by page', async () => {
    await createCompany({ name: 'Sibirskaya Ryba', kind: 'EXPORTER', country: 'RU', website: 'https://sibryba.ru' });
    await createCompany({ name: 'Сибирская Рыба', kind: 'EXPORTER', country: 'KZ' });
    await createCompany({
      name: 'SibRyba Export',
      kind: 'EXPORTER',
      country: 'RU',
      website: 'https://www.sibryba.ru/',
    });
    const all = (await gql(CANDIDATES, { first: 50 })).duplicateCandidates;
    const scores = all.nodes.map((node: Node) => node.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    const pair = (a: string, b: string) =>
      all.nodes.find(
        (node: Node) =>
          node.companies
            .map((c: Node) => c.name)
            .sort()
            .join('|') === [a, b].sort().join('|'),
      );
    expect(pair('Sibirskaya Ryba', 'Сибирская Рыба')?.reasons).toContain('SIMILAR_NAME');
    expect(pair('Sibirskaya Ryba', 'SibRyba Export')?.reasons).toContain('SAME_WEBSITE_DOMAIN');
    // Archived companies are never candidates.
    expect(all.nodes.flatMap((node: Node) => node.companies.map((c: Node) => c.name))).not.toContain(
      'Caspian Caviar Holding',
    );

    const first = (await gql(CANDIDATES, { first: 1 })).duplicateCandidates;
    expect(first.nodes).toHaveLength(1);
    expect(first.totalCount).toBe(all.totalCount);
    expect(first.pageInfo.hasNextPage).toBe(all.totalCount > 1);
    const second = (await gql(CANDIDATES, { first: 1, after: first.pageInfo.endCursor })).duplicateCandidates;
    expect(second.nodes[0]).toEqual(all.nodes[1]);
    const tooMany = await server.gql(CANDIDATES, { first: 51 }, { cookie: manager });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pairs contacts by e-mail and phone', async () => {
    const company = await createCompany({ name: 'Tula Samovar', kind: 'EXPORTER', country: 'RU' });
    const other = await createCompany({ name: 'Samovar Export Tula', kind: 'EXPORTER', country: 'RU' });
    await contact(company.id, 'Pavel Gromov', 'pavel@samovar.ru', '+7 (487) 222-33-44');
    await contact(other.id, 'P. Gromov', 'PAVEL@samovar.ru', '74872223344');
    const result = (await gql(CANDIDATES, { kind: 'CONTACT', first: 50 })).duplicateCandidates;
    const pavel = result.nodes.find((node: Node) => node.contacts.some((c: Node) => c.fullName === 'P. Gromov'));
    expect(pavel.reasons).toEqual(['SAME_EMAIL', 'SAME_PHONE']);
    expect(pavel.score).toBeGreaterThanOrEqual(95);
  });
});

describe('duplicate candidates: bounded work', () => {
  const PAIRS = `query($kind: DuplicateKind, $first: Int, $after: String) {
    duplicateCandidates(kind: $kind, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { score reasons companies { id name } contacts { id fullName } }
    }
  }`;

  async function allPairs(kind: 'COMPANY' | 'CONTACT'): Promise<Node[]> {
    const nodes: Node[] = [];
    let after: string | null = null;
    for (let page = 0; page < 40; page++) {
      const result: Node = (await gql(PAIRS, { kind, first: 50, after })).duplicateCandidates;
      nodes.push(...result.nodes);
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    return nodes;
  }

  async function statementsFor(kind: 'COMPANY' | 'CONTACT') {
    server.resetStatements();
    await gql(PAIRS, { kind, first: 50 });
    return server.statements.length;
  }

  it('finds a page in the same number of SQL statements whatever the number of records', async () => {
    const companiesBefore = await statementsFor('COMPANY');
    const contactsBefore = await statementsFor('CONTACT');
    // 60 more companies whose names all look alike, each with two contacts on one switchboard.
    await server.sql(
      `insert into company (id, agency_id, name, normalized_name, kind, country)
       select gen_random_uuid(), ?, 'Lotus Foods ' || g, 'lotus foods ' || g, 'EXPORTER', 'RU' from generate_series(1, 60) g`,
      [mosprom],
    );
    await server.sql(
      `insert into contact (id, agency_id, company_id, full_name, normalized_name, phone)
       select gen_random_uuid(), agency_id, id, 'Person ' || j || ' ' || name, 'person', '+7 495 000 00 00'
       from company cross join generate_series(1, 2) j where agency_id = ? and name like 'Lotus Foods %'`,
      [mosprom],
    );
    expect(await statementsFor('COMPANY')).toBe(companiesBefore);
    expect(await statementsFor('CONTACT')).toBe(contactsBefore);
    const lotus = (await allPairs('COMPANY')).filter((node) =>
      node.companies.every((c: Node) => c.name.startsWith('Lotus Foods')),
    );
    expect(lotus.length).toBeGreaterThan(0);
    expect(lotus.every((node) => node.reasons.includes('SIMILAR_NAME'))).toBe(true);
  });

  it('pairs a record with a bounded number of others: a shared switchboard, a domain shared by many companies', async () => {
    const company = await createCompany({ name: 'Kamchatka Crab', kind: 'EXPORTER', country: 'RU' });
    const names = [
      'Zoya Kuznetsova',
      'Marc Olivier',
      'Ahmed Said',
      'Lena Vogel',
      'Tomas Ruiz',
      'Kenji Mori',
      'Nia Okafor',
      'Bob Hart',
    ];
    const ids: string[] = [];
    for (const name of names) ids.push(await contact(company.id, name, null, '+7 4152 11 22 33'));
    const samePhone = (await allPairs('CONTACT')).filter(
      (node) => node.reasons.includes('SAME_PHONE') && node.contacts.every((c: Node) => ids.includes(c.id)),
    );
    // Each contact with the next 5 of its group (8 contacts: 5+5+5+4+3+2+1), not all 28 pairs.
    expect(samePhone).toHaveLength(25);

    // Eleven companies on one hosting domain: the domain is no evidence; two on their own domain are.
    for (let n = 1; n <= 11; n++) {
      await createCompany({
        name: `Hosted ${'ABCDEFGHIJK'[n - 1]}x${n * 7919}`,
        kind: 'BUYER',
        country: 'FR',
        website: `https://shop.hostly.example/${n}`,
      });
    }
    await createCompany({ name: 'Volna Quarz', kind: 'BUYER', country: 'FR', website: 'https://volna-group.example' });
    await createCompany({
      name: 'Grupo Teplo',
      kind: 'BUYER',
      country: 'ES',
      website: 'http://www.volna-group.example/es',
    });
    const companies = await allPairs('COMPANY');
    const byDomain = companies.filter((node) => node.reasons.includes('SAME_WEBSITE_DOMAIN'));
    expect(byDomain.some((node) => node.companies.some((c: Node) => c.name.startsWith('Hosted')))).toBe(false);
    expect(
      byDomain.some(
        (node) =>
          node.companies
            .map((c: Node) => c.name)
            .sort()
            .join('|') === 'Grupo Teplo|Volna Quarz',
      ),
    ).toBe(true);
  });
});
