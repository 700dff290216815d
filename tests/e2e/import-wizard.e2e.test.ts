import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { similarity, trigrams } from '../../server/src/modules/import/similarity.js';
import { fold } from '../../server/src/shared/fold.js';
import { launchBrowser, openSession, type Session, screenshot, signIn } from './support/browser';
import { waitUntil } from './support/ui';

// ASMEX's admin imports a 120-row Excel file of exporters into the Moscow forum's delegation:
// accents and Cyrillic, four rows in error, three exporters already in the CRM under slightly
// different names. The preview shows the errors and the three possible duplicates; after fixing
// the file and deciding, the delegation holds 120 companies and no duplicate was created.

let browser: Browser;
let session: Session;
let missionId: string;

const HEADERS = ['Raison sociale', 'Pays', 'Ville', 'Site web', 'Type'];
const LOOK_ALIKES = [
  ["Conserveries de l'Atlantique Sud SARL", 'MA', 'Agadir', '', ''],
  ['Polymeres Maroc Industries', 'MA', 'Casablanca', '', ''],
  ['Soleil Atlas Energy SA', 'MA', 'Ouarzazate', '', ''],
];
const EXISTING = [
  'Conserveries Atlantique Sud',
  'Polymères du Maroc Industrie',
  'Soleil Atlas Énergie',
  'Pharma Atlas Export',
];

/** 113 exporters whose names resemble neither each other nor ASMEX's companies: accents, Cyrillic. */
function newExporters(): string[][] {
  const trades = [
    'Épices',
    'Oléicole',
    'Céramiques',
    'Dattes',
    'Textiles',
    'Cuirs',
    'Agrumes',
    'Marbres',
    'Сахар',
    'Ковры',
  ];
  const latin = ['ta', 'zi', 'mou', 'ka', 'ri', 'nè', 'bo', 'lé', 'sa', 'gou', 'fi', 'da', 'wa', 'yé', 'ha'];
  const cyrillic = ['ба', 'ри', 'то', 'ску', 'ле', 'на', 'во', 'ми', 'гу', 'зе'];
  const accepted = EXISTING.map((name) => trigrams(fold(name)));
  const rows: string[][] = [];
  for (let i = 0; rows.length < 113 && i < 5_000; i++) {
    const syllables = i % 4 === 3 ? cyrillic : latin;
    const word = [0, 1, 2]
      .map((k) => syllables[(i * (k * 7 + 3) + k * 5 + Math.floor(i / 13)) % syllables.length])
      .join('');
    const name = `${word[0].toUpperCase()}${word.slice(1)} ${trades[i % trades.length]}`;
    const grams = trigrams(fold(name));
    if (accepted.some((other) => similarity(grams, other) >= 0.45)) continue;
    accepted.push(grams);
    rows.push([name, 'MA', syllables === cyrillic ? 'Касабланка' : 'Fès', '', '']);
  }
  if (rows.length < 113) throw new Error(`Only ${rows.length} distinct names`);
  return rows;
}

/** Four rows an agency's file typically gets wrong, and the same rows fixed. */
const BROKEN = [
  ['', 'MA', 'Tanger', '', ''],
  ['Coopérative Ait Baha', 'Atlantide', '', '', ''],
  ['Huilerie Zitoun', 'MA', '', 'pas un site', ''],
  ['Agrumes Berkane Export', 'MA', '', '', 'Acheteur'],
];
const FIXED = [
  ['Conserverie Tangéroise', 'MA', 'Tanger', '', ''],
  ['Coopérative Ait Baha', 'Maroc', '', '', ''],
  ['Huilerie Zitoun', 'MA', '', 'zitoun.ma', ''],
  ['Agrumes Berkane Export', 'MA', '', '', 'Exportateur'],
];

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Exportateurs');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function gql(page: Page, query: string, variables: Record<string, unknown> = {}) {
  const response = await page.request.post('/graphql', {
    headers: { 'content-type': 'application/json' },
    data: { query, variables },
  });
  return (await response.json()).data;
}

async function delegationSize(page: Page): Promise<number> {
  const data = await gql(page, 'query($id: ID!) { mission(id: $id) { participants(first: 100) { totalCount } } }', {
    id: missionId,
  });
  return data.mission.participants.totalCount;
}

async function companyNames(page: Page): Promise<string[]> {
  const names: string[] = [];
  let after: string | null = null;
  do {
    const data = await gql(
      page,
      'query($after: String) { companies(first: 100, after: $after) { nodes { name } pageInfo { hasNextPage endCursor } } }',
      { after },
    );
    names.push(...data.companies.nodes.map((node: { name: string }) => node.name));
    after = data.companies.pageInfo.hasNextPage ? data.companies.pageInfo.endCursor : null;
  } while (after);
  return names;
}

beforeAll(async () => {
  browser = await launchBrowser();
  session = await openSession(browser, { locale: 'fr-FR' });
  await signIn(session.page, 'admin@asmex.demo');
  await session.page.evaluate(() => localStorage.setItem('crm.language', 'fr'));
  const created = await gql(
    session.page,
    'mutation($input: CreateMissionInput!) { createMission(input: $input) { mission { id } userErrors { message } } }',
    {
      input: {
        name: 'Forum d’affaires maroco-russe de Moscou 2027',
        kind: 'BUSINESS_FORUM',
        hostCountry: 'RU',
        city: 'Moscou',
      },
    },
  );
  missionId = created.createMission.mission.id;
});

afterAll(async () => {
  await session?.context.close();
  await browser?.close();
});

