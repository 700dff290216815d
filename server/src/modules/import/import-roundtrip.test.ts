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
  // Values that a naive file would mangle: a brand with a comma beside another brand, notes on two
  // lines with a semicolon; and a city a spreadsheet would run as a formula.
  await server.sql(
    `update company set brands = '{"Crème, brûlée",NexTouch}', notes = E'Line one; still one\\nLine two'
     where id = (select id from company where agency_id = (select id from agency where short_name = 'Mosprom')
                 order by created_at, id limit 1)`,
  );
  await server.sql(
    `update company set city = '=HYPERLINK("http://evil.example","Moscow")'
     where id = (select id from company where agency_id = (select id from agency where short_name = 'Mosprom')
                 order by created_at desc, id limit 1)`,
  );
});

afterAll(() => server?.close());

async function exported(path: string): Promise<Buffer> {
  const response = await fetch(`${server.url}${path}`, { headers: { cookie: manager } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

async function roundTrip(
  kind: 'COMPANIES' | 'CONTACTS' | 'DELEGATION',
  path: string,
  name: string,
  missionId?: string,
) {
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
    server.sql(
      `select id, updated_at from company union all select id, updated_at from contact
       union all select id, updated_at from mission_participant order by 1`,
    );
  const before = await snapshot();
  const preview = await client.preview(manager, { fileId, kind, missionId, mapping, decisions: [] });
  expect(preview.userErrors).toEqual([]);
  const rows = preview.preview!.rows.nodes;
  expect(
    rows.filter((row) => row.action !== 'UNCHANGED').map((row) => [row.row, row.action, row.reasons, row.errors]),
  ).toEqual([]);
  expect(preview.preview!.counts).toMatchObject({ total: info.rowCount, unchanged: info.rowCount });
  const applied = await client.apply(manager, { fileId, kind, missionId, mapping, decisions: [] });
  expect(applied.userErrors).toEqual([]);
  expect(applied.batch!.counts).toMatchObject({ UNCHANGED: info.rowCount, CREATE: 0, UPDATE: 0 });
  expect(await snapshot()).toEqual(before);
  return info.rowCount as number;
}

describe('export then import', () => {
  it('writes formula-like text behind an apostrophe in CSV, so a spreadsheet shows it as text', async () => {
    const csv = (await exported('/export/companies.csv?lang=en')).toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Moscow"")"`);
    expect(csv).not.toMatch(/[,\n]=HYPERLINK/);
  });

  it('changes no company (CSV in French, ";")', async () => {
    expect(await roundTrip('COMPANIES', '/export/companies.csv?lang=fr', 'companies.csv')).toBeGreaterThan(10);
  });

  it('changes no company (XLSX in Russian)', async () => {
    expect(await roundTrip('COMPANIES', '/export/companies.xlsx?lang=ru', 'companies.xlsx')).toBeGreaterThan(10);
  });

  it('changes no contact (CSV in English)', async () => {
    expect(await roundTrip('CONTACTS', '/export/contacts.csv?lang=en', 'contacts.csv')).toBeGreaterThan(10);
  });

  it("changes no participation of a mission's delegation (CSV in French)", async () => {
    const missionId = await server.idOf('mission', 'name', 'Mission commerciale Mosprom à Casablanca');
    const rows = await roundTrip(
      'DELEGATION',
      `/export/delegation.csv?lang=fr&missionId=${missionId}`,
      'delegation.csv',
      missionId,
    );
    expect(rows).toBeGreaterThan(0);
  });
});
