import 'reflect-metadata';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createApp } from '../../http/app.js';
import { createLogger } from '../../log/logger.js';
import { COMPANY_COLUMNS, CONTACT_COLUMNS, DELEGATION_COLUMNS } from '../../shared/tabular/columns.js';
import { LIST_SEPARATOR } from '../../shared/tabular/values.js';
import { type ResponseNode, startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let manager: string;
let analyst: string;
let asmex: string;

beforeAll(async () => {
  server = await startTestServer();
  [manager, analyst, asmex] = await Promise.all([
    server.login('manager@mosprom.demo'),
    server.login('analyst@mosprom.demo'),
    server.login('admin@asmex.demo'),
  ]);
});
afterAll(() => server?.close());

interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
}

async function download(
  path: string,
  params: Record<string, unknown> = {},
  auth: { cookie?: string; token?: string; language?: string } = {},
): Promise<Download> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value != null) query.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const response = await fetch(`${server.url}${path}?${query}`, {
    headers: {
      ...(auth.cookie ? { cookie: auth.cookie } : {}),
      ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
      ...(auth.language ? { 'accept-language': auth.language } : {}),
    },
  });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** The CSV's records, header first; checks the BOM Excel needs. */
function csvRows(file: Download, delimiter: ',' | ';'): string[][] {
  expect(file.status).toBe(200);
  expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const text = file.body.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parse(text.slice(1), { delimiter, relax_column_count: false }) as string[][];
}

async function sheetOf(file: Download): Promise<ExcelJS.Worksheet> {
  expect(file.status).toBe(200);
  expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

async function gqlIds(query: string, variables: Record<string, unknown>, pick: (data: ResponseNode) => ResponseNode[]) {
  const response = await server.gql(query, variables, { cookie: manager });
  expect(response.errors).toBeUndefined();
  return pick(response.data!).map((node) => node.id as string);
}

const COMPANIES = `query($filter: CompanyFilter, $orderBy: CompanyOrder) {
  companies(first: 100, filter: $filter, orderBy: $orderBy) { totalCount nodes { id } } }`;

describe('authentication and requests', () => {
  it('refuses an anonymous request and an unknown token with 401, in JSON', async () => {
    const anonymous = await download('/export/companies.csv');
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.body.toString()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const badToken = await download('/export/companies.csv', {}, { token: 'crm_nope' });
    expect(badToken.status).toBe(401);
  });

  it('answers 404 for an unknown list or format', async () => {
    expect((await download('/export/secrets.csv', {}, { cookie: manager })).status).toBe(404);
    expect((await download('/export/companies.pdf', {}, { cookie: manager })).status).toBe(404);
  });

  it('refuses a bad filter or order with 400 and a message in the caller’s language', async () => {
    const badEnum = await download(
      '/export/companies.csv',
      { filter: { kinds: ['PIRATE'] } },
      { cookie: manager, language: 'fr' },
    );
    expect(badEnum.status).toBe(400);
    const error = JSON.parse(badEnum.body.toString()).errors[0];
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^Le paramètre filter n’est pas valable pour cette liste : .*PIRATE/);

    const badJson = await download('/export/companies.csv', { filter: '{kinds:' }, { cookie: manager });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body.toString()).errors[0].message).toBe('The filter parameter is not valid JSON.');

    const badOrder = await download(
      '/export/deals.xlsx',
      { orderBy: { field: 'PASSWORD' }, lang: 'ru' },
      { cookie: manager },
    );
    expect(badOrder.status).toBe(400);
    expect(JSON.parse(badOrder.body.toString()).errors[0].message).toMatch(/^Параметр orderBy/);

    // A malformed id matches nothing, as in the list itself; an overlong text is refused.
    const badId = await download('/export/deals.csv', { filter: { ownerIds: ['nope'] } }, { cookie: manager });
    expect(badId.status).toBe(200);
    expect(badId.body.toString().trim().split('\n')).toHaveLength(1);
    const longText = await download(
      '/export/deals.csv',
      { filter: { titleContains: 'x'.repeat(201) } },
      { cookie: manager, language: 'fr' },
    );
    expect(longText.status).toBe(400);
    expect(JSON.parse(longText.body.toString()).errors[0].message).toContain(
      'Le filtre titleContains compte au plus 200 caractères.',
    );

    const noMission = await download('/export/delegation.csv', {}, { cookie: manager });
    expect(noMission.status).toBe(400);
    const unknownMission = await download(
      '/export/agenda.csv',
      { missionId: '00000000-0000-7000-8000-000000000000' },
      { cookie: manager },
    );
    expect(unknownMission.status).toBe(404);
  });
});

