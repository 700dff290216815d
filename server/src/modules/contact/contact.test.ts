import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeName } from '../../shared/normalize.js';
import { signIn } from '../../test/sign-in.js';
import { type ResponseNode, startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let admin: string;
let manager: string;
let analyst: string;
let asmex: string;
let managerId: string;

type Node = ResponseNode;
type UserErrorShape = { field: string[] | null; code: string; message: string };

const CONTACT_FIELDS = 'id fullName jobTitle email phone languages createdAt company { id name }';

const CONTACTS = `query($first: Int, $after: String, $last: Int, $before: String, $filter: ContactFilter, $orderBy: ContactOrder) {
  contacts(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    nodes { ${CONTACT_FIELDS} }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

const CREATE = `mutation($input: CreateContactInput!) {
  createContact(input: $input) { contact { ${CONTACT_FIELDS} } userErrors { field code message } }
}`;

const UPDATE = `mutation($input: UpdateContactInput!) {
  updateContact(input: $input) { contact { ${CONTACT_FIELDS} } userErrors { field code message } }
}`;

const CREATE_COMPANY = `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { company { id } userErrors { code } } }`;

async function list(variables: Record<string, unknown>, cookie = manager) {
  const response = await server.gql(CONTACTS, variables, { cookie });
  expect(response.errors).toBeUndefined();
  return response.data!.contacts as { totalCount: number; nodes: Node[]; pageInfo: Node };
}

async function fullNames(filter: Record<string, unknown>, cookie = manager): Promise<string[]> {
  return (await list({ first: 100, filter }, cookie)).nodes.map((node) => node.fullName);
}

async function create(input: Record<string, unknown>, cookie = manager) {
  const response = await server.gql(CREATE, { input }, { cookie });
  expect(response.errors).toBeUndefined();
  return response.data!.createContact as { contact: Node | null; userErrors: UserErrorShape[] };
}

async function createOk(input: Record<string, unknown>, cookie = manager): Promise<Node> {
  const result = await create(input, cookie);
  expect(result.userErrors).toEqual([]);
  return result.contact!;
}

async function update(input: Record<string, unknown>, cookie = manager) {
  const response = await server.gql(UPDATE, { input }, { cookie });
  expect(response.errors).toBeUndefined();
  return response.data!.updateContact as { contact: Node | null; userErrors: UserErrorShape[] };
}

async function newCompany(name: string, cookie = manager): Promise<string> {
  const response = await server.gql(
    CREATE_COMPANY,
    { input: { name, kind: 'DISTRIBUTOR', country: 'MA' } },
    { cookie },
  );
  expect(response.data?.createCompany.userErrors).toEqual([]);
  return response.data!.createCompany.company.id;
}

async function companyId(name: string, cookie = manager): Promise<string> {
  const response = await server.gql(
    'query($name: String!) { companies(first: 100, filter: { nameContains: $name }) { nodes { id name } } }',
    { name },
    { cookie },
  );
  const found = response.data!.companies.nodes.filter((node: Node) => node.name === name);
  expect(found, name).toHaveLength(1);
  return found[0].id;
}

async function rowCounts() {
  const [row] = await server.sql<{ contacts: string; audits: string }>(
    'select (select count(*) from contact) as contacts, (select count(*) from audit_event) as audits',
  );
  return row;
}

beforeAll(async () => {
  server = await startTestServer();
  ({ admin, manager, analyst, asmex } = await signIn(server, 'admin', 'manager', 'analyst', 'asmex'));
  managerId = (await server.gql('{ viewer { id } }', {}, { cookie: manager })).data!.viewer.id;
});
afterAll(() => server?.close());

describe('reading contacts', () => {
  it('lists the agency’s contacts by full name, with their company, and counts them', async () => {
    const rows = await server.sql<{ id: string }>(
      `select c.id from contact c join "user" u on u.agency_id = c.agency_id where u.id = ? order by c.full_name, c.id`,
      [managerId],
    );
    const page = await list({ first: 100 }, analyst);
    expect(page.totalCount).toBe(rows.length);
    expect(page.totalCount).toBeGreaterThan(60);
    expect(page.nodes.map((node) => node.id)).toEqual(rows.slice(0, 100).map((row) => row.id));
    const [hassan] = page.nodes.filter((node) => node.fullName === 'Hassan Sentissi El Idrissi');
    expect(hassan).toMatchObject({
      jobTitle: 'Président',
      email: null,
      languages: ['fr', 'ar'],
      company: { name: "Conseil d'affaires maroco-russe" },
    });
  });

  it('filters by company, by part of the name (case and accents ignored) and by e-mail', async () => {
    const fishWorld = await companyId('Fish World');
    const nexT = await companyId('Nex-T LLC');
    const ofFishWorld = await list({ first: 100, filter: { companyIds: [fishWorld] } });
    expect(ofFishWorld.totalCount).toBe(2);
    expect(ofFishWorld.nodes.every((node) => node.company.name === 'Fish World')).toBe(true);
    const ofBoth = await list({ first: 100, filter: { companyIds: [fishWorld, nexT] } });
    expect(ofBoth.totalCount).toBe(4);
    expect(await fullNames({ companyIds: ['not-an-id'] })).toEqual([]);

    const company = await newCompany('Filter Probe Distribution');
    await createOk({ companyId: company, fullName: 'Zoé Lefèvre', email: 'Zoe.Lefevre@Filter-Probe.example' });
    await createOk({ companyId: company, fullName: 'Фёдор Ёлкин', email: 'f.elkin@filter-probe.example' });
    await createOk({ companyId: company, fullName: 'Zoe Lefort' });
    expect(await fullNames({ nameContains: 'zoe lefevre' })).toEqual(['Zoé Lefèvre']);
    expect(await fullNames({ nameContains: 'LEFÈ' })).toEqual(['Zoé Lefèvre']);
    expect(await fullNames({ nameContains: 'елкин' })).toEqual(['Фёдор Ёлкин']);
    expect((await fullNames({ nameContains: 'zoe', companyIds: [company] })).sort()).toEqual([
      'Zoe Lefort',
      'Zoé Lefèvre',
    ]);
    expect(await fullNames({ nameContains: 'z%e' })).toEqual([]);
    const leilas = await fullNames({ nameContains: 'leila' });
    expect(leilas.length).toBeGreaterThan(0);
    expect(leilas.every((name) => normalizeName(name).includes('leila'))).toBe(true);
    expect(leilas.some((name) => name.includes('Leïla'))).toBe(true);

    expect(await fullNames({ email: ' zoe.lefevre@filter-probe.EXAMPLE ' })).toEqual(['Zoé Lefèvre']);
    expect(await fullNames({ email: 'zoe.lefevre@filter-probe' })).toEqual([]);
    expect(await fullNames({ email: '%@filter-probe.example' })).toEqual([]);
    expect(await fullNames({ email: 'f.elkin@filter-probe.example', nameContains: 'zoe' })).toEqual([]);
  });

  it('pages forwards and backwards over equal names, ties broken by id', async () => {
    const company = await newCompany('Tie Contacts Trading');
    for (const fullName of ['Zed Tie', 'Amina Tie', 'Amina Tie', 'Amina Tie', 'Amina Tie', 'Aaron Tie']) {
      await createOk({ companyId: company, fullName });
    }
    const filter = { companyIds: [company] };
    const all = await list({ first: 100, filter });
    const expected = [...all.nodes].sort((a, b) => a.fullName.localeCompare(b.fullName) || (a.id < b.id ? -1 : 1));
    expect(all.nodes.map((node) => node.id)).toEqual(expected.map((node) => node.id));
    const ids = (nodes: Node[]) => nodes.map((node) => node.id);

    const page1 = await list({ first: 2, filter });
    const page2 = await list({ first: 2, after: page1.pageInfo.endCursor, filter });
    const page3 = await list({ first: 2, after: page2.pageInfo.endCursor, filter });
    expect(ids([...page1.nodes, ...page2.nodes, ...page3.nodes])).toEqual(ids(expected));
    expect(page2.nodes.map((node) => node.fullName)).toEqual(['Amina Tie', 'Amina Tie']);
    expect(page3.pageInfo.hasNextPage).toBe(false);

    const back1 = await list({ last: 2, before: page3.pageInfo.startCursor, filter });
    expect(ids(back1.nodes)).toEqual(ids(expected.slice(2, 4)));
    const back2 = await list({ last: 3, before: back1.pageInfo.startCursor, filter });
    expect(ids(back2.nodes)).toEqual(ids(expected.slice(0, 2)));
    expect(back2.pageInfo.hasPreviousPage).toBe(false);

    const newest = await list({ first: 3, filter, orderBy: { field: 'CREATED_AT', direction: 'DESC' } });
    const older = await list({
      first: 3,
      after: newest.pageInfo.endCursor,
      filter,
      orderBy: { field: 'CREATED_AT', direction: 'DESC' },
    });
    const byCreation = [...all.nodes].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? 1 : -1));
    expect(ids([...newest.nodes, ...older.nodes])).toEqual(ids(byCreation));
    expect(newest.nodes[0].fullName).toBe('Aaron Tie');

    // The same list nested under the company, with its own cursor.
    const NESTED = `query($id: ID!, $after: String) {
      company(id: $id) { contacts(first: 4, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }
    }`;
    const nested1 = (await server.gql(NESTED, { id: company }, { cookie: analyst })).data!.company.contacts;
    expect(nested1.totalCount).toBe(6);
    expect(ids(nested1.nodes)).toEqual(ids(expected.slice(0, 4)));
    expect(nested1.pageInfo.hasNextPage).toBe(true);
    const nested2 = (await server.gql(NESTED, { id: company, after: nested1.pageInfo.endCursor }, { cookie: analyst }))
      .data!.company.contacts;
    expect(ids(nested2.nodes)).toEqual(ids(expected.slice(4)));
    expect(nested2.pageInfo.hasNextPage).toBe(false);
  });
});

describe('creating and changing contacts', () => {
  it('creates a contact (trimmed, languages deduplicated), audited', async () => {
    const company = await companyId('Fish World');
    const contact = await createOk({
      companyId: company,
      fullName: '  Мария Соколова ',
      jobTitle: 'Руководитель отдела экспорта',
      email: 'm.sokolova@fish-world.example',
      phone: '+7 (495) 000-12-34',
      languages: ['ru', 'fr', 'ru'],
    });
    expect(contact).toMatchObject({
      fullName: 'Мария Соколова',
      jobTitle: 'Руководитель отдела экспорта',
      email: 'm.sokolova@fish-world.example',
      phone: '+7 (495) 000-12-34',
      languages: ['ru', 'fr'],
      company: { id: company, name: 'Fish World' },
    });
    const [row] = await server.sql<{ normalized_name: string }>('select normalized_name from contact where id = ?', [
      contact.id,
    ]);
    expect(row.normalized_name).toBe('мария соколова');
    const audit = await server.sql<{ action: string; entity: string; actor_id: string; changes: Node }>(
      'select action, entity, actor_id, changes from audit_event where entity_id = ?',
      [contact.id],
    );
    expect(audit).toEqual([
      {
        action: 'createContact',
        entity: 'Contact',
        actor_id: managerId,
        changes: {
          company: { before: null, after: company },
          fullName: { before: null, after: 'Мария Соколова' },
          jobTitle: { before: null, after: 'Руководитель отдела экспорта' },
          email: { before: null, after: 'm.sokolova@fish-world.example' },
          phone: { before: null, after: '+7 (495) 000-12-34' },
          languages: { before: null, after: ['ru', 'fr'] },
        },
      },
    ]);
  });

  it('updates the given fields, moves a contact to another company, clears with null or "", audited', async () => {
    const from = await newCompany('Move From Co');
    const to = await newCompany('Move To Co');
    const contact = await createOk({
      companyId: from,
      fullName: 'Karim Mover',
      email: 'k.mover@move.example',
      phone: '+212 522 000 000',
      jobTitle: 'Acheteur',
    });
    const result = await update(
      { contactId: contact.id, companyId: to, fullName: 'Karim El Mover', email: '', phone: null, languages: ['fr'] },
      admin,
    );
    expect(result.userErrors).toEqual([]);
    expect(result.contact).toMatchObject({
      id: contact.id,
      fullName: 'Karim El Mover',
      jobTitle: 'Acheteur',
      email: null,
      phone: null,
      languages: ['fr'],
      company: { id: to, name: 'Move To Co' },
    });
    expect(await fullNames({ companyIds: [from] })).toEqual([]);
    expect(await fullNames({ companyIds: [to] })).toEqual(['Karim El Mover']);
    const [event] = await server.sql<{ changes: Node }>(
      "select changes from audit_event where entity_id = ? and action = 'updateContact'",
      [contact.id],
    );
    expect(event.changes).toEqual({
      company: { before: from, after: to },
      fullName: { before: 'Karim Mover', after: 'Karim El Mover' },
      email: { before: 'k.mover@move.example', after: null },
      phone: { before: '+212 522 000 000', after: null },
      languages: { before: [], after: ['fr'] },
    });
  });

  it('validates each field with its path and code, and writes nothing', async () => {
    const company = await companyId('Fish World');
    const before = await rowCounts();
    const valid = { companyId: company, fullName: 'Valid Person' };
    const cases: [Record<string, unknown>, string[], string][] = [
      [{ fullName: '' }, ['input', 'fullName'], 'REQUIRED'],
      [{ fullName: ' ?? ' }, ['input', 'fullName'], 'INVALID'],
      [{ fullName: 'n'.repeat(201) }, ['input', 'fullName'], 'INVALID'],
      [{ jobTitle: 'j'.repeat(201) }, ['input', 'jobTitle'], 'INVALID'],
      [{ email: 'not-an-email' }, ['input', 'email'], 'INVALID'],
      [{ email: 'a@b' }, ['input', 'email'], 'INVALID'],
      [{ phone: 'call me' }, ['input', 'phone'], 'INVALID'],
      [{ phone: '+1' }, ['input', 'phone'], 'INVALID'],
      [{ phone: '1'.repeat(41) }, ['input', 'phone'], 'INVALID'],
      [{ languages: ['FR'] }, ['input', 'languages'], 'INVALID'],
      [{ languages: ['fra'] }, ['input', 'languages'], 'INVALID'],
      [{ companyId: 'fish-world' }, ['input', 'companyId'], 'INVALID'],
      [{ companyId: '0190a000-0000-7000-8000-000000000000' }, ['input', 'companyId'], 'NOT_FOUND'],
    ];
    for (const [change, field, code] of cases) {
      const result = await create({ ...valid, ...change });
      expect(result.contact, JSON.stringify(change)).toBeNull();
      expect(result.userErrors, JSON.stringify(change)).toEqual([expect.objectContaining({ field, code })]);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('validates updates, refuses to remove a required field and an unknown contact', async () => {
    const contact = await createOk({ companyId: await companyId('Fish World'), fullName: 'Update Rules Person' });
    const before = await rowCounts();
    const cases: [Record<string, unknown>, string[], string][] = [
      [{ fullName: null }, ['input', 'fullName'], 'REQUIRED'],
      [{ companyId: null }, ['input', 'companyId'], 'REQUIRED'],
      [{ fullName: '' }, ['input', 'fullName'], 'REQUIRED'],
      [{ email: 'nope' }, ['input', 'email'], 'INVALID'],
      [{ companyId: '0190a000-0000-7000-8000-000000000000' }, ['input', 'companyId'], 'NOT_FOUND'],
      [{ contactId: '0190a000-0000-7000-8000-000000000000' }, ['input', 'contactId'], 'NOT_FOUND'],
      [{ contactId: 'someone' }, ['input', 'contactId'], 'INVALID'],
    ];
    for (const [change, field, code] of cases) {
      const result = await update({ contactId: contact.id, jobTitle: 'Changed', ...change });
      expect(result.contact, JSON.stringify(change)).toBeNull();
      expect(result.userErrors, JSON.stringify(change)).toEqual([expect.objectContaining({ field, code })]);
    }
    expect(await rowCounts()).toEqual(before);
    const [row] = await server.sql<{ job_title: string | null }>('select job_title from contact where id = ?', [
      contact.id,
    ]);
    expect(row.job_title).toBeNull();
  });
});

describe('roles and agencies', () => {
  it('lets admins and account managers write, refuses analysts and anonymous callers', async () => {
    const company = await companyId('Nex-T LLC');
    const byAdmin = await createOk({ companyId: company, fullName: 'Admin Made' }, admin);
    const byManager = await update({ contactId: byAdmin.id, jobTitle: 'Directeur' }, manager);
    expect(byManager.userErrors).toEqual([]);
    const before = await rowCounts();
    const created = await server.gql(
      CREATE,
      { input: { companyId: company, fullName: 'Analyst Made' } },
      { cookie: analyst },
    );
    expect(created.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const updated = await server.gql(
      UPDATE,
      { input: { contactId: byAdmin.id, fullName: 'Renamed' } },
      { cookie: analyst },
    );
    expect(updated.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await rowCounts()).toEqual(before);
    for (const [query, variables] of [
      [CONTACTS, { first: 5 }],
      [CREATE, { input: { companyId: company, fullName: 'Anonymous' } }],
      [UPDATE, { input: { contactId: byAdmin.id, fullName: 'Anonymous' } }],
    ] as const) {
      expect((await server.gql(query, variables)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('keeps another agency out: lists, filters, nested lists, updates and references', async () => {
    const mosprom = await list({ first: 100 });
    const mospromIds = new Set(mosprom.nodes.map((node) => node.id));
    const theirs = await list({ first: 100 }, asmex);
    expect(theirs.totalCount).toBeGreaterThan(0);
    expect(theirs.nodes.filter((node) => mospromIds.has(node.id))).toEqual([]);
    const fishWorld = await companyId('Fish World');
    expect(await fullNames({ companyIds: [fishWorld] }, asmex)).toEqual([]);
    expect(await fullNames({ nameContains: 'Hassan' }, asmex)).toEqual(['Hassan Sentissi El Idrissi']);
    const hassanHere = (await list({ first: 1, filter: { nameContains: 'Hassan' } })).nodes[0];
    const hassanThere = (await list({ first: 1, filter: { nameContains: 'Hassan' } }, asmex)).nodes[0];
    expect(hassanThere.id).not.toBe(hassanHere.id);

    const nested = await server.gql(
      '{ companies(first: 100) { nodes { contacts(first: 100) { nodes { id company { id } } } } } }',
      {},
      { cookie: asmex },
    );
    const nestedIds = nested.data!.companies.nodes.flatMap((company: Node) =>
      company.contacts.nodes.map((contact: Node) => contact.id),
    );
    expect(nestedIds.length).toBe(theirs.totalCount);
    expect(nestedIds.filter((id: string) => mospromIds.has(id))).toEqual([]);

    const before = await rowCounts();
    const intoTheirs = await create({ companyId: fishWorld, fullName: 'Spy' }, asmex);
    expect(intoTheirs.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'companyId'] }),
    ]);
    const hijack = await update({ contactId: hassanHere.id, fullName: 'Hijacked', email: 'spy@asmex.example' }, asmex);
    expect(hijack).toEqual({
      contact: null,
      userErrors: [expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'contactId'] })],
    });
    const moveOut = await update({ contactId: hassanThere.id, companyId: fishWorld }, asmex);
    expect(moveOut.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'companyId'] })]);
    expect(await rowCounts()).toEqual(before);
    const [row] = await server.sql<{ full_name: string; email: string | null; company_id: string }>(
      'select full_name, email, company_id from contact where id = ?',
      [hassanHere.id],
    );
    expect(row).toMatchObject({ full_name: 'Hassan Sentissi El Idrissi', email: null });
    const again = (await list({ first: 1, filter: { nameContains: 'Hassan' } }, asmex)).nodes[0];
    expect(again.company.id).toBe(hassanThere.company.id);
  });
});
