import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, importClient } from '../modules/import/import-test-support.js';
import { signIn } from '../test/sign-in.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

/**
 * Issue 14: the lists' totals of companies, contacts and deals are read from the live counts
 * PostgreSQL keeps (live-count.entity.ts) instead of counting every row on every page. What a user
 * sees must not change: after creating, importing, undoing, merging and a refused mutation, each
 * total equals `count(*)` of the agency's live rows, on the compiled path and on the resolvers'
 * path, and another agency's totals do not move.
 */
let server: TestServer;
let manager: string;
let asmex: string;
let mosprom: string;

const TOTALS = `{
  companies(first: 1) { totalCount }
  contacts(first: 1) { totalCount }
  deals(first: 1) { totalCount }
  backwards: companies(last: 1) { totalCount }
}`;

async function totals(cookie: string) {
  const response = await server.gql(TOTALS, {}, { cookie });
  expect(response.errors).toBeUndefined();
  const data = response.data as Record<string, { totalCount: number }>;
  // `last` pages through the resolvers (the compiled reads page forwards only): both paths agree.
  expect(data.backwards.totalCount).toBe(data.companies.totalCount);
  return {
    companies: data.companies.totalCount,
    contacts: data.contacts.totalCount,
    deals: data.deals.totalCount,
  };
}

async function counted(agencyId: string) {
  const [row] = await server.sql<{ companies: number; contacts: number; deals: number }>(
    `select (select count(*)::int from company where agency_id = ? and merged_into_id is null) as companies,
            (select count(*)::int from contact where agency_id = ? and merged_into_id is null) as contacts,
            (select count(*)::int from deal where agency_id = ?) as deals`,
    [agencyId, agencyId, agencyId],
  );
  return row;
}

async function mutate(name: string, query: string, input: Record<string, unknown>) {
  const response = await server.gql(query, { input }, { cookie: manager });
  expect(response.errors).toBeUndefined();
  return (response.data as Record<string, Record<string, unknown>>)[name];
}

async function createCompany(name: string): Promise<string> {
  const result = await mutate(
    'createCompany',
    'mutation($input: CreateCompanyInput!) { createCompany(input: $input) { company { id } userErrors { code } } }',
    { name, kind: 'EXPORTER', country: 'RU' },
  );
  expect(result.userErrors).toEqual([]);
  return (result.company as { id: string }).id;
}

async function createContact(companyId: string, fullName: string): Promise<string> {
  const result = await mutate(
    'createContact',
    'mutation($input: CreateContactInput!) { createContact(input: $input) { contact { id } userErrors { code } } }',
    { companyId, fullName },
  );
  expect(result.userErrors).toEqual([]);
  return (result.contact as { id: string }).id;
}

beforeAll(async () => {
  server = await startTestServer();
  ({ manager, asmex } = await signIn(server, 'manager', 'asmex'));
  [{ agency_id: mosprom }] = await server.sql<{ agency_id: string }>(
    `select agency_id from "user" where email = 'manager@mosprom.demo'`,
  );
});

afterAll(async () => {
  await server?.close();
});

describe('list totals from the live counts', () => {
  it('equal the rows counted, through every way rows come and go', async () => {
    const other = await totals(asmex);
    const start = await totals(manager);
    expect(start).toEqual(await counted(mosprom));
    expect(start.companies).toBeGreaterThan(0);

    const keep = await createCompany('Volzhskiy Med');
    const dup = await createCompany('Volzhsky Med Export');
    const anna = await createContact(keep, 'Anna Orlova');
    const annaAgain = await createContact(dup, 'Anna Orlova');
    const deal = await mutate(
      'createDeal',
      'mutation($input: CreateDealInput!) { createDeal(input: $input) { deal { id } userErrors { code } } }',
      { exporterId: keep, title: 'Honey for Almaty' },
    );
    expect(deal.userErrors).toEqual([]);
    expect(await totals(manager)).toEqual({
      companies: start.companies + 2,
      contacts: start.contacts + 2,
      deals: start.deals + 1,
    });

    // A refused mutation writes nothing, counts included.
    const refused = await mutate(
      'createCompany',
      'mutation($input: CreateCompanyInput!) { createCompany(input: $input) { company { id } userErrors { code } } }',
      { name: 'Volzhskiy Med', kind: 'EXPORTER', country: 'RU' },
    );
    expect(refused.userErrors).not.toEqual([]);

    // Merging archives: the merged company and contact leave the totals.
    const mergedContacts = await mutate(
      'mergeContacts',
      'mutation($input: MergeContactsInput!) { mergeContacts(input: $input) { contact { id } userErrors { code } } }',
      { keepId: anna, mergeIds: [annaAgain] },
    );
    expect(mergedContacts.userErrors).toEqual([]);
    const mergedCompanies = await mutate(
      'mergeCompanies',
      'mutation($input: MergeCompaniesInput!) { mergeCompanies(input: $input) { company { id } userErrors { code } } }',
      { keepId: keep, mergeIds: [dup] },
    );
    expect(mergedCompanies.userErrors).toEqual([]);
    const merged = await totals(manager);
    expect(merged).toEqual({ companies: start.companies + 1, contacts: start.contacts + 1, deals: start.deals + 1 });
    expect(merged).toEqual(await counted(mosprom));

    // An import adds its rows in one statement per table; its undo deletes them.
    const client = importClient(server);
    const rows = [['Raison sociale', 'Pays']].concat(['Alpha', 'Beta', 'Gamma'].map((name) => [`Med ${name}`, 'RU']));
    const fileId = await client.uploadOk(manager, 'companies.csv', csvText(rows));
    const applied = await client.apply(manager, {
      fileId,
      kind: 'COMPANIES',
      mapping: ['name', 'country'],
      decisions: [],
    });
    expect(applied.userErrors).toEqual([]);
    expect((await totals(manager)).companies).toBe(merged.companies + 3);
    expect(await totals(manager)).toEqual(await counted(mosprom));
    const undone = await client.undo(manager, applied.batch!.id as string);
    expect(undone.userErrors).toEqual([]);
    expect(await totals(manager)).toEqual(merged);

    // Rows written by hand (as a DBA's fix or a restore would) are counted too.
    await server.sql(`update company set merged_into_id = ? where id = ?`, [keep, await createCompany('Med Delta')]);
    expect(await totals(manager)).toEqual(merged);
    expect(await totals(manager)).toEqual(await counted(mosprom));

    expect(await totals(asmex)).toEqual(other);
  });

  it('are not read for a filtered list, which is counted', async () => {
    const response = await server.gql(
      `{ companies(first: 1, filter: { countries: ["MA"] }) { totalCount } }`,
      {},
      { cookie: manager },
    );
    const [row] = await server.sql<{ n: number }>(
      `select count(*)::int as n from company where agency_id = ? and merged_into_id is null and country = 'MA'`,
      [mosprom],
    );
    expect(response.data).toEqual({ companies: { totalCount: row.n } });
  });

  it('spare the list page from counting its rows', async () => {
    server.resetStatements();
    await totals(manager);
    expect(server.statements.join('\n')).not.toMatch(/count\(/i);
  });
});
