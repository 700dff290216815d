import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyBinding } from '../../test/agency-bound.js';
import { signIn } from '../../test/sign-in.js';
import { type ResponseNode, startTestServer, type TestServer } from '../../test/test-server.js';

/**
 * Issue 13, "a raw statement that forgets the agency cannot be written", for merges: every SQL
 * statement that finding duplicates, previewing and merging companies and contacts issue on an
 * agency-owned table binds the viewer's agency (the ORM's agency filter and the raw statements
 * of shared/sql.ts alike), read with their parameters before they run (test/agency-bound.ts).
 */
let server: TestServer;
let manager: string;
let agencyId: string;
let keep: string;
let dup: string;
let contacts: Record<'keptAnna' | 'dupAnna' | 'boris' | 'borisAgain', string>;

const ERRORS = 'userErrors { field code message }';

/**
 * The statements of a flush that update rows by primary key name no agency: the write guard
 * (db/agency-write-guard.ts) has checked, before the flush, that each row and each row it points
 * at belongs to the viewer's agency.
 */
const UPDATE_BY_ID = /^update "\w+" set .* where "id" (=|in) /s;

async function boundRequest(name: string, query: string, variables: Record<string, unknown> = {}) {
  server.resetStatements();
  const response = await server.gql(query, variables, { cookie: manager });
  expect(response.errors, name).toBeUndefined();
  const { owned, unbound } = agencyBinding(server, agencyId);
  expect(owned.length, name).toBeGreaterThan(0);
  expect(
    unbound.filter((statement) => !UPDATE_BY_ID.test(statement)),
    name,
  ).toEqual([]);
  return response.data as Record<string, ResponseNode>;
}

async function insertContact(companyId: string, fullName: string, email: string): Promise<string> {
  const [row] = await server.sql<{ id: string }>(
    `insert into contact (id, agency_id, company_id, full_name, normalized_name, email)
     values (gen_random_uuid(), ?, ?, ?, lower(?), ?) returning id`,
    [agencyId, companyId, fullName, fullName, email],
  );
  return row.id;
}

beforeAll(async () => {
  server = await startTestServer();
  ({ manager } = await signIn(server, 'manager'));
  [{ agency_id: agencyId }] = await server.sql<{ agency_id: string }>(
    `select agency_id from "user" where email = 'manager@mosprom.demo'`,
  );
  const create = async (name: string) => {
    const data = await server.gql(
      `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { company { id } ${ERRORS} } }`,
      { input: { name, kind: 'EXPORTER', country: 'RU', website: 'https://volga-honey.example' } },
      { cookie: manager },
    );
    expect(data.data!.createCompany.userErrors).toEqual([]);
    return data.data!.createCompany.company.id as string;
  };
  keep = await create('Volga Honey');
  dup = await create('Volga Honey Trading');
  contacts = {
    keptAnna: await insertContact(keep, 'Anna Orlova', 'anna@volga-honey.example'),
    dupAnna: await insertContact(dup, 'Anna Orlova', 'anna@volga-honey.example'),
    boris: await insertContact(keep, 'Boris Lebedev', 'boris@volga-honey.example'),
    borisAgain: await insertContact(keep, 'Boris Lebedev', 'b.lebedev@volga-honey.example'),
  };
  const [author] = await server.sql<{ id: string }>(`select id from "user" where email = 'manager@mosprom.demo'`);
  const [meeting] = await server.sql<{ id: string }>(
    `insert into interaction (id, agency_id, kind, occurred_at, subject, normalized_subject, exporter_id, author_id)
     values (gen_random_uuid(), ?, 'CALL', now(), 'Honey samples', 'honey samples', ?, ?) returning id`,
    [agencyId, dup, author.id],
  );
  for (const contact of [contacts.dupAnna, contacts.borisAgain]) {
    await server.sql('insert into interaction_contact (interaction_id, contact_id) values (?, ?)', [
      meeting.id,
      contact,
    ]);
  }
});
afterAll(() => server?.close());

describe('every statement of a merge binds the viewer agency', () => {
  it('duplicate candidates, companies and contacts', async () => {
    const pairs = (kind: string) =>
      `{ duplicateCandidates(kind: ${kind}, first: 50) { totalCount
        nodes { id score reasons companies { id name } contacts { id fullName } } } }`;
    const companies = await boundRequest('companies', pairs('COMPANY'));
    expect(companies.duplicateCandidates.nodes.map((node: ResponseNode) => node.id)).toContain(
      [keep, dup].sort().join(':'),
    );
    const people = await boundRequest('contacts', pairs('CONTACT'));
    expect(people.duplicateCandidates.nodes.map((node: ResponseNode) => node.id)).toContain(
      [contacts.keptAnna, contacts.dupAnna].sort().join(':'),
    );
  });

  it('previewing and merging companies', async () => {
    const input = { keepId: keep, mergeIds: [dup] };
    const preview = await boundRequest(
      'mergeCompaniesPreview',
      `query($input: MergeCompaniesInput!) { mergeCompaniesPreview(input: $input) {
        moves { relation count } conflicts { kind label } ${ERRORS} } }`,
      { input },
    );
    expect(preview.mergeCompaniesPreview.userErrors).toEqual([]);
    expect(preview.mergeCompaniesPreview.conflicts).toContainEqual({
      kind: 'SAME_EMAIL',
      label: 'anna@volga-honey.example',
    });
    const merged = await boundRequest(
      'mergeCompanies',
      `mutation($input: MergeCompaniesInput!) { mergeCompanies(input: $input) {
        company { id contacts(first: 10) { totalCount } } ${ERRORS} } }`,
      { input },
    );
    expect(merged.mergeCompanies.userErrors).toEqual([]);
    // Anna is one contact now; Boris twice until his records are merged below.
    expect(merged.mergeCompanies.company.contacts.totalCount).toBe(3);
  });

  it('previewing and merging contacts', async () => {
    const input = { keepId: contacts.boris, mergeIds: [contacts.borisAgain] };
    const preview = await boundRequest(
      'mergeContactsPreview',
      `query($input: MergeContactsInput!) { mergeContactsPreview(input: $input) { moves { relation count } ${ERRORS} } }`,
      { input },
    );
    expect(preview.mergeContactsPreview).toEqual({ moves: [{ relation: 'INTERACTIONS', count: 1 }], userErrors: [] });
    const merged = await boundRequest(
      'mergeContacts',
      `mutation($input: MergeContactsInput!) { mergeContacts(input: $input) { contact { id fullName } ${ERRORS} } }`,
      { input },
    );
    expect(merged.mergeContacts).toEqual({
      contact: { id: contacts.boris, fullName: 'Boris Lebedev' },
      userErrors: [],
    });
  });
});
