import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../test/sign-in.js';
import { serverUrl, withDatabase } from '../../test/test-databases.js';
import { type ResponseNode, startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let admin: string;
let manager: string;
let analyst: string;
let asmex: string;
/** Mosprom's sector ids by code, and its account manager's id. */
let sector: Record<string, string>;
let managerId: string;

type Node = ResponseNode;
type UserErrorShape = { field: string[] | null; code: string; message: string; existingId: string | null };

const COMPANY_FIELDS = `id name kind country city website brands notes createdAt updatedAt
  sectors { id code } accountManager { id email }`;

const COMPANIES = `query($first: Int, $after: String, $last: Int, $before: String, $filter: CompanyFilter, $orderBy: CompanyOrder) {
  companies(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    nodes { id name country kind createdAt }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

const COMPANY = `query($id: ID!) { company(id: $id) { ${COMPANY_FIELDS} contacts(first: 10) { totalCount nodes { fullName } } } }`;

const CREATE = `mutation($input: CreateCompanyInput!) {
  createCompany(input: $input) { company { ${COMPANY_FIELDS} } userErrors { field code message existingId } }
}`;

const UPDATE = `mutation($input: UpdateCompanyInput!) {
  updateCompany(input: $input) { company { ${COMPANY_FIELDS} } userErrors { field code message existingId } }
}`;

async function list(variables: Record<string, unknown>, cookie = manager) {
  const response = await server.gql(COMPANIES, variables, { cookie });
  expect(response.errors).toBeUndefined();
  return response.data!.companies as { totalCount: number; nodes: Node[]; pageInfo: Node };
}

async function names(filter: Record<string, unknown>, cookie = manager): Promise<string[]> {
  return (await list({ first: 100, filter }, cookie)).nodes.map((node) => node.name);
}

async function create(input: Record<string, unknown>, cookie = manager) {
  const response = await server.gql(CREATE, { input }, { cookie });
  expect(response.errors).toBeUndefined();
  return response.data!.createCompany as { company: Node | null; userErrors: UserErrorShape[] };
}

async function update(input: Record<string, unknown>, cookie = manager) {
  const response = await server.gql(UPDATE, { input }, { cookie });
  expect(response.errors).toBeUndefined();
  return response.data!.updateCompany as { company: Node | null; userErrors: UserErrorShape[] };
}

async function createOk(input: Record<string, unknown>, cookie = manager): Promise<Node> {
  const result = await create(input, cookie);
  expect(result.userErrors).toEqual([]);
  return result.company!;
}

async function idOf(name: string, cookie = manager): Promise<string> {
  const found = (await list({ first: 100, filter: { nameContains: name } }, cookie)).nodes.filter(
    (node) => node.name === name,
  );
  expect(found, name).toHaveLength(1);
  return found[0].id;
}

async function rowCounts() {
  const [row] = await server.sql<{ companies: string; audits: string; links: string }>(
    `select (select count(*) from company) as companies, (select count(*) from audit_event) as audits,
            (select count(*) from company_sector) as links`,
  );
  return row;
}

beforeAll(async () => {
  server = await startTestServer();
  ({ admin, manager, analyst, asmex } = await signIn(server, 'admin', 'manager', 'analyst', 'asmex'));
  const sectors = await server.gql('{ sectors(first: 100) { nodes { id code } } }', {}, { cookie: manager });
  sector = Object.fromEntries(sectors.data!.sectors.nodes.map((node: Node) => [node.code, node.id]));
  const viewer = await server.gql('{ viewer { id } }', {}, { cookie: manager });
  managerId = viewer.data!.viewer.id;
});
afterAll(() => server?.close());

describe('reading companies', () => {
  it('reads a demo exporter with its sectors, account manager and contacts', async () => {
    const id = await idOf('Nex-T LLC');
    const response = await server.gql(COMPANY, { id }, { cookie: analyst });
    expect(response.errors).toBeUndefined();
    expect(response.data!.company).toMatchObject({
      id,
      name: 'Nex-T LLC',
      kind: 'EXPORTER',
      country: 'RU',
      city: 'Moscow',
      brands: ['NexTouch'],
      sectors: [{ code: 'DISPLAYS_INTERACTIVE_EQUIPMENT' }],
      accountManager: { id: managerId, email: 'manager@mosprom.demo' },
      contacts: { totalCount: 2 },
    });
    const contacts = response.data!.company.contacts.nodes.map((node: Node) => node.fullName);
    expect(contacts).toHaveLength(2);
    expect([...contacts].sort()).toEqual(contacts);
  });

  it('answers null for an unknown id, a malformed id and another agency’s company', async () => {
    const query = 'query($id: ID!) { company(id: $id) { id } }';
    expect((await server.gql(query, { id: '0190a000-0000-7000-8000-000000000000' }, { cookie: manager })).data).toEqual(
      {
        company: null,
      },
    );
    const malformed = await server.gql(query, { id: 'not-an-id' }, { cookie: manager });
    expect(malformed.errors).toBeUndefined();
    expect(malformed.data).toEqual({ company: null });
    const nexT = await idOf('Nex-T LLC');
    expect((await server.gql(query, { id: nexT }, { cookie: asmex })).data).toEqual({ company: null });
  });

  it('lists the agency’s companies by name by default, and counts them', async () => {
    const all = await list({ first: 100 });
    expect(all.totalCount).toBe(52);
    const listed = all.nodes.map((node) => node.name);
    expect(listed).toHaveLength(52);
    expect(listed).toContain('Fish World');
    expect(listed).toContain('ЛазерМарк');
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('filters by kind, country, sector, account manager and deals, all conditions together', async () => {
    const kinds = await list({ first: 100, filter: { kinds: ['INSTITUTION', 'PARTNER'] } });
    expect(kinds.totalCount).toBe(9);
    expect(kinds.nodes.every((node) => ['INSTITUTION', 'PARTNER'].includes(node.kind))).toBe(true);
    expect(kinds.nodes.map((node) => node.name)).toContain("Université de médecine d'Afrique francophone");

    const russian = await list({ first: 100, filter: { countries: ['RU'] } });
    expect(russian.totalCount).toBe(14);
    expect(russian.nodes.every((node) => node.country === 'RU')).toBe(true);

    const fish = await names({ sectorIds: [sector.FOOD_FISH_CONSERVES] });
    expect(fish).toHaveLength(16);
    expect(fish).toEqual(expect.arrayContaining(['Fish World', 'Océan Gourmet Distribution', 'Supermarchés Anoual']));
    const fishOrEv = await names({ sectorIds: [sector.FOOD_FISH_CONSERVES, sector.EV_CHARGING] });
    expect(fishOrEv).toEqual(expect.arrayContaining([...fish, 'Intermobility.EVa', 'Green Mobility Maroc']));
    expect(fishOrEv).toHaveLength(19);

    const managed = await list({ first: 100, filter: { accountManagerIds: [managerId] } });
    expect(managed.totalCount).toBe(14);
    expect(managed.nodes.every((node) => node.kind === 'EXPORTER')).toBe(true);

    const withDeals = await names({ hasDeals: true });
    const withoutDeals = await names({ hasDeals: false });
    expect(withDeals).toHaveLength(25);
    expect(withoutDeals).toHaveLength(27);
    // As exporter, as buyer, and neither.
    expect(withDeals).toEqual(expect.arrayContaining(['Fish World', 'Casa Frais Import', 'Proto3D Maroc']));
    expect(withoutDeals).toEqual(expect.arrayContaining(['Maroc Export', 'Diagnostika-M', 'Fès Épicerie Fine']));
    expect(withDeals.filter((name) => withoutDeals.includes(name))).toEqual([]);

    // Conditions combine: exporters with deals in fish conserves.
    expect(await names({ kinds: ['EXPORTER'], hasDeals: true, sectorIds: [sector.FOOD_FISH_CONSERVES] })).toEqual([
      'Fish World',
    ]);
    // Malformed or unknown ids match nothing (and are no error).
    expect(await names({ sectorIds: ['nope'] })).toEqual([]);
    expect(await names({ accountManagerIds: ['0190a000-0000-7000-8000-000000000000'] })).toEqual([]);
  });

  it('finds names ignoring case and accents, in Latin and Cyrillic, with ё as е', async () => {
    await createOk({ name: 'Société Générale Maroc', kind: 'PARTNER', country: 'MA' });
    await createOk({ name: 'Зелёный берег', kind: 'BUYER', country: 'RU' });
    expect(await names({ nameContains: 'Societe' })).toEqual(['Société Générale Maroc']);
    expect(await names({ nameContains: '  SOCIÉTÉ   générale ' })).toEqual(['Société Générale Maroc']);
    expect(await names({ nameContains: 'лазер' })).toEqual(['ЛазерМарк']);
    expect(await names({ nameContains: 'БЕЗОПАСНОСТ' })).toEqual(['ТрансБезопасность']);
    expect(await names({ nameContains: 'зеленый' })).toEqual(['Зелёный берег']);
    expect(await names({ nameContains: 'medi equip' })).toEqual(['Médi-Équip Maroc']);
    // LIKE wildcards are literal characters, not patterns.
    expect(await names({ nameContains: 'f%d' })).toEqual([]);
    expect(await names({ nameContains: 'f_sh' })).toEqual([]);
    expect(await names({ nameContains: 'zzz-nothing' })).toEqual([]);
  });
});

describe('ordering by name', () => {
  it('reads names as people do: accents and case ignored, Latin before Cyrillic, on every database', async () => {
    const all = (await list({ first: 100, orderBy: { field: 'NAME', direction: 'ASC' } })).nodes.map(
      (node) => node.name as string,
    );
    // "Épiceries Al Wafa" sorts among the E's, not after "Z" as a bytewise order would put it.
    const epiceries = all.indexOf('Épiceries Al Wafa');
    const fishWorld = all.indexOf('Fish World');
    expect(epiceries).toBeGreaterThanOrEqual(0);
    expect(epiceries).toBeLessThan(fishWorld);
    const key = (name: string) => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const cyrillic = all.findIndex((name) => /^\p{Script=Cyrillic}/u.test(name));
    const lastLatin = all.findLastIndex((name) => /^\p{Script=Latin}/u.test(key(name)));
    if (cyrillic >= 0) expect(cyrillic).toBeGreaterThan(lastLatin);
    const latin = all.filter((name) => /^\p{Script=Latin}/u.test(key(name)));
    expect(latin.map(key)).toEqual([...latin.map(key)].sort());
  });
});

describe('paging companies', () => {
  let expected: Node[];

  beforeAll(async () => {
    // Five companies with the same name (in five countries) between two others: ties in the sort key.
    await createOk({ name: 'Tie Probe Zulu', kind: 'BUYER', country: 'MA' });
    for (const country of ['FR', 'DE', 'IT', 'ES', 'PT']) {
      await createOk({ name: 'Tie Probe Same', kind: 'BUYER', country });
    }
    await createOk({ name: 'Tie Probe Alpha', kind: 'BUYER', country: 'MA' });
    const all = await list({ first: 100, filter: { nameContains: 'tie probe' } });
    expected = [...all.nodes].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
    expect(expected.map((node) => node.name)).toEqual([
      'Tie Probe Alpha',
      'Tie Probe Same',
      'Tie Probe Same',
      'Tie Probe Same',
      'Tie Probe Same',
      'Tie Probe Same',
      'Tie Probe Zulu',
    ]);
    expect(all.nodes.map((node) => node.id)).toEqual(expected.map((node) => node.id));
  });

  const filter = { nameContains: 'tie probe' };
  const ids = (nodes: Node[]) => nodes.map((node) => node.id);

  it('pages forwards over page boundaries inside a run of equal names', async () => {
    const page1 = await list({ first: 3, filter });
    expect(ids(page1.nodes)).toEqual(ids(expected.slice(0, 3)));
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page1.totalCount).toBe(7);
    const page2 = await list({ first: 3, after: page1.pageInfo.endCursor, filter });
    expect(ids(page2.nodes)).toEqual(ids(expected.slice(3, 6)));
    expect(page2.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const page3 = await list({ first: 3, after: page2.pageInfo.endCursor, filter });
    expect(ids(page3.nodes)).toEqual(ids(expected.slice(6)));
    expect(page3.pageInfo.hasNextPage).toBe(false);
  });

  it('pages backwards over the same boundaries', async () => {
    const last = await list({ last: 3, filter });
    expect(ids(last.nodes)).toEqual(ids(expected.slice(4)));
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = await list({ last: 3, before: last.pageInfo.startCursor, filter });
    expect(ids(before.nodes)).toEqual(ids(expected.slice(1, 4)));
    const first = await list({ last: 3, before: before.pageInfo.startCursor, filter });
    expect(ids(first.nodes)).toEqual(ids(expected.slice(0, 1)));
    expect(first.pageInfo.hasPreviousPage).toBe(false);
  });

  it('orders by name descending and by creation time, ties broken by id', async () => {
    const desc = await list({ first: 4, filter, orderBy: { field: 'NAME', direction: 'DESC' } });
    const reversed = [...expected].reverse();
    expect(ids(desc.nodes)).toEqual(ids(reversed.slice(0, 4)));
    const rest = await list({
      first: 4,
      after: desc.pageInfo.endCursor,
      filter,
      orderBy: { field: 'NAME', direction: 'DESC' },
    });
    expect(ids(rest.nodes)).toEqual(ids(reversed.slice(4)));

    const byCreation = await list({ first: 100, filter, orderBy: { field: 'CREATED_AT', direction: 'ASC' } });
    const sorted = [...byCreation.nodes].sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1),
    );
    expect(ids(byCreation.nodes)).toEqual(ids(sorted));
    expect(byCreation.nodes[0].name).toBe('Tie Probe Zulu');
    const page = await list({ first: 2, filter, orderBy: { field: 'CREATED_AT', direction: 'DESC' } });
    const next = await list({
      first: 2,
      after: page.pageInfo.endCursor,
      filter,
      orderBy: { field: 'CREATED_AT', direction: 'DESC' },
    });
    expect(ids([...page.nodes, ...next.nodes])).toEqual(ids([...sorted].reverse().slice(0, 4)));
  });

  it('refuses more than 100 per page and a forged cursor', async () => {
    const big = await server.gql(COMPANIES, { first: 101 }, { cookie: manager });
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const forged = await server.gql(COMPANIES, { first: 2, after: 'forged' }, { cookie: manager });
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('creating and changing companies', () => {
  it('creates a company with every field (trimmed, brands deduplicated), audited', async () => {
    const created = await createOk({
      name: '  Atlas Polymères  ',
      kind: 'DISTRIBUTOR',
      country: 'MA',
      city: ' Casablanca ',
      website: 'https://atlas-polymeres.example',
      brands: ['AtlasPro', ' AtlasPro ', 'PolyMax'],
      notes: 'Met at the 2023 programme.',
      sectorIds: [sector.PLASTICS_POLYMERS, sector['3D_PRINTING']],
      accountManagerId: managerId,
    });
    expect(created).toMatchObject({
      name: 'Atlas Polymères',
      kind: 'DISTRIBUTOR',
      country: 'MA',
      city: 'Casablanca',
      website: 'https://atlas-polymeres.example',
      brands: ['AtlasPro', 'PolyMax'],
      notes: 'Met at the 2023 programme.',
      accountManager: { id: managerId },
    });
    expect(created.sectors.map((s: Node) => s.code).sort()).toEqual(['3D_PRINTING', 'PLASTICS_POLYMERS']);
    const read = await server.gql(COMPANY, { id: created.id }, { cookie: analyst });
    expect(read.data!.company).toMatchObject({ name: 'Atlas Polymères', contacts: { totalCount: 0, nodes: [] } });
    const [row] = await server.sql<{ normalized_name: string }>('select normalized_name from company where id = ?', [
      created.id,
    ]);
    expect(row.normalized_name).toBe('atlas polymeres');

    const audit = await server.sql<{ action: string; entity: string; actor_id: string; changes: Node }>(
      'select action, entity, actor_id, changes from audit_event where entity_id = ?',
      [created.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'createCompany', entity: 'Company', actor_id: managerId });
    expect(audit[0].changes).toMatchObject({
      name: { before: null, after: 'Atlas Polymères' },
      country: { before: null, after: 'MA' },
      brands: { before: null, after: ['AtlasPro', 'PolyMax'] },
      accountManager: { before: null, after: managerId },
      sectors: { before: null, after: [sector.PLASTICS_POLYMERS, sector['3D_PRINTING']].sort() },
    });
  });

  it('creates with the required fields only', async () => {
    const created = await createOk({ name: 'Minimal Trading', kind: 'BUYER', country: 'EG' }, admin);
    expect(created).toMatchObject({
      city: null,
      website: null,
      brands: [],
      notes: null,
      sectors: [],
      accountManager: null,
    });
  });

  it('updates the given fields only, clears with null, and audits what changed', async () => {
    const company = await createOk({
      name: 'Rif Import',
      kind: 'BUYER',
      country: 'MA',
      city: 'Tanger',
      website: 'http://rif-import.example',
      sectorIds: [sector.FOOD_FISH_CONSERVES],
      accountManagerId: managerId,
    });
    const updated = await update(
      {
        companyId: company.id,
        name: 'Rif Import & Export',
        kind: 'DISTRIBUTOR',
        website: null,
        sectorIds: [sector.PHARMACEUTICALS, sector.MEDICAL_EQUIPMENT],
        accountManagerId: null,
      },
      admin,
    );
    expect(updated.userErrors).toEqual([]);
    expect(updated.company).toMatchObject({
      id: company.id,
      name: 'Rif Import & Export',
      kind: 'DISTRIBUTOR',
      country: 'MA',
      city: 'Tanger',
      website: null,
      accountManager: null,
    });
    expect(updated.company!.sectors.map((s: Node) => s.code).sort()).toEqual(['MEDICAL_EQUIPMENT', 'PHARMACEUTICALS']);
    const read = await server.gql(COMPANY, { id: company.id }, { cookie: manager });
    expect(read.data!.company.sectors.map((s: Node) => s.code).sort()).toEqual([
      'MEDICAL_EQUIPMENT',
      'PHARMACEUTICALS',
    ]);
    expect(await names({ nameContains: 'rif import export' })).toEqual(['Rif Import & Export']);

    const [event] = await server.sql<{ changes: Node; actor_id: string }>(
      "select changes, actor_id from audit_event where entity_id = ? and action = 'updateCompany'",
      [company.id],
    );
    expect(event.changes).toEqual({
      name: { before: 'Rif Import', after: 'Rif Import & Export' },
      kind: { before: 'BUYER', after: 'DISTRIBUTOR' },
      website: { before: 'http://rif-import.example', after: null },
      accountManager: { before: managerId, after: null },
      sectors: {
        before: [sector.FOOD_FISH_CONSERVES],
        after: [sector.PHARMACEUTICALS, sector.MEDICAL_EQUIPMENT].sort(),
      },
    });
  });

  it('validates each field, with its path and code, and writes nothing', async () => {
    const before = await rowCounts();
    const valid = { name: 'Valid Name', kind: 'BUYER', country: 'MA' };
    const cases: [Record<string, unknown>, string[], string][] = [
      [{ name: '' }, ['input', 'name'], 'REQUIRED'],
      [{ name: '  !!! ' }, ['input', 'name'], 'INVALID'],
      [{ name: 'x'.repeat(301) }, ['input', 'name'], 'INVALID'],
      [{ country: 'ma' }, ['input', 'country'], 'INVALID'],
      [{ country: 'XX' }, ['input', 'country'], 'INVALID'],
      [{ country: 'MAR' }, ['input', 'country'], 'INVALID'],
      [{ city: 'c'.repeat(121) }, ['input', 'city'], 'INVALID'],
      [{ website: 'not a url' }, ['input', 'website'], 'INVALID'],
      [{ website: 'ftp://files.example' }, ['input', 'website'], 'INVALID'],
      [{ website: 'atlas.example' }, ['input', 'website'], 'INVALID'],
      [{ brands: [''] }, ['input', 'brands'], 'REQUIRED'],
      [{ brands: ['b'.repeat(121)] }, ['input', 'brands'], 'INVALID'],
      [{ sectorIds: ['not-an-id'] }, ['input', 'sectorIds'], 'INVALID'],
      [{ accountManagerId: 'nobody' }, ['input', 'accountManagerId'], 'INVALID'],
      [
        { sectorIds: [sector.EV_CHARGING, '0190a000-0000-7000-8000-000000000000'] },
        ['input', 'sectorIds', '1'],
        'NOT_FOUND',
      ],
      [{ accountManagerId: '0190a000-0000-7000-8000-000000000000' }, ['input', 'accountManagerId'], 'NOT_FOUND'],
    ];
    for (const [change, field, code] of cases) {
      const result = await create({ ...valid, ...change });
      expect(result.company, JSON.stringify(change)).toBeNull();
      expect(result.userErrors, JSON.stringify(change)).toEqual([expect.objectContaining({ field, code })]);
    }
    // Several problems at once are reported together.
    const many = await create({ name: '', kind: 'BUYER', country: 'xx', website: 'nope' });
    expect(many.userErrors.map((error) => error.field!.join('.')).sort()).toEqual([
      'input.country',
      'input.name',
      'input.website',
    ]);
    // A missing required field or a wrong enum is a GraphQL error, before any resolver.
    const missing = await server.gql(CREATE, { input: { name: 'No Kind', country: 'MA' } }, { cookie: manager });
    expect(missing.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await rowCounts()).toEqual(before);
  });

  it('validates updates the same way, refuses to remove a required field and an unknown company', async () => {
    const company = await createOk({ name: 'Update Rules Co', kind: 'BUYER', country: 'MA' });
    const before = await rowCounts();
    const cases: [Record<string, unknown>, string[], string][] = [
      [{ name: null }, ['input', 'name'], 'REQUIRED'],
      [{ country: null }, ['input', 'country'], 'REQUIRED'],
      [{ kind: null }, ['input', 'kind'], 'REQUIRED'],
      [{ name: '' }, ['input', 'name'], 'REQUIRED'],
      [{ country: 'Maroc' }, ['input', 'country'], 'INVALID'],
      [{ website: 'javascript:alert(1)' }, ['input', 'website'], 'INVALID'],
      [{ sectorIds: ['0190a000-0000-7000-8000-000000000000'] }, ['input', 'sectorIds', '0'], 'NOT_FOUND'],
      [{ accountManagerId: '0190a000-0000-7000-8000-000000000000' }, ['input', 'accountManagerId'], 'NOT_FOUND'],
      [{ companyId: '0190a000-0000-7000-8000-000000000000' }, ['input', 'companyId'], 'NOT_FOUND'],
      [{ companyId: 'nope' }, ['input', 'companyId'], 'INVALID'],
    ];
    for (const [change, field, code] of cases) {
      const result = await update({ companyId: company.id, city: 'Changed', ...change });
      expect(result.company, JSON.stringify(change)).toBeNull();
      expect(result.userErrors, JSON.stringify(change)).toEqual([expect.objectContaining({ field, code })]);
    }
    expect(await rowCounts()).toEqual(before);
    const read = await server.gql(COMPANY, { id: company.id }, { cookie: manager });
    expect(read.data!.company).toMatchObject({ name: 'Update Rules Co', city: null });
    // An empty website or city clears it.
    const cleared = await update({ companyId: company.id, website: '', city: '  ' });
    expect(cleared.company).toMatchObject({ website: null, city: null });
  });

  it('refuses a duplicate (same normalised name and country) with the existing company’s id', async () => {
    const nexT = await idOf('Nex-T LLC');
    const before = await rowCounts();
    const duplicate = await create({ name: 'NEX T  llc', kind: 'EXPORTER', country: 'RU' });
    expect(duplicate.company).toBeNull();
    expect(duplicate.userErrors).toEqual([
      expect.objectContaining({ code: 'DUPLICATE', field: ['input', 'name'], existingId: nexT }),
    ]);
    expect(await rowCounts()).toEqual(before);
    // The same name in another country is another company.
    const elsewhere = await createOk({ name: 'Nex-T LLC', kind: 'DISTRIBUTOR', country: 'KZ' });

    // Renaming or moving onto an existing company is refused too.
    const fishWorld = await idOf('Fish World');
    const renamed = await update({ companyId: elsewhere.id, name: 'fish world', country: 'RU' });
    expect(renamed.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE', existingId: fishWorld })]);
    const moved = await update({ companyId: elsewhere.id, country: 'RU' });
    expect(moved.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE', existingId: nexT })]);
    // Its own name, in another spelling, is no duplicate.
    const respelled = await update({ companyId: elsewhere.id, name: 'NEX-T llc' });
    expect(respelled.userErrors).toEqual([]);
    expect(respelled.company).toMatchObject({ name: 'NEX-T llc', country: 'KZ' });
  });

  it('refuses the second of two concurrent creations of one company, naming the first', async () => {
    const input = { name: 'Concurrent Imports', kind: 'BUYER', country: 'TN' };
    const results = await Promise.all([create(input), create(input, admin), create(input)]);
    const created = results.filter((result) => result.company);
    const refused = results.filter((result) => !result.company);
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(2);
    for (const result of refused) {
      expect(result.userErrors).toEqual([
        expect.objectContaining({ code: 'DUPLICATE', existingId: created[0].company!.id }),
      ]);
    }
    expect(await names({ nameContains: 'concurrent imports' })).toEqual(['Concurrent Imports']);
  });

  // Only a server database has a second session to hold the competing insert open.
  it.runIf(serverUrl())(
    'maps the unique constraint, hit after the check by a concurrent insert, to DUPLICATE',
    async () => {
      const [{ db }] = await server.sql<{ db: string }>('select current_database() as db');
      const [{ agency_id: agencyId }] = await server.sql<{ agency_id: string }>(
        'select agency_id from "user" where email = \'manager@mosprom.demo\'',
      );
      const other = new Client({ connectionString: withDatabase(serverUrl()!, db) });
      await other.connect();
      try {
        const existingId = randomUUID();
        await other.query('begin');
        await other.query(
          `insert into company (id, agency_id, name, normalized_name, kind, country) values ($1, $2, 'Racing Co', 'racing co', 'BUYER', 'DZ')`,
          [existingId, agencyId],
        );
        // The check before the insert cannot see the uncommitted row; the insert waits for it.
        server.resetStatements();
        const pending = create({ name: 'RACING CO', kind: 'BUYER', country: 'DZ' });
        await new Promise((resolve) => setTimeout(resolve, 500));
        await other.query('commit');
        const result = await pending;
        expect(result.company).toBeNull();
        expect(result.userErrors).toEqual([
          expect.objectContaining({ code: 'DUPLICATE', field: ['input', 'name'], existingId }),
        ]);
        expect(server.statements.some((statement) => statement.includes('rollback to savepoint'))).toBe(true);
      } finally {
        await other.end();
      }
      expect(await names({ nameContains: 'racing co' })).toEqual(['Racing Co']);
    },
  );
});

describe('roles and agencies', () => {
  it('lets admins and account managers write, and refuses analysts', async () => {
    const id = await idOf('Maroc Taswiq');
    for (const cookie of [admin, manager]) {
      expect((await update({ companyId: id, notes: `by ${cookie.slice(-4)}` }, cookie)).userErrors).toEqual([]);
    }
    const before = await rowCounts();
    const created = await server.gql(
      CREATE,
      { input: { name: 'Analyst Co', kind: 'BUYER', country: 'MA' } },
      { cookie: analyst },
    );
    expect(created.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(created.data?.createCompany ?? null).toBeNull();
    const updated = await server.gql(UPDATE, { input: { companyId: id, name: 'Hijacked' } }, { cookie: analyst });
    expect(updated.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await rowCounts()).toEqual(before);
    expect((await server.gql(COMPANY, { id }, { cookie: analyst })).data!.company.name).toBe('Maroc Taswiq');
  });

  it('refuses anonymous callers', async () => {
    for (const [query, variables] of [
      [COMPANIES, { first: 5 }],
      [COMPANY, { id: await idOf('Fish World') }],
      [CREATE, { input: { name: 'Anonymous Co', kind: 'BUYER', country: 'MA' } }],
      [UPDATE, { input: { companyId: await idOf('Fish World'), name: 'x' } }],
    ] as const) {
      const response = await server.gql(query, variables);
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('keeps another agency out: lists, filters, ids, updates and references', async () => {
    const mospromIds = new Set((await list({ first: 100 })).nodes.map((node) => node.id));
    const theirs = await list({ first: 100 }, asmex);
    expect(theirs.totalCount).toBe(15);
    expect(theirs.nodes.filter((node) => mospromIds.has(node.id))).toEqual([]);
    expect(theirs.nodes.map((node) => node.name)).toContain('Conserveries Atlantique Sud');
    expect(await names({ nameContains: 'Fish World' }, asmex)).toEqual([]);
    expect(await names({ sectorIds: [sector.FOOD_FISH_CONSERVES] }, asmex)).toEqual([]);
    expect(await names({ accountManagerIds: [managerId] }, asmex)).toEqual([]);

    const fishWorld = await idOf('Fish World');
    const before = (await server.gql(COMPANY, { id: fishWorld }, { cookie: manager })).data!.company;
    const countsBefore = await rowCounts();
    const hijack = await update({ companyId: fishWorld, name: 'Hijacked', city: 'Rabat' }, asmex);
    expect(hijack).toEqual({
      company: null,
      userErrors: [expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'companyId'] })],
    });
    expect((await server.gql(COMPANY, { id: fishWorld }, { cookie: manager })).data!.company).toEqual(before);

    const withTheirSector = await create(
      { name: 'Cross Agency Co', kind: 'BUYER', country: 'MA', sectorIds: [sector.FOOD_FISH_CONSERVES] },
      asmex,
    );
    expect(withTheirSector.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'sectorIds', '0'] }),
    ]);
    const withTheirManager = await create(
      { name: 'Cross Agency Co', kind: 'BUYER', country: 'MA', accountManagerId: managerId },
      asmex,
    );
    expect(withTheirManager.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'accountManagerId'] }),
    ]);
    const own = (await list({ first: 1 }, asmex)).nodes[0];
    const linked = await update({ companyId: own.id, sectorIds: [sector.EV_CHARGING] }, asmex);
    expect(linked.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect(await rowCounts()).toEqual(countsBefore);

    // The same name as a Mosprom company is no duplicate in another agency.
    const sameName = await createOk({ name: 'Fish World', kind: 'BUYER', country: 'RU' }, asmex);
    expect(sameName.id).not.toBe(fishWorld);
  });
});

describe('batching', () => {
  const QUERY = `query($first: Int!) {
    companies(first: $first, filter: { nameContains: "batch probe" }) {
      totalCount
      nodes {
        name
        sectors { code name }
        accountManager { email }
        contacts(first: 5) { totalCount nodes { fullName } }
      }
    }
  }`;

  it('reads 2 or 20 companies with sectors, manager and contacts in the same number of statements', async () => {
    const sectors = [sector.MEDICAL_EQUIPMENT, sector.PHARMACEUTICALS, sector.EV_CHARGING];
    for (let i = 0; i < 22; i++) {
      const company = await createOk({
        name: `Batch Probe ${String(i).padStart(2, '0')}`,
        kind: 'EXPORTER',
        country: 'RU',
        sectorIds: sectors.slice(0, 1 + (i % 3)),
        accountManagerId: managerId,
      });
      const contacts = `mutation($input: CreateContactInput!) { createContact(input: $input) { userErrors { code } } }`;
      for (let j = 0; j < 1 + (i % 3); j++) {
        const contact = await server.gql(
          contacts,
          { input: { companyId: company.id, fullName: `Person ${i}-${j}` } },
          { cookie: manager },
        );
        expect(contact.data?.createContact.userErrors).toEqual([]);
      }
    }
    const counts: Record<number, number> = {};
    for (const first of [2, 20]) {
      server.resetStatements();
      const response = await server.gql(QUERY, { first }, { cookie: manager });
      expect(response.errors).toBeUndefined();
      const nodes = response.data!.companies.nodes;
      expect(nodes).toHaveLength(first);
      expect(
        nodes.every((node: Node) => node.sectors.length > 0 && node.accountManager && node.contacts.totalCount > 0),
      ).toBe(true);
      expect(nodes[4 % first].contacts.nodes.length).toBe(nodes[4 % first].contacts.totalCount);
      counts[first] = server.statements.length;
    }
    expect(counts[20]).toBe(counts[2]);
    // session, page, count, sectors, manager, contacts page, contacts count
    expect(counts[20]).toBeLessThanOrEqual(7);
  });
});
