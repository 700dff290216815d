import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unnamedControls } from './support/a11y';
import { launchBrowser, openSession, type Session, screenshot, signIn, USERS } from './support/browser';

// The command palette: Ctrl+K (or Cmd+K) anywhere, type in any script or with a typo, Enter opens
// the record.

const RUSSIAN_NAME = 'Овчинский Экспорт';

let browser: Browser;
let session: Session;

beforeAll(async () => {
  browser = await launchBrowser();
  session = await openSession(browser);
  await signIn(session.page, USERS.manager);
});
afterAll(async () => {
  await session?.context.close();
  await browser?.close();
});

/** Creates a company through the API, with the signed-in manager's cookie. */
async function createCompany(name: string): Promise<string> {
  const response = await session.page.request.post('/graphql', {
    headers: { 'content-type': 'application/json' },
    data: {
      query: `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { company { id } userErrors { message } } }`,
      variables: { input: { name, kind: 'EXPORTER', country: 'RU', city: 'Москва' } },
    },
  });
  const body = await response.json();
  expect(body.data.createCompany.userErrors).toEqual([]);
  return body.data.createCompany.company.id;
}

describe('the search palette', () => {
  it('finds "Овчинский" from "ovchin" and opens it with Enter', async () => {
    const { page } = session;
    const id = await createCompany(RUSSIAN_NAME);
    await page.goto('/missions');
    await page.getByRole('heading', { level: 1 }).waitFor();

    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    const box = dialog.getByRole('combobox', { name: 'Search companies, contacts, missions and deals' });
    await box.waitFor();
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('ovchin');
    const option = dialog.getByRole('option', { name: new RegExp(RUSSIAN_NAME) });
    await option.waitFor();
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await option.locator('mark').first().textContent()).toBe('Овчин');
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot(page, 'search-palette-ovchin');

    await page.keyboard.press('Enter');
    await page.waitForURL(`**/companies/${id}`);
    await page.getByRole('heading', { level: 1, name: RUSSIAN_NAME }).waitFor();
    expect(await dialog.count()).toBe(0);
  });

  it('forgives a typo, opens from the top bar button and closes on Escape', async () => {
    const { page } = session;
    await page.getByRole('button', { name: /^Search…/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('combobox').fill('Intermobilty');
    const option = dialog.getByRole('option', { name: /^Company Intermobility\.EVa/ });
    await option.waitFor();
    await screenshot(page, 'search-palette-typo');
    await option.click();
    await page.waitForURL(/\/companies\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: 'Intermobility.EVa' }).waitFor();

    await page.keyboard.press('Meta+K');
    await dialog.getByRole('combobox').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(session.errors).toEqual([]);
  });
});
