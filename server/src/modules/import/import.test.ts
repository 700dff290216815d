import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import { csvText, importClient } from './import-test-support.js';

let server: TestServer;
let manager: string;
let client: ReturnType<typeof importClient>;
let medsystemsId: string;

const HEADERS = ['Raison sociale', 'Pays', 'Ville', 'Site web', 'Marques', 'Secteurs'];
const MAPPING = ['name', 'country', 'city', 'website', 'brands', 'sectors'];

async function companyCount(): Promise<number> {
  const [row] = await server.sql<{ n: number }>(
    "select count(*)::int as n from company c join agency a on a.id = c.agency_id where a.short_name = 'Mosprom'",
  );
  return row.n;
}

beforeAll(async () => {
  server = await startTestServer();
  client = importClient(server);
  manager = await server.login('manager@mosprom.demo');
  medsystemsId = await server.idOf('company', 'name', 'Medsistemy-M');
  await server.sql("update company set website = 'https://www.medsys-m.ru/about' where id = ?", [medsystemsId]);
});

afterAll(() => server?.close());

describe('importFile', () => {
  it('reads the uploaded file and proposes a mapping from its headers', async () => {
    const fileId = await client.uploadOk(
      manager,
      'exportateurs.csv',
      csvText([HEADERS, ['Épices de Fès', 'MA', 'Fès', '', '', '']]),
    );
    const response = await server.gql(
      `query($id: ID!) { importFile(id: $id, kind: COMPANIES) { fileName format encoding separator rowCount
        columns { index header field samples } fields { field label required } } }`,
      { id: fileId },
      { cookie: manager, headers: { 'accept-language': 'fr' } },
    );
    const file = response.data!.importFile;
    expect(file).toMatchObject({
      fileName: 'exportateurs.csv',
      format: 'CSV',
      encoding: 'UTF-8',
      separator: ';',
      rowCount: 1,
    });
    expect(file.columns.map((column: { field: string }) => column.field)).toEqual(MAPPING);
    expect(file.columns[0].samples).toEqual(['Épices de Fès']);
    expect(file.fields.find((field: { field: string }) => field.field === 'name')).toEqual({
      field: 'name',
      label: 'Raison sociale',
      required: true,
    });
  });
});

describe('previewImport', () => {
  it('says what each row would do, and writes nothing', async () => {
    const before = await companyCount();
    const rows = [
      HEADERS,
      ['Épices de Fès', 'MA', 'Fès', 'epices-fes.ma', 'Safran d’Or, Atlas', 'Pharmaceuticals'],
      ['Medsys M (new name)', 'RU', 'Moscow', 'http://medsys-m.ru', '', ''], // same website as Medsistemy-M
      ['Prototip 3D', 'Russie', '', '', '', ''], // same name and country (named in French)
      ['Volumetrik 3D', 'RU', '', '', '', ''], // resembles Volumetrix 3D
      ['', 'MA', '', 'not a url', '', 'Unknown sector'], // errors
      ['Épices  de  FES', 'Maroc', '', '', '', ''], // same as row 2 of the file
      ['Epices de Fez Export', 'MA', '', '', '', ''], // resembles row 2 of the file
    ];
    const fileId = await client.uploadOk(manager, 'mix.csv', csvText(rows));
    const result = await client.preview(
      manager,
      { fileId, kind: 'COMPANIES', mapping: MAPPING, decisions: [] },
      { 'accept-language': 'fr' },
    );
    expect(result.userErrors).toEqual([]);
    const byRow = client.byRow(result.preview!.rows.nodes);
    expect(byRow.get(2)).toMatchObject({ action: 'CREATE', reasons: ['Nouvel enregistrement.'] });
    expect(byRow.get(3)).toMatchObject({ action: 'UPDATE', target: { id: medsystemsId, name: 'Medsistemy-M' } });
    expect(byRow.get(3)!.reasons[0]).toBe('Même site web (medsys-m.ru) que Medsistemy-M.');
    expect(byRow.get(3)!.changes).toEqual(['Raison sociale', 'Site web']);
    expect(byRow.get(4)).toMatchObject({
      action: 'UNCHANGED',
      target: { name: 'Prototip 3D' },
      reasons: ['Même nom et même pays que Prototip 3D.', 'Identique à l’enregistrement : rien à modifier.'],
    });
    expect(byRow.get(5)).toMatchObject({ action: 'POSSIBLE_DUPLICATE' });
    expect(byRow.get(5)!.candidates[0]).toMatchObject({ name: 'Volumetrix 3D', row: null });
    expect(byRow.get(5)!.candidates[0].similarity).toBeGreaterThanOrEqual(0.5);
    expect(byRow.get(6)!.action).toBe('ERROR');
    expect(byRow.get(6)!.errors).toEqual([
      {
        column: 5,
        header: 'Secteurs',
        field: 'sectors',
        message: 'Aucun secteur de l’agence ne s’appelle « Unknown sector ».',
      },
      { column: 0, header: 'Raison sociale', field: 'name', message: 'Ce champ est obligatoire.' },
      expect.objectContaining({ column: 3, header: 'Site web', field: 'website' }),
    ]);
    expect(byRow.get(7)).toMatchObject({ action: 'SKIP', reasons: ['Même enregistrement que la ligne 2 : ignorée.'] });
    expect(byRow.get(8)).toMatchObject({ action: 'POSSIBLE_DUPLICATE' });
    expect(byRow.get(8)!.candidates).toEqual([expect.objectContaining({ id: null, row: 2, name: 'Épices de Fès' })]);
    expect(result.preview!.counts).toMatchObject({
      total: 7,
      create: 1,
      update: 1,
      unchanged: 1,
      possibleDuplicate: 2,
      error: 1,
      skip: 1,
    });
    expect(await companyCount()).toBe(before);
    const [{ n }] = await server.sql<{ n: number }>('select count(*)::int as n from import_batch');
    expect(n).toBe(0);

    // One decision for row 5, and "skip" for every other look-alike.
    const decided = await client.preview(manager, {
      fileId,
      kind: 'COMPANIES',
      mapping: MAPPING,
      decisions: [{ row: 5, action: 'CREATE' }],
      undecided: 'SKIP',
    });
    const decidedRows = client.byRow(decided.preview!.rows.nodes);
    expect(decidedRows.get(5)).toMatchObject({ action: 'CREATE', decision: 'CREATE' });
    expect(decidedRows.get(8)).toMatchObject({ action: 'SKIP', decision: 'SKIP' });
    expect(decided.preview!.counts).toMatchObject({ possibleDuplicate: 0, create: 2, skip: 2 });
  });

  it('refuses to apply while a possible duplicate has no decision, then applies the decisions', async () => {
    const rows = [HEADERS, ['Volumetrik 3D', 'RU', 'Moscow', '', '', ''], ['Prototype Trois D', 'RU', '', '', '', '']];
    const fileId = await client.uploadOk(manager, 'dups.csv', csvText(rows, ','));
    const volumetrixId = await server.idOf('company', 'name', 'Volumetrix 3D');
    const refused = await client.apply(manager, { fileId, kind: 'COMPANIES', mapping: MAPPING, decisions: [] });
    expect(refused.batch).toBeNull();
    expect(refused.userErrors[0].message).toMatch(/1 possible duplicate\(s\) need a decision/);

    const before = await companyCount();
    const applied = await client.apply(manager, {
      fileId,
      kind: 'COMPANIES',
      mapping: MAPPING,
      decisions: [{ row: 2, action: 'LINK', targetId: volumetrixId }],
    });
    expect(applied.userErrors).toEqual([]);
    expect(applied.preview!.counts).toMatchObject({ update: 1, create: 1, possibleDuplicate: 0 });
    expect(await companyCount()).toBe(before + 1);
    const [linked] = await server.sql<{ name: string; city: string }>('select name, city from company where id = ?', [
      volumetrixId,
    ]);
    expect(linked).toEqual({ name: 'Volumetrik 3D', city: 'Moscow' });
  });
});

