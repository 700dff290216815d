import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyBinding } from '../../test/agency-bound.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import { csvText, importClient } from './import-test-support.js';

/**
 * Issue 13, "a raw statement that forgets the agency cannot be written", for the import and the
 * export, whose writes and row reads are raw SQL: every statement an upload, a preview, an apply,
 * an undo or an export download issues that names an agency-owned table binds the viewer's agency.
 */
let server: TestServer;
let client: ReturnType<typeof importClient>;
let manager: string;
let agencyId: string;
let missionId: string;
let sectorCode: string;
let exporter: { name: string; country: string };
let contact: { email: string; company: string };

const COMPANY_MAPPING = ['name', 'country', 'city', 'sectors'];
const CONTACT_MAPPING = ['fullName', 'company', 'email', 'jobTitle'];
const DELEGATION_MAPPING = ['name', 'country', 'city', 'kind', 'participantStatus'];

/** Runs `requests`, then checks what they ran; returns the statements that name an agency-owned table. */
async function statementsOf(requests: () => Promise<void>): Promise<string[]> {
  server.resetStatements();
  await requests();
  const { owned, unbound } = agencyBinding(server, agencyId);
  expect(unbound).toEqual([]);
  return owned.map((statement) => statement.sql);
}

const running = (statements: string[], pattern: RegExp) => statements.filter((text) => pattern.test(text));

beforeAll(async () => {
  server = await startTestServer();
  client = importClient(server);
  manager = await server.login('manager@mosprom.demo');
  [{ agency_id: agencyId }] = await server.sql<{ agency_id: string }>(
    `select agency_id from "user" where email = 'manager@mosprom.demo'`,
  );
  [{ id: missionId }] = await server.sql<{ id: string }>(
    `select m.id from mission m where m.agency_id = ?
     order by (select count(*) from mission_participant p where p.mission_id = m.id) desc, m.name limit 1`,
    [agencyId],
  );
  [{ code: sectorCode }] = await server.sql<{ code: string }>(
    'select code from sector where agency_id = ? order by code limit 1',
    [agencyId],
  );
  // An exporter whose name is its own in its country, not yet in the mission's delegation.
  [exporter] = await server.sql<{ name: string; country: string }>(
    `select c.name, c.country from company c
     where c.agency_id = ? and c.kind = 'EXPORTER' and c.merged_into_id is null and c.website is null
       and not exists (select 1 from mission_participant p where p.company_id = c.id and p.mission_id = ?)
       and (select count(*) from company o where o.agency_id = c.agency_id and lower(o.name) = lower(c.name)) = 1
     order by c.name limit 1`,
    [agencyId, missionId],
  );
  [contact] = await server.sql<{ email: string; company: string }>(
    `select x.email, c.name as company from contact x join company c on c.id = x.company_id
     where x.agency_id = ? and x.email is not null and x.merged_into_id is null and c.merged_into_id is null
       and (select count(*) from company o where o.agency_id = c.agency_id and lower(o.name) = lower(c.name)) = 1
     order by x.email limit 1`,
    [agencyId],
  );
});
afterAll(() => server?.close());

