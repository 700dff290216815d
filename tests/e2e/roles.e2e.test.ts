import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession, screenshot, signIn, USERS } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function navLinks(page: import('playwright-core').Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  return (await nav.getByRole('link').allInnerTexts()).map((text) => text.trim());
}

describe('signing in as each role', () => {
  it('an account manager gets the CRM, without administration or the audit log', async () => {
    const { page, context, errors } = await openSession(browser);
    await signIn(page, USERS.manager);
    const links = await navLinks(page);
    expect(links).toEqual(expect.arrayContaining(['Dashboard', 'Missions', 'Companies', 'Contacts', 'Pipeline']));
    expect(links).not.toContain('Users');
    expect(links).not.toContain('Audit log');
    await expect(page.getByRole('button', { name: /Log interaction/ }).count()).resolves.toBe(1);
    await screenshot(page, 'dashboard-manager');
    // The server refuses the admin screen anyway; the client says so instead of failing.
    await page.goto('/admin/users');
    await page.getByText('You are not allowed to see this page.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an admin sees administration', async () => {
    const { page, context, errors } = await openSession(browser);
    await signIn(page, USERS.admin);
    expect(await navLinks(page)).toEqual(expect.arrayContaining(['Users', 'Pipelines', 'Exchange rates', 'Audit log']));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an analyst reads, with the audit log and API access, and cannot log interactions', async () => {
    const { page, context, errors } = await openSession(browser);
    await signIn(page, USERS.analyst);
    const links = await navLinks(page);
    expect(links).toEqual(expect.arrayContaining(['Dashboard', 'Audit log', 'API access']));
    expect(links).not.toContain('Users');
    expect(await page.getByRole('button', { name: /Log interaction/ }).count()).toBe(0);
    await screenshot(page, 'dashboard-analyst');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a visitor is sent to sign in and brought back to the page they asked for', async () => {
    const { page, context, errors } = await openSession(browser);
    await page.goto('/companies?view=all');
    await page.getByRole('heading', { name: /Sign in|Connexion/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/companies?view=all');
    await page.evaluate(() => localStorage.setItem('crm.language', 'en'));
    await page.reload();
    await page.getByLabel('E-mail address').fill(USERS.manager);
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/companies');
    expect(new URL(page.url()).search).toBe('?view=all');
    expect(errors).toEqual([]);
    await context.close();
  });
});
