import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession, type Session, screenshot, signIn, USERS } from './support/browser';

// Issue 16's done-when, as a new user tries it on the embedded default (no mail server, so the
// admin reads the mail in Outgoing mail): an account manager wins a Casablanca deal of Nex-T and
// asks the exporter to confirm; the mail is written in Russian; the contact corrects the value on
// the public page, in Russian; the drawer shows the corrected, confirmed value; the link then
// refuses a second answer.

const DEAL = 'Écrans interactifs pour salles de consultation';

let browser: Browser;
let manager: Session;
let admin: Session;
let confirmLink = '';

beforeAll(async () => {
  browser = await launchBrowser();
  manager = await openSession(browser, { width: 1600, height: 1000 });
  admin = await openSession(browser);
});
afterAll(async () => {
  await manager?.context.close();
  await admin?.context.close();
  await browser?.close();
});

async function openDeal(page: Page) {
  await page.goto('/pipeline');
  await page.getByRole('article', { name: DEAL }).getByRole('button', { name: DEAL }).first().click();
  const drawer = page.getByRole('dialog', { name: DEAL });
  await drawer.waitFor();
  return drawer;
}

describe('an exporter confirms a won deal', () => {
  it('the account manager wins the deal and asks Nex-T to confirm it', async () => {
    const page = manager.page;
    await signIn(page, USERS.manager);
    await page.goto('/pipeline');
    // Won from its card's "Move to…" list (the keyboard's way; dragging is tested in mission-to-contract).
    const card = page.getByRole('article', { name: DEAL }).first();
    await card.getByRole('combobox', { name: `Move “${DEAL}” to…` }).selectOption({ label: 'Контракт подписан' });
    await page
      .getByRole('region', { name: 'Контракт подписан', exact: true })
      .getByRole('article', { name: DEAL })
      .waitFor();
    const drawer = await openDeal(page);
    const section = drawer.getByRole('region', { name: 'Exporter confirmation' });
    await section.getByRole('button', { name: 'Ask the exporter to confirm' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ask the exporter to confirm' });
    await dialog.getByRole('combobox', { name: 'Contact' }).waitFor();
    await dialog.getByRole('button', { name: 'Send the request' }).click();
    await dialog.waitFor({ state: 'detached' });
    await section.getByText('Requested', { exact: true }).first().waitFor();
    await screenshot(page, 'confirmation-1-requested');
  });

  it('the admin finds the mail, in Russian, with its link, in Outgoing mail', async () => {
    const page = admin.page;
    await signIn(page, USERS.admin);
    await page.goto('/admin/mail');
    const open = page.getByRole('button', { name: new RegExp(`просит подтвердить контракт: ${DEAL}`) }).first();
    await open.click();
    const link = page.getByRole('link', { name: /\/confirm\// }).first();
    await link.waitFor();
    confirmLink = (await link.getAttribute('href')) ?? '';
    expect(confirmLink).toMatch(/^http:\/\/[^/]+\/confirm\/[A-Za-z0-9_-]{20,}$/);
    await screenshot(page, 'confirmation-2-outgoing-mail');
  });

  it('the contact corrects the value on the public page, in Russian, signed out', async () => {
    // A contact in Moscow: a Russian browser (the page takes the link's language anyway, web tests
    // show it; a link that no longer works has no language of its own, and is said in the browser's).
    const context = await browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    try {
      await page.goto(confirmLink);
      await page.getByRole('heading', { level: 1, name: /просит вас подтвердить сделку/ }).waitFor();
      await page.getByText(DEAL).first().waitFor();
      await page.getByRole('radio', { name: 'Сделка состоялась, но с другой суммой или датой' }).check();
      await page.getByLabel('Сумма', { exact: true }).fill('1400000');
      await page.getByRole('radio', { name: /Сильно/ }).check();
      await page.getByRole('radio', { name: 'Позже или в меньшем объёме' }).check();
      await page.getByRole('checkbox', { name: /может приводить эту сделку как пример/ }).check();
      await screenshot(page, 'confirmation-3-public-page');
      await page.getByRole('button', { name: 'Отправить ответ' }).click();
      await page.getByRole('heading', { name: /^Спасибо, / }).waitFor();

      // The same link refuses a second answer.
      await page.goto(confirmLink);
      await page.getByRole('heading', { name: 'Эта ссылка больше не работает' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('the account manager sees the corrected value, confirmed by the exporter', async () => {
    const page = manager.page;
    const drawer = await openDeal(page);
    const section = drawer.getByRole('region', { name: 'Exporter confirmation' });
    await section.getByText('Corrected', { exact: true }).first().waitFor();
    await section
      .getByText(/1,400,000\.00/)
      .first()
      .waitFor();
    await screenshot(page, 'confirmation-4-drawer-corrected');
    expect(manager.errors).toEqual([]);
  });

  it('the mission report shows the corrected value, confirmed, and that deal confirmed', async () => {
    const page = manager.page;
    await page.goto('/missions');
    await page.getByRole('link', { name: 'Mission commerciale Mosprom à Casablanca' }).first().click();
    await page.getByRole('tab', { name: 'Deals', exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(DEAL) }).first();
    await row.getByText('Corrected', { exact: true }).waitFor();
    await row.getByText(/Confirmed: MAD\s?1,400,000\.00/).waitFor();
    await page.getByRole('tab', { name: 'Outcome', exact: true }).click();
    await page
      .getByText(/\d+ of \d+ won deals? confirmed/)
      .first()
      .waitFor();
    // The switch lives in the address (?confirmed=1): click, then wait for the report to follow.
    await page.getByRole('checkbox', { name: 'Confirmed value only' }).click();
    await page.waitForURL(/[?&]confirmed=1/);
    await page.getByText('Value won, as confirmed').first().waitFor();
    await screenshot(page, 'confirmation-5-mission-report');
    expect(manager.errors).toEqual([]);
  });
});
