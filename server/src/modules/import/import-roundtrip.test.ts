import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import { importClient } from './import-test-support.js';

// Export then import of the same list changes nothing: the exported file carries each record's
// id and the headers the import knows, in each language and format.

let server: TestServer;
let manager: string;
let client: ReturnType<typeof importClient>;

beforeAll(async () => {
  server = await startTestServer();
  client = importClient(server);
  manager = await server.login('manager@mosprom.demo');
});

afterAll(() => server?.close());

async function exported(path: string): Promise<Buffer> {
  const response = await fetch(`${server.url}${path}`, { headers: { cookie: manager } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

async function roundTrip(kind: 'COMPANIES' | 'CONTACTS', path: string, name: string) {
  const fileId = await client.uploadOk(manager, name, await exported(path));
  const file = await server.gql(
    'query($id: ID!, $kind: ImportKind!) { importFile(id: $id, kind: $kind) { rowCount columns { header field } } }',
    { id: fileId, kind },
    { cookie: manager },
  );
  const info = file.data!.importFile;
  const mapping = info.columns.map((column: { field: string | null }) => column.field);
  expect(mapping).toContain('id');
  const snapshot = () =>
    server.sql('select id, updated_at from company union all select id, updated_at from contact order by 1');
  const before = await snapshot();
  const preview = await client.preview(manager, { fileId, kind, mapping, decisions: [] });
  expect(preview.userErrors).toEqual([]);
  const rows = preview.preview!.rows.nodes;
  expect(
    rows.filter((row) => row.action !== 'UNCHANGED').map((row) => [row.row, row.action, row.reasons, row.errors]),
  ).toEqual([]);
  expect(preview.preview!.counts).toMatchObject({ total: info.rowCount, unchanged: info.rowCount });
  const applied = await client.apply(manager, { fileId, kind, mapping, decisions: [] });
  expect(applied.userErrors).toEqual([]);
  expect(applied.batch!.counts).toMatchObject({ UNCHANGED: info.rowCount, CREATE: 0, UPDATE: 0 });
  expect(await snapshot()).toEqual(before);
  return info.rowCount as number;
}

describe('export then import', () => {
  it('changes no company (CSV in French, ";")', async () => {
    expect(await roundTrip('COMPANIES', '/export/companies.csv?lang=fr', 'companies.csv')).toBeGreaterThan(10);
  });

  it('changes no company (XLSX in Russian)', async () => {
    expect(await roundTrip('COMPANIES', '/export/companies.xlsx?lang=ru', 'companies.xlsx')).toBeGreaterThan(10);
  });

  it('changes no contact (CSV in English)', async () => {
    expect(await roundTrip('CONTACTS', '/export/contacts.csv?lang=en', 'contacts.csv')).toBeGreaterThan(10);
  });
});
