import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../shared/fold.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import { csvText, importClient } from './import-test-support.js';

let server: TestServer;
let asmex: string;
let manager: string;
let client: ReturnType<typeof importClient>;
let forumId: string;

const HEADERS = ['Raison sociale', 'Pays', 'Ville', 'Type', 'Statut'];
const MAPPING = ['name', 'country', 'city', 'kind', 'participantStatus'];

async function delegation(): Promise<string[]> {
  const rows = await server.sql<{ name: string }>(
    'select c.name from mission_participant p join company c on c.id = p.company_id where p.mission_id = ? order by c.name',
    [forumId],
  );
  return rows.map((row) => row.name);
}

async function asmexCompanies(): Promise<string[]> {
  const rows = await server.sql<{ name: string }>(
    "select c.name from company c join agency a on a.id = c.agency_id where a.short_name = 'ASMEX' order by c.name",
  );
  return rows.map((row) => row.name);
}

beforeAll(async () => {
  server = await startTestServer();
  client = importClient(server);
  asmex = await server.login('admin@asmex.demo');
  manager = await server.login('manager@mosprom.demo');
  const created = await server.gql(
    'mutation($input: CreateMissionInput!) { createMission(input: $input) { mission { id } userErrors { message } } }',
    { input: { name: 'Forum d’affaires à Moscou 2027', kind: 'BUSINESS_FORUM', hostCountry: 'RU', city: 'Moscow' } },
    { cookie: asmex },
  );
  forumId = created.data!.createMission.mission.id;
});

afterAll(() => server?.close());

describe('a delegation from a file', () => {
  let batchId: string;
  let before: string[];

  it('links the companies already in the CRM, creates the others, and asks about the look-alikes', async () => {
    before = await delegation();
    const rows = [
      HEADERS,
      ['Huilerie Zitoun d’Or', 'MA', 'Meknès', 'Exportateur', 'Confirmé'],
      ['ТД «Северное сияние»', 'RU', 'Москва', '', ''],
      ['Pharma Atlas Export', 'MA', 'Casablanca', '', 'inscrit'], // already in the CRM
      ["Conserveries de l'Atlantique Sud SARL", 'MA', 'Agadir', '', ''], // resembles Conserveries Atlantique Sud
      ['Polymeres Maroc Industries', 'MA', '', '', ''], // resembles Polymères du Maroc Industrie
      ['Soleil Atlas Energy', 'MA', '', '', ''], // resembles Soleil Atlas Énergie
      ['Polimer Treid Moskva', 'RU', '', '', ''], // in the CRM, but a distributor
      ['Agrumes du Souss', 'MA', '', 'Acheteur', ''], // not an exporter
      ['Dattes de Tafilalet', 'Maroc', '', '', 'peut-être'], // unknown status
    ];
    const fileId = await client.uploadOk(asmex, 'forum.csv', csvText(rows));
    const input = { fileId, kind: 'DELEGATION', missionId: forumId, mapping: MAPPING, decisions: [] as unknown[] };
    const preview = await client.preview(asmex, input, { 'accept-language': 'fr' });
    const byRow = client.byRow(preview.preview!.rows.nodes);
    expect(byRow.get(2)!.action).toBe('CREATE');
    expect(byRow.get(3)!.action).toBe('CREATE');
    expect(byRow.get(4)).toMatchObject({ action: 'LINK', target: { name: 'Pharma Atlas Export' } });
    for (const [row, name] of [
      [5, 'Conserveries Atlantique Sud'],
      [6, 'Polymères du Maroc Industrie'],
      [7, 'Soleil Atlas Énergie'],
    ] as const) {
      expect(byRow.get(row)).toMatchObject({ action: 'POSSIBLE_DUPLICATE' });
      expect(byRow.get(row)!.candidates[0]).toMatchObject({ name, country: 'MA', city: expect.any(String) });
    }
    expect(byRow.get(8)!.errors[0].message).toBe(
      'Polimer Treid Moskva n’est pas un exportateur : seuls les exportateurs font partie d’une délégation.',
    );
    expect(byRow.get(9)!.action).toBe('ERROR');
    expect(byRow.get(10)!.errors).toEqual([
      expect.objectContaining({ header: 'Statut', message: expect.stringContaining('« peut-être »') }),
    ]);

    const decisions = [5, 6, 7].map((row) => ({ row, action: 'LINK', targetId: byRow.get(row)!.candidates[0].id }));
    const companiesBefore = await asmexCompanies();
    const applied = await client.apply(asmex, { ...input, decisions });
    expect(applied.userErrors).toEqual([]);
    expect(applied.batch).toMatchObject({ kind: 'DELEGATION', mission: { id: forumId } });
    batchId = applied.batch!.id;
    expect(applied.preview!.counts).toMatchObject({ create: 2, link: 4, error: 3 });
    const after = await delegation();
    expect(after).toEqual(
      [
        ...before,
        'Huilerie Zitoun d’Or',
        'ТД «Северное сияние»',
        'Pharma Atlas Export',
        'Conserveries Atlantique Sud',
        'Polymères du Maroc Industrie',
        'Soleil Atlas Énergie',
      ].sort((a, b) => (a < b ? -1 : 1)),
    );
    // Two companies more, no look-alike created.
    const companiesAfter = await asmexCompanies();
    expect(companiesAfter).toHaveLength(companiesBefore.length + 2);
    expect(new Set(companiesAfter.map(fold)).size).toBe(companiesAfter.length);
    const statuses = await server.sql<{ status: string }>(
      "select p.status from mission_participant p join company c on c.id = p.company_id where c.name = 'Huilerie Zitoun d’Or'",
    );
    expect(statuses).toEqual([{ status: 'CONFIRMED' }]);

    // The same file again changes nothing.
    const again = await client.preview(asmex, { ...input, decisions });
    expect(again.preview!.counts).toMatchObject({ create: 0, link: 0, unchanged: 6, error: 3 });
  });

  it('is undone while untouched: created companies and participants go, linked companies stay', async () => {
    const undone = await client.undo(asmex, batchId);
    expect(undone.userErrors).toEqual([]);
    expect(undone.batch).toMatchObject({ id: batchId, status: 'UNDONE' });
    expect(await delegation()).toEqual(before);
    expect(await asmexCompanies()).not.toContain('Huilerie Zitoun d’Or');
    expect(await asmexCompanies()).toContain('Conserveries Atlantique Sud');
    const audit = await server.sql<{ action: string }>(
      'select action from audit_event where entity_id = ? order by at',
      [batchId],
    );
    expect(audit.map((event) => event.action)).toEqual(['applyImport', 'undoImport']);
    const twice = await client.undo(asmex, batchId);
    expect(twice.userErrors[0].message).toBe('This import was already undone.');
  });

  it('is refused once a record it created was changed', async () => {
    const fileId = await client.uploadOk(asmex, 'one.csv', csvText([HEADERS, ['Argan Bio Export', 'MA', '', '', '']]));
    const applied = await client.apply(asmex, {
      fileId,
      kind: 'DELEGATION',
      missionId: forumId,
      mapping: MAPPING,
      decisions: [],
    });
    const companyId = await server.idOf('company', 'name', 'Argan Bio Export', 'ASMEX');
    const update = await server.gql(
      'mutation($input: UpdateCompanyInput!) { updateCompany(input: $input) { userErrors { message } } }',
      { input: { companyId, city: 'Essaouira' } },
      { cookie: asmex },
    );
    expect(update.data!.updateCompany.userErrors).toEqual([]);
    const refused = await client.undo(asmex, applied.batch!.id, { 'accept-language': 'fr' });
    expect(refused.batch).toBeNull();
    expect(refused.userErrors[0].message).toBe(
      'Argan Bio Export a été modifié après l’import : l’import ne peut plus être annulé.',
    );
    expect(await asmexCompanies()).toContain('Argan Bio Export');
  });

  it('needs a mission of the agency', async () => {
    const fileId = await client.uploadOk(manager, 'm.csv', csvText([HEADERS, ['X Export', 'RU', '', '', '']]));
    const preview = await client.preview(manager, { fileId, kind: 'DELEGATION', missionId: forumId, mapping: MAPPING });
    expect(preview.preview!.issues).toEqual([
      { field: 'missionId', message: 'Choose the mission whose delegation the file fills.' },
    ]);
    const applied = await client.apply(manager, { fileId, kind: 'DELEGATION', missionId: forumId, mapping: MAPPING });
    expect(applied.userErrors[0].field).toEqual(['input', 'missionId']);
  });
});