describe('companies', () => {
  it('CSV in French: the list’s filter and order, French headers, ";" and values the importer reads back', async () => {
    const sectors = await server.sql<{ id: string; code: string }>(
      `select s.id, s.code from sector s join agency a on a.id = s.agency_id where a.short_name = 'Mosprom'
       order by s.code desc limit 2`,
    );
    const [managerRow] = await server.sql<{ id: string; email: string }>(
      `select id, email from "user" where email = 'manager@mosprom.demo'`,
    );
    const created = await server.gql(
      `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { company { id } userErrors { message } } }`,
      {
        input: {
          name: 'Ölfabrik « Zéphyr »; Nord',
          kind: 'EXPORTER',
          country: 'DE',
          city: 'Köln',
          website: 'https://zephyr.example',
          brands: ['Zéphyr, Classic', 'Nordlicht'],
          sectorIds: sectors.map((sector) => sector.id),
          accountManagerId: managerRow!.id,
          notes: 'Line one\nline "two"',
        },
      },
      { cookie: manager },
    );
    expect(created.data!.createCompany.userErrors).toEqual([]);
    const companyId = created.data!.createCompany.company.id as string;

    const filter = { kinds: ['EXPORTER'] };
    const orderBy = { field: 'NAME', direction: 'DESC' };
    const expected = await gqlIds(COMPANIES, { filter, orderBy }, (data) => data.companies.nodes);
    expect(expected.length).toBeGreaterThan(2);
    expect(expected).toContain(companyId);

    const file = await download(
      '/export/companies.csv',
      { filter, orderBy },
      { cookie: manager, language: 'fr-FR,fr;q=0.9' },
    );
    expect(file.headers.get('content-disposition')).toMatch(
      /^attachment; filename="companies-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, ...rows] = csvRows(file, ';');
    expect(header).toEqual(COMPANY_COLUMNS.map((column) => column.label.fr));
    expect(rows.map((row) => row[0])).toEqual(expected);

    const row = Object.fromEntries(
      COMPANY_COLUMNS.map((column, i) => [column.field, rows.find((candidate) => candidate[0] === companyId)![i]]),
    );
    expect(row).toEqual({
      id: companyId,
      name: 'Ölfabrik « Zéphyr »; Nord',
      kind: 'EXPORTER',
      country: 'DE',
      city: 'Köln',
      website: 'https://zephyr.example',
      brands: `Zéphyr, Classic${LIST_SEPARATOR}Nordlicht`,
      sectors: sectors
        .map((sector) => sector.code)
        .sort()
        .join(LIST_SEPARATOR),
      accountManager: 'manager@mosprom.demo',
      notes: 'Line one\nline "two"',
    });
  });

  it('XLSX in English: typed sheet, bold frozen header, newest first', async () => {
    const orderBy = { field: 'CREATED_AT', direction: 'DESC' };
    const expected = await gqlIds(COMPANIES, { orderBy }, (data) => data.companies.nodes);
    const file = await download('/export/companies.xlsx', { orderBy, lang: 'en' }, { cookie: manager, language: 'fr' });
    const sheet = await sheetOf(file);
    const [header, ...rows] = sheetRows(sheet);
    expect(header).toEqual(COMPANY_COLUMNS.map((column) => column.label.en));
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(rows.slice(0, expected.length).map((row) => row[0])).toEqual(expected);
  });

  it('the search filter of the list applies to the export', async () => {
    const [company] = await server.sql<{ name: string }>(
      `select c.name from company c join agency a on a.id = c.agency_id where a.short_name = 'Mosprom' order by c.name limit 1`,
    );
    const filter = { search: company!.name };
    const expected = await gqlIds(COMPANIES, { filter }, (data) => data.companies.nodes);
    const [, ...rows] = csvRows(
      await download('/export/companies.csv', { filter, lang: 'en' }, { cookie: manager }),
      ',',
    );
    expect(rows.map((row) => row[0])).toEqual(expected);
  });
});

describe('contacts', () => {
  it('CSV in English: "," between fields, the shared vocabulary, the list order', async () => {
    const CONTACTS = `query($orderBy: ContactOrder) { contacts(first: 100, orderBy: $orderBy) { totalCount nodes { id fullName email languages company { name } } } }`;
    const orderBy = { field: 'FULL_NAME', direction: 'ASC' };
    const response = await server.gql(CONTACTS, { orderBy }, { cookie: manager });
    const nodes = response.data!.contacts.nodes as ResponseNode[];
    const [header, ...rows] = csvRows(
      await download('/export/contacts.csv', { orderBy, lang: 'en' }, { cookie: manager }),
      ',',
    );
    expect(header).toEqual(CONTACT_COLUMNS.map((column) => column.label.en));
    expect(rows.slice(0, nodes.length).map((row) => row[0])).toEqual(nodes.map((node) => node.id));
    const field = (name: string) => CONTACT_COLUMNS.findIndex((column) => column.field === name);
    for (const [i, node] of nodes.entries()) {
      expect(rows[i]![field('fullName')]).toBe(node.fullName);
      expect(rows[i]![field('company')]).toBe(node.company.name);
      expect(rows[i]![field('email')]).toBe(node.email ?? '');
      expect(rows[i]![field('languages')]).toBe((node.languages as string[]).join(LIST_SEPARATOR));
    }
  });
});

describe('deals', () => {
  const DEALS = `query($filter: DealFilter, $orderBy: DealOrder) {
    deals(first: 100, filter: $filter, orderBy: $orderBy) { totalCount nodes { id amount { amount } expectedCloseOn } } }`;

  it('CSV in French: decimal comma and dd/mm/yyyy; XLSX: numbers and dates as typed cells', async () => {
    const orderBy = { field: 'TITLE', direction: 'ASC' };
    const filter = { amountFrom: '1' };
    const response = await server.gql(DEALS, { filter, orderBy }, { cookie: manager });
    const nodes = response.data!.deals.nodes as ResponseNode[];
    expect(nodes.length).toBeGreaterThan(0);
    const [header, ...rows] = csvRows(
      await download('/export/deals.csv', { filter, orderBy, lang: 'fr' }, { cookie: manager }),
      ';',
    );
    expect(header).toContain('Montant');
    expect(header).toContain('Clôture prévue');
    const amount = header!.indexOf('Montant');
    const close = header!.indexOf('Clôture prévue');
    expect(rows.map((row) => row[0])).toEqual(nodes.map((node) => node.id));
    for (const [i, node] of nodes.entries()) {
      expect(rows[i]![amount]).toBe((node.amount.amount as string).replace('.', ','));
      const day = node.expectedCloseOn as string | null;
      expect(rows[i]![close]).toBe(day ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : '');
    }

    const sheet = await sheetOf(
      await download('/export/deals.xlsx', { filter, orderBy, lang: 'ru' }, { cookie: manager }),
    );
    const [ruHeader, ...cells] = sheetRows(sheet);
    const ruAmount = ruHeader!.indexOf('Сумма');
    const ruClose = ruHeader!.indexOf('Ожидаемое закрытие');
    expect(cells.map((row) => row[0])).toEqual(nodes.map((node) => node.id));
    for (const [i, node] of nodes.entries()) {
      expect(cells[i]![ruAmount]).toBe(Number(node.amount.amount));
      const day = node.expectedCloseOn as string | null;
      if (day) expect((cells[i]![ruClose] as Date).toISOString().slice(0, 10)).toBe(day);
    }
    expect(sheet.getRow(2).getCell(ruClose + 1).numFmt).toBe('dd.mm.yyyy');
  });
});

describe('interactions, delegation and agenda', () => {
  it('interactions of a company, newest first, times in the caller’s zone', async () => {
    const [exporter] = await server.sql<{ exporter_id: string }>(
      `select i.exporter_id from interaction i join agency a on a.id = i.agency_id where a.short_name = 'Mosprom'
       group by i.exporter_id order by count(*) desc limit 1`,
    );
    const filter = { exporterIds: [exporter!.exporter_id] };
    const response = await server.gql(
      `query($filter: InteractionFilter) { interactions(first: 100, filter: $filter) { nodes { id occurredAt subject } } }`,
      { filter },
      { cookie: manager },
    );
    const nodes = response.data!.interactions.nodes as ResponseNode[];
    const file = await download(
      '/export/interactions.csv',
      { filter, lang: 'en', tz: 'Asia/Tokyo' },
      { cookie: manager },
    );
    const [header, ...rows] = csvRows(file, ',');
    expect(rows.map((row) => row[0])).toEqual(nodes.map((node) => node.id));
    const when = header!.indexOf('Date');
    const tokyo = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    expect(rows[0]![when]).toBe(tokyo.format(new Date(nodes[0]!.occurredAt)));
    expect(rows[0]![header!.indexOf('Subject')]).toBe(nodes[0]!.subject);
  });

  async function busiestMission(): Promise<string> {
    const [mission] = await server.sql<{ mission_id: string }>(
      `select i.mission_id from interaction i join agency a on a.id = i.agency_id
       where a.short_name = 'Mosprom' and i.kind = 'MEETING' and i.mission_id is not null
       group by i.mission_id order by count(*) desc limit 1`,
    );
    return mission!.mission_id;
  }

  it('a mission’s delegation, in the delegation’s order, with company columns the importer reads', async () => {
    const missionId = await busiestMission();
    const response = await server.gql(
      `query($id: ID!) { mission(id: $id) { participants(first: 100) { nodes { status company { id name } } } } }`,
      { id: missionId },
      { cookie: manager },
    );
    const nodes = response.data!.mission.participants.nodes as ResponseNode[];
    expect(nodes.length).toBeGreaterThan(1);
    const [header, ...rows] = csvRows(
      await download('/export/delegation.csv', { missionId, lang: 'fr' }, { cookie: manager }),
      ';',
    );
    expect(header).toEqual(DELEGATION_COLUMNS.map((column) => column.label.fr));
    const status = DELEGATION_COLUMNS.findIndex((column) => column.field === 'participantStatus');
    expect(rows.map((row) => [row[0], row[1], row[status]])).toEqual(
      nodes.map((node) => [node.company.id, node.company.name, node.status]),
    );
  });

  it('a mission’s agenda by start time in the host country’s time, and one day of it', async () => {
    const missionId = await busiestMission();
    const meetings = await server.sql<{ id: string; day: string }>(
      `select i.id, to_char(i.starts_at at time zone ?, 'YYYY-MM-DD') as day from interaction i
       where i.mission_id = ? and i.kind = 'MEETING' and i.starts_at is not null and coalesce(i.status, '') <> 'CANCELLED'
       order by i.starts_at, i.id`,
      ['UTC', missionId],
    );
    const zone = (
      await server.gql(`query($id: ID!) { mission(id: $id) { timeZone } }`, { id: missionId }, { cookie: manager })
    ).data!.mission.timeZone as string;
    const sheet = await sheetOf(await download('/export/agenda.xlsx', { missionId, lang: 'en' }, { cookie: manager }));
    const [header, ...rows] = sheetRows(sheet);
    const idColumn = header!.indexOf('ID');
    expect(rows.map((row) => row[idColumn])).toEqual(meetings.map((meeting) => meeting.id));

    const firstDay = (
      await server.gql(
        `query($id: ID!) { interaction(id: $id) { startsAt } }`,
        { id: meetings[0]!.id },
        { cookie: manager },
      )
    ).data!.interaction.startsAt as string;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(firstDay));
    const agenda = await server.gql(
      `query($id: ID!, $day: Date!) { mission(id: $id) { agenda(day: $day) { id } } }`,
      { id: missionId, day },
      { cookie: manager },
    );
    const [dayHeader, ...dayRows] = csvRows(
      await download('/export/agenda.csv', { missionId, day, lang: 'en' }, { cookie: manager }),
      ',',
    );
    expect(dayRows.map((row) => row[dayHeader!.indexOf('ID')])).toEqual(
      (agenda.data!.mission.agenda as ResponseNode[]).map((meeting) => meeting.id),
    );
    expect((await download('/export/agenda.csv', { missionId, day: '2026-02-30' }, { cookie: manager })).status).toBe(
      400,
    );
  });
});

