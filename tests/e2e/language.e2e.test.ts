import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, launchBrowser, openSession, USERS } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the UI language', () => {
  for (const [locale, heading, lang] of [
    ['ru-RU', 'Вход', 'ru'],
    ['fr-MA', 'Connexion', 'fr'],
    ['de-DE', 'Sign in', 'en'],
  ] as const) {
    it(`before sign-in follows the browser: ${locale} gets ${lang}`, async () => {
      const { page, context, errors } = await openSession(browser, { locale });
      await page.goto('/sign-in');
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it("once signed in is the user's own, also after a reload: Mosprom's admin reads Russian", async () => {
    const { page, context, errors } = await openSession(browser, { locale: 'fr-MA' });
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Connexion', exact: true }).waitFor();
    await page.getByLabel('Adresse e-mail').fill(USERS.admin);
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const nav = page.getByRole('navigation', { name: 'Главное меню' });
    await nav.waitFor();
    await page.reload();
    await nav.waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    expect(errors).toEqual([]);
    await context.close();
  });
});