describe('contacts from a file', () => {
  it('finds their company, updates the same person, and undoes the update', async () => {
    const companyId = await server.idOf('company', 'name', 'Medsistemy-M');
    const [existing] = await server.sql<{ id: string; full_name: string; email: string; job_title: string | null }>(
      'select id, full_name, email, job_title from contact where company_id = ? and email is not null order by full_name limit 1',
      [companyId],
    );
    const rows = [
      ['Nom complet', 'Société', 'E-mail', 'Fonction'],
      [existing.full_name, 'MEDSISTEMY M', existing.email.toUpperCase(), 'Directeur export'],
      ['Иван Петров', 'Medsistemy-M', 'i.petrov@medsys.ru', ''],
      ['Ivan Petrov', 'Medsistemy-M', '', ''], // the same person written in Latin letters
      ['Nobody', 'Société inconnue', '', ''],
    ];
    const fileId = await client.uploadOk(manager, 'contacts.csv', csvText(rows));
    const input = { fileId, kind: 'CONTACTS', mapping: ['fullName', 'company', 'email', 'jobTitle'], decisions: [] };
    const preview = await client.preview(manager, input);
    const byRow = client.byRow(preview.preview!.rows.nodes);
    expect(byRow.get(2)).toMatchObject({ action: 'UPDATE', target: { id: existing.id }, changes: ['Fonction'] });
    expect(byRow.get(3)!.action).toBe('CREATE');
    expect(byRow.get(4)).toMatchObject({ action: 'SKIP', reasons: ['Same record as row 3: skipped.'] });
    expect(byRow.get(5)!.errors[0].message).toBe(
      'No company called "Société inconnue" in the CRM: import the companies first.',
    );
    const applied = await client.apply(manager, input);
    expect(applied.preview!.counts).toMatchObject({ update: 1, create: 1, skip: 1, error: 1 });
    const [updated] = await server.sql<{ job_title: string }>('select job_title from contact where id = ?', [
      existing.id,
    ]);
    expect(updated.job_title).toBe('Directeur export');

    const undone = await client.undo(manager, applied.batch!.id);
    expect(undone.userErrors).toEqual([]);
    const [restored] = await server.sql<{ job_title: string | null; email: string }>(
      'select job_title, email from contact where id = ?',
      [existing.id],
    );
    expect(restored).toEqual({ job_title: existing.job_title, email: existing.email });
    expect(await server.sql("select id from contact where full_name = 'Иван Петров'")).toEqual([]);
  });
});