describe('isolation, roles and audit', () => {
  it('ASMEX exports none of Mosprom’s records, and cannot name a Mosprom mission', async () => {
    const mosprom = new Set(
      (
        await server.sql<{ id: string }>(
          `select c.id from company c join agency a on a.id = c.agency_id where a.short_name = 'Mosprom'`,
        )
      ).map((row) => row.id),
    );
    const [, ...rows] = csvRows(await download('/export/companies.csv', { lang: 'en' }, { cookie: asmex }), ',');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => mosprom.has(row[0]!))).toEqual([]);
    const [mission] = await server.sql<{ id: string }>(
      `select m.id from mission m join agency a on a.id = m.agency_id where a.short_name = 'Mosprom' limit 1`,
    );
    expect((await download('/export/delegation.csv', { missionId: mission!.id }, { cookie: asmex })).status).toBe(404);
  });

  it('an analyst downloads with an API token, and each export is audited', async () => {
    const created = await server.gql(
      `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`,
      { input: { name: 'exports' } },
      { cookie: analyst },
    );
    const token = created.data!.createApiToken.secret as string;
    const filter = { kinds: ['BUYER'] };
    const [, ...rows] = csvRows(await download('/export/companies.csv', { filter, lang: 'en' }, { token }), ',');
    expect(rows.length).toBeGreaterThan(0);
    const events = await server.sql<{ entity: string; entity_id: string; changes: Record<string, { after: unknown }> }>(
      `select e.entity, e.entity_id, e.changes from audit_event e join "user" u on u.id = e.actor_id
       where u.email = 'analyst@mosprom.demo' and e.action = 'export' order by e.at desc limit 1`,
    );
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.entity).toBe('Company');
    const [mosprom] = await server.sql<{ id: string }>(`select id from agency where short_name = 'Mosprom'`);
    expect(event.entity_id).toBe(mosprom!.id);
    expect(event.changes.list?.after).toBe('companies');
    expect(event.changes.format?.after).toBe('csv');
    expect(event.changes.filter?.after).toEqual(filter);
    expect(event.changes.rows?.after).toBe(rows.length);
    expect(event.changes.completed?.after).toBe(true);
  });
});

