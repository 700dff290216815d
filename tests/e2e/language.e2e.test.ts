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
    // From the reload on, note every navigation's name as it appears: none may be French first.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seenTexts: string[] }).seenTexts = seen;
      new MutationObserver(() => {
        for (const element of document.querySelectorAll('nav[aria-label]')) {
          const text = element.getAttribute('aria-label') ?? '';
          if (!seen.includes(text)) seen.push(text);
        }
      }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    });
    await page.reload();
    await nav.waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    const seen = await page.evaluate(() => (window as unknown as { seenTexts: string[] }).seenTexts);
    expect(seen).toContain('Главное меню');
    expect(seen).not.toContain('Navigation principale');
    expect(errors).toEqual([]);
    await context.close();
  });
});
