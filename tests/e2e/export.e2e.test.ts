import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, launchBrowser, openSession, type Session, screenshot, signIn, USERS } from './support/browser';

// A manager filters the companies list in French and downloads it as CSV and Excel: the file
// holds the whole filtered list in the list's order, headed in French, ";" between fields.
// An analyst gets the same list with an API token, as a script would.

let browser: Browser;
let session: Session;

beforeAll(async () => {
  browser = await launchBrowser();
  session = await openSession(browser, { locale: 'fr-FR' });
  await signIn(session.page, USERS.manager);
  await session.page.evaluate(() => localStorage.setItem('crm.language', 'fr'));
});
afterAll(async () => {
  await session?.context.close();
  await browser?.close();
});

/** The exporters' ids as the companies list orders them (by name), through the API. */
async function exporterIds(page: Page): Promise<string[]> {
  const response = await page.request.post('/graphql', {
    headers: { 'content-type': 'application/json' },
    data: {
      query: `{ companies(first: 100, filter: { kinds: [EXPORTER] }, orderBy: { field: NAME, direction: ASC }) {
        totalCount nodes { id name } } }`,
    },
  });
  const body = await response.json();
  expect(body.data.companies.totalCount).toBeLessThanOrEqual(100);
  return body.data.companies.nodes.map((node: { id: string }) => node.id);
}

async function downloadFrom(
  page: Page | Locator,
  linkName: string,
  shot?: string,
): Promise<{ name: string; bytes: Buffer }> {
  const within = page as Page & Locator;
  await within.getByRole('button', { name: 'Exporter' }).click();
  if (shot) await screenshot(session.page, shot);
  const [download] = await Promise.all([
    session.page.waitForEvent('download'),
    within.getByRole('link', { name: linkName }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

describe('export', () => {
  it('downloads the filtered companies list as CSV (French, ";") and as Excel', async () => {
    const { page } = session;
    await page.goto('/companies');
    await page.getByRole('heading', { level: 1, name: 'Entreprises' }).waitFor();
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Exportateur' });
    await page.waitForURL(/kind=EXPORTER/);
    const expected = await exporterIds(page);
    expect(expected.length).toBeGreaterThan(1);

    const csv = await downloadFrom(page, 'CSV (Excel)', 'export-companies-menu');
    expect(csv.name).toMatch(/^companies-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')[0]).toBe(
      '\ufeffID;Raison sociale;Type;Pays;Ville;Site web;Marques;Secteurs;Chargé d’affaires;Notes',
    );
    const [, ...rows] = parse(text.slice(1), { delimiter: ';' }) as string[][];
    expect(rows.map((row) => row[0])).toEqual(expected);
    expect(new Set(rows.map((row) => row[2]))).toEqual(new Set(['EXPORTER']));

    const xlsx = await downloadFrom(page, 'Excel (.xlsx)');
    expect(xlsx.name).toMatch(/^companies-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Sociétés');
    expect(sheet.getRow(1).getCell(2).value).toBe('Raison sociale');
    const ids: unknown[] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) ids.push(row.getCell(1).value);
    });
    expect(ids).toEqual(expected);
    expect(session.errors).toEqual([]);
  });

  it('downloads a mission’s delegation from its panel, in the delegation’s order', async () => {
    const { page } = session;
    const response = await page.request.post('/graphql', {
      headers: { 'content-type': 'application/json' },
      data: {
        query: `{ missions(first: 50) { nodes { id participants(first: 100) { totalCount nodes { status company { id } } } } } }`,
      },
    });
    const missions = (await response.json()).data.missions.nodes as {
      id: string;
      participants: { totalCount: number; nodes: { status: string; company: { id: string } }[] };
    }[];
    const mission = missions.sort((a, b) => b.participants.totalCount - a.participants.totalCount)[0]!;
    expect(mission.participants.totalCount).toBeGreaterThan(1);
    await page.goto(`/missions/${mission.id}`);
    const panel = page.getByRole('region', { name: /^Délégation/ });
    await panel.waitFor();
    const file = await downloadFrom(panel, 'CSV (Excel)');
    expect(file.name).toMatch(/^delegation-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = parse(file.bytes.toString('utf8').slice(1), { delimiter: ';' }) as string[][];
    expect(header!.slice(0, 2)).toEqual(['ID', 'Raison sociale']);
    expect(header!.at(-2)).toBe('Participation');
    expect(rows.map((row) => [row[0], row.at(-2)])).toEqual(
      mission.participants.nodes.map((node) => [node.company.id, node.status]),
    );
    expect(session.errors).toEqual([]);
  });

  it('gives an analyst the same list with an API token, and refuses it without one', async () => {
    const baseURL = inject('baseURL');
    const login = await fetch(`${baseURL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: LoginInput!) { login(input: $input) { userErrors { message } } }',
        variables: { input: { email: USERS.analyst, password: DEMO_PASSWORD } },
      }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const created = await fetch(`${baseURL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        query: 'mutation { createApiToken(input: { name: "export script" }) { secret } }',
      }),
    });
    const secret = (await created.json()).data.createApiToken.secret as string;
    const url = `${baseURL}/export/companies.csv?lang=en&filter=${encodeURIComponent('{"kinds":["EXPORTER"]}')}`;

    const refused = await fetch(url);
    expect(refused.status).toBe(401);
    const response = await fetch(url, { headers: { authorization: `Bearer ${secret}` } });
    expect(response.status).toBe(200);
    const text = await response.text();
    const [header, ...rows] = parse(text.replace(/^\ufeff/, ''), { delimiter: ',' }) as string[][];
    expect(header!.slice(0, 3)).toEqual(['ID', 'Company', 'Type']);
    expect(rows.map((row) => row[0])).toEqual(await exporterIds(session.page));
  });
});