describe('API token budget', () => {
  it('spends a point a row of the token user’s budget, and answers 429 once it is spent', async () => {
    const [, ...all] = csvRows(await download('/export/companies.csv', { lang: 'en' }, { cookie: analyst }), ',');
    // A clock that stands still: nothing leaks back between the two downloads.
    const config = loadConfig({});
    const limits = { ...config.limits, tokenBudget: { capacity: all.length + 999, perMinute: 60 } };
    // Budgets live in the database, shared with the suite's server (whose clock runs): start empty.
    await server.sql('delete from cost_bucket');
    const app = await createApp({ ...config, production: true, limits }, server.db, createLogger({ level: 'silent' }), {
      clock: () => 0,
    });
    const url = await app.listen(0, '127.0.0.1');
    try {
      const created = await server.gql(
        `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`,
        { input: { name: 'budget' } },
        { cookie: analyst },
      );
      const authorization = `Bearer ${created.data!.createApiToken.secret as string}`;
      const first = await fetch(`${url}/export/companies.csv?lang=en`, { headers: { authorization } });
      expect(first.status).toBe(200);
      expect(parse((await first.text()).replace(/^\ufeff/, '')).length).toBe(all.length + 1);

      const second = await fetch(`${url}/export/companies.csv?lang=fr`, { headers: { authorization } });
      expect(second.status).toBe(429);
      expect(second.headers.get('retry-after')).toBe('1');
      const error = ((await second.json()) as { errors: { message: string; extensions: { code: string } }[] })
        .errors[0]!;
      expect(error.extensions.code).toBe('RATE_LIMITED');
      expect(error.message).toMatch(/^Le budget d’API .* Réessayez dans 1 s\.$/);
      // A session (the browser) has no budget.
      const browser = await fetch(`${url}/export/companies.csv`, { headers: { cookie: analyst } });
      expect(browser.status).toBe(200);
      await browser.arrayBuffer();
    } finally {
      await app.close();
    }
  });
});