describe('applyImport', () => {
  it('writes every accepted row in one batch: pointers, audit, counts, remembered mapping', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Liste');
    sheet.addRow(['Entreprise cliente', 'Pays', 'Colonne libre']);
    sheet.addRow(['Сибирская рыба', 'RU', 'x']);
    sheet.addRow(['Conserverie Océane', 'MA', 'y']);
    sheet.addRow(['Bad', 'ZZ', '']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const fileId = await client.uploadOk(manager, 'liste.xlsx', bytes);
    const applied = await client.apply(manager, {
      fileId,
      kind: 'COMPANIES',
      mapping: ['name', 'country', null],
      decisions: [],
    });
    expect(applied.userErrors).toEqual([]);
    expect(applied.batch).toMatchObject({
      kind: 'COMPANIES',
      fileName: 'liste.xlsx',
      fileSize: bytes.length,
      status: 'APPLIED',
      createdBy: { email: 'manager@mosprom.demo' },
      counts: expect.objectContaining({ CREATE: 2, ERROR: 1 }),
    });
    expect(applied.batch!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const created = await server.sql<{ name: string; country: string }>(
      'select name, country from company where import_batch_id = ? order by name',
      [applied.batch!.id],
    );
    expect(created).toEqual([
      { name: 'Conserverie Océane', country: 'MA' },
      { name: 'Сибирская рыба', country: 'RU' },
    ]);
    const audit = await server.sql<{ action: string }>('select action from audit_event where entity_id = ?', [
      applied.batch!.id,
    ]);
    expect(audit).toEqual([{ action: 'applyImport' }]);

    // The next file with the same odd header gets the mapping chosen this time.
    const next = await client.uploadOk(
      manager,
      'next.csv',
      csvText([
        ['ENTREPRISE CLIENTE', 'Colonne libre'],
        ['A', 'b'],
      ]),
    );
    const response = await server.gql(
      'query($id: ID!) { importFile(id: $id, kind: COMPANIES) { columns { field } } }',
      {
        id: next,
      },
      { cookie: manager },
    );
    expect(response.data!.importFile.columns).toEqual([{ field: 'name' }, { field: null }]);
  });

  it('writes nothing when the last row fails in the database', async () => {
    await server.sql("alter table company add constraint test_no_boom check (name <> 'Boom Last Row')");
    try {
      const before = await companyCount();
      const rows = [HEADERS, ['Premier Export', 'MA', '', '', '', ''], ['Boom Last Row', 'MA', '', '', '', '']];
      const fileId = await client.uploadOk(manager, 'boom.csv', csvText(rows));
      const applied = await client.apply(manager, { fileId, kind: 'COMPANIES', mapping: MAPPING, decisions: [] });
      expect(applied.batch).toBeNull();
      expect(applied.userErrors).toHaveLength(1);
      expect(await companyCount()).toBe(before);
      const batches = await server.sql('select id from import_batch where file_name = ?', ['boom.csv']);
      expect(batches).toEqual([]);
    } finally {
      await server.sql('alter table company drop constraint test_no_boom');
    }
  });
});