describe('import wizard', () => {
  it('imports 120 exporters into the Moscow forum delegation, errors fixed and look-alikes linked', async () => {
    const { page } = session;
    const exporters = newExporters();
    const companiesBefore = await companyNames(page);

    await page.goto(`/missions/${missionId}`);
    await page.getByRole('tab', { name: /Délégation/ }).click();
    await page.getByRole('link', { name: 'Importer un fichier' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importer un fichier — Délégation de la mission' }).waitFor();

    // First file: 120 rows, four of them wrong.
    const first = await xlsx([...LOOK_ALIKES, ...BROKEN, ...exporters]);
    await page.getByLabel('Fichier CSV ou Excel').setInputFiles({
      name: 'exportateurs-forum-moscou.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: first,
    });
    await page.getByText('exportateurs-forum-moscou.xlsx : 120 lignes (XLSX)').waitFor();
    for (const [header, field] of [
      ['Raison sociale', 'name'],
      ['Pays', 'country'],
      ['Ville', 'city'],
      ['Site web', 'website'],
      ['Type', 'kind'],
    ]) {
      await expect(
        page.getByRole('combobox', { name: `Champ de la colonne « ${header} »` }).inputValue(),
      ).resolves.toBe(field);
    }
    await page.getByRole('button', { name: 'Vérifier les lignes' }).click();

    const summary = page.getByRole('region', { name: 'Ce que l’import fera' });
    await summary.waitFor();
    const count = (label: string) =>
      summary.getByText(label, { exact: true }).locator('xpath=following-sibling::dd').textContent();
    await expect(count('Lignes')).resolves.toBe('120');
    await expect(count('Rejetées')).resolves.toBe('4');
    await expect(count('Doublons possibles')).resolves.toBe('3');
    await expect(count('À créer')).resolves.toBe('113');
    for (const [row, name] of [
      [2, 'Conserveries Atlantique Sud'],
      [3, 'Polymères du Maroc Industrie'],
      [4, 'Soleil Atlas Énergie'],
    ] as const) {
      const group = page.getByRole('group', { name: new RegExp(`^Décision pour la ligne ${row} :`) });
      await group.getByRole('radio', { name: `Lier à ${name}` }).waitFor();
    }
    await page.getByLabel('Afficher').selectOption({ label: 'Rejetée' });
    const rows = page.getByRole('table', { name: 'Lignes du fichier et ce que l’import en fera' });
    await rows.getByText('Raison sociale : Ce champ est obligatoire.').waitFor();
    await rows.getByText(/^Pays : /).waitFor();
    await rows.getByText(/^Site web : /).waitFor();
    await rows.getByText(/Agrumes Berkane Export n’est pas un exportateur/).waitFor();
    await screenshot(page, 'import-preview');

    // The rejected rows, with the reason, as the admin downloads them to fix.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      summary.getByRole('link', { name: 'CSV' }).click(),
    ]);
    const rejected = parse((await readFile(await download.path())).toString('utf8').replace(/^\ufeff/, ''), {
      delimiter: ',',
    }) as string[][];
    expect(rejected[0]).toEqual([...HEADERS, 'Motif du rejet']);
    expect(rejected.slice(1).map((row) => row[1])).toEqual(['MA', 'Atlantide', 'MA', 'MA']);
    await expect(delegationSize(page)).resolves.toBe(0);

    // The fixed file goes in: no error left; the three look-alikes are linked to the records.
    await page.getByRole('button', { name: 'Modifier les colonnes' }).click();
    await page.getByRole('button', { name: 'Changer de fichier' }).click();
    await page.getByLabel('Fichier CSV ou Excel').setInputFiles({
      name: 'exportateurs-forum-moscou-corrige.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsx([...LOOK_ALIKES, ...FIXED, ...exporters]),
    });
    await page.getByRole('button', { name: 'Vérifier les lignes' }).click();
    await summary.waitFor();
    await expect(count('Rejetées')).resolves.toBe('0');
    await expect(count('Doublons possibles')).resolves.toBe('3');
    const importButton = page.getByRole('button', { name: 'Importer', exact: true });
    await expect(importButton.isDisabled()).resolves.toBe(true);
    for (const [row, name] of [
      [2, 'Conserveries Atlantique Sud'],
      [3, 'Polymères du Maroc Industrie'],
      [4, 'Soleil Atlas Énergie'],
    ] as const) {
      await page
        .getByRole('group', { name: new RegExp(`^Décision pour la ligne ${row} :`) })
        .getByRole('radio', { name: `Lier à ${name}` })
        .check();
    }
    await page.getByText('3 décision(s) sur 3').waitFor();
    await importButton.click();
    await page.getByText('exportateurs-forum-moscou-corrige.xlsx a été importé.').waitFor();
    await screenshot(page, 'import-report');

    await expect(delegationSize(page)).resolves.toBe(120);
    const companiesAfter = await companyNames(page);
    expect(companiesAfter.length).toBe(companiesBefore.length + 117);
    for (const name of EXISTING.slice(0, 3)) expect(companiesAfter.filter((other) => other === name)).toHaveLength(1);
    for (const [name] of LOOK_ALIKES) expect(companiesAfter).not.toContain(name);

    await page.getByRole('link', { name: 'Voir la délégation' }).click();
    await waitUntil(
      () => page.getByRole('tab', { name: /Délégation/ }).textContent(),
      (text) => (text ?? '').includes('120'),
      'The delegation tab shows 120 exporters',
    );
    expect(session.errors).toEqual([]);
  });
});