describe('large lists', () => {
  it('streams 20 000 rows complete and in order, with statements per batch, not per row', async () => {
    const [agency] = await server.sql<{ id: string }>(`select id from agency where short_name = 'ASMEX'`);
    await server.sql(
      `insert into company (id, agency_id, name, normalized_name, kind, country, brands)
       select gen_random_uuid(), ?, 'Bulk ' || lpad(n::text, 5, '0'), 'bulk ' || lpad(n::text, 5, '0'), 'BUYER', 'FR', '{}'
       from generate_series(1, 20000) as n`,
      [agency!.id],
    );
    server.resetStatements();
    const filter = { nameContains: 'bulk' };
    const [, ...rows] = csvRows(
      await download('/export/companies.csv', { filter, lang: 'en' }, { cookie: asmex }),
      ',',
    );
    expect(rows).toHaveLength(20000);
    expect(rows[0]![1]).toBe('Bulk 00001');
    expect(rows[19999]![1]).toBe('Bulk 20000');
    // 20 batches of 1000: a key statement and a detail statement each, plus sign-in and audit.
    expect(server.statements.length).toBeLessThan(60);
    const sheet = await sheetOf(await download('/export/companies.xlsx', { filter, lang: 'en' }, { cookie: asmex }));
    expect(sheet.rowCount).toBe(20001);
  }, 120_000);
});