describe('an import binds the viewer’s agency in every statement', () => {
  it('of companies: upload, file description, preview, apply, rejected rows, undo', async () => {
    const rows = [
      ['Raison sociale', 'Pays', 'Ville', 'Secteurs'],
      ['Kvazar Liniya Bound', 'RU', 'Kazan', sectorCode],
      [exporter.name, exporter.country, 'Nizhny Novgorod', sectorCode],
      ['', 'RU', '', ''],
    ];
    let fileId = '';
    const input = () => ({ fileId, kind: 'COMPANIES', mapping: COMPANY_MAPPING, decisions: [], undecided: 'CREATE' });
    const previewed = await statementsOf(async () => {
      fileId = await client.uploadOk(manager, 'bound.csv', csvText(rows));
      const described = await server.gql(
        'query($id: ID!) { importFile(id: $id, kind: COMPANIES) { rowCount columns { field } } }',
        { id: fileId },
        { cookie: manager },
      );
      expect(described.data!.importFile.rowCount).toBe(3);
      const preview = await client.preview(manager, input());
      expect(preview.preview!.counts).toMatchObject({ create: 1, update: 1, error: 1 });
    });
    expect(running(previewed, /insert into import_file/)).toHaveLength(1);
    expect(running(previewed, /from company c where c\.agency_id/).length).toBeGreaterThan(0);

    let batchId = '';
    const applied = await statementsOf(async () => {
      const apply = await client.apply(manager, input());
      expect(apply.userErrors).toEqual([]);
      batchId = apply.batch!.id as string;
      const rejected = await fetch(
        `${server.url}/import/files/${fileId}/rejected.csv?kind=COMPANIES&mapping=${encodeURIComponent(JSON.stringify(COMPANY_MAPPING))}`,
        { headers: { cookie: manager } },
      );
      expect(rejected.status).toBe(200);
      await rejected.arrayBuffer();
    });
    for (const write of [/insert into import_batch/, /insert into company \(/, /update company c set/]) {
      expect(running(applied, write), String(write)).toHaveLength(1);
    }

    const undone = await statementsOf(async () => {
      const undo = await client.undo(manager, batchId);
      expect(undo.userErrors).toEqual([]);
      expect(undo.batch).toMatchObject({ status: 'UNDONE' });
    });
    expect(running(undone, /delete from company where/)).toHaveLength(1);
    expect(running(undone, /update company c set/)).toHaveLength(1);
    const left = await server.sql("select id from company where name = 'Kvazar Liniya Bound'");
    expect(left).toEqual([]);
  });

  it('of contacts: apply and undo', async () => {
    const rows = [
      ['Nom', 'Société', 'Email', 'Fonction'],
      ['Arkady Boundov', contact.company, 'arkady.boundov@example.ru', 'Director'],
      ['Someone Else', contact.company, contact.email, 'Chief bound officer'],
    ];
    const fileId = await client.uploadOk(manager, 'people.csv', csvText(rows));
    const input = { fileId, kind: 'CONTACTS', mapping: CONTACT_MAPPING, decisions: [], undecided: 'CREATE' };
    let batchId = '';
    const applied = await statementsOf(async () => {
      const apply = await client.apply(manager, input);
      expect(apply.userErrors).toEqual([]);
      expect(apply.preview!.counts).toMatchObject({ create: 1, update: 1 });
      batchId = apply.batch!.id as string;
    });
    expect(running(applied, /insert into contact \(/)).toHaveLength(1);
    expect(running(applied, /update contact x set/)).toHaveLength(1);

    const undone = await statementsOf(async () => {
      expect((await client.undo(manager, batchId)).userErrors).toEqual([]);
    });
    expect(running(undone, /update contact x set/)).toHaveLength(1);
    const [restored] = await server.sql<{ job_title: string | null }>('select job_title from contact where email = ?', [
      contact.email,
    ]);
    expect(restored.job_title).not.toBe('Chief bound officer');
  });

  it('of a delegation: apply and undo', async () => {
    const rows = [
      ['Raison sociale', 'Pays', 'Ville', 'Type', 'Statut'],
      ['Zhuravl Bound Export', 'RU', 'Tula', 'Exportateur', ''],
      [exporter.name, exporter.country, '', '', ''],
    ];
    const fileId = await client.uploadOk(manager, 'delegation.csv', csvText(rows));
    const input = { fileId, kind: 'DELEGATION', missionId, mapping: DELEGATION_MAPPING, decisions: [] };
    let batchId = '';
    const applied = await statementsOf(async () => {
      const apply = await client.apply(manager, { ...input, undecided: 'CREATE' });
      expect(apply.userErrors).toEqual([]);
      expect(apply.preview!.counts).toMatchObject({ create: 1, link: 1 });
      batchId = apply.batch!.id as string;
    });
    expect(running(applied, /insert into mission_participant/)).toHaveLength(1);
    const undone = await statementsOf(async () => {
      expect((await client.undo(manager, batchId)).userErrors).toEqual([]);
    });
    expect(running(undone, /delete from mission_participant/)).toHaveLength(1);
  });
});

describe('an export binds the viewer’s agency in every statement', () => {
  const LISTS: Record<string, string> = {
    companies: '/export/companies.csv',
    contacts: '/export/contacts.csv',
    deals: '/export/deals.xlsx',
    interactions: '/export/interactions.csv',
    delegation: '/export/delegation.csv?missionId=',
  };
  for (const [list, path] of Object.entries(LISTS)) {
    it(list, async () => {
      const statements = await statementsOf(async () => {
        const response = await fetch(`${server.url}${path}${path.endsWith('=') ? missionId : ''}`, {
          headers: { cookie: manager },
        });
        expect(response.status).toBe(200);
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
      });
      // The rows' details (a raw statement per batch) and the audit event are among them.
      expect(running(statements, / in \(\?/).length, list).toBeGreaterThan(0);
      expect(running(statements, /insert into "?audit/).length, list).toBe(1);
    });
  }
});
