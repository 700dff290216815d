import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession, type Session, screenshot, signIn, USERS } from './support/browser';

// Issue 17 in the browser: for the Casablanca 2025 mission, Fish World's suggested meetings with
// their reasons (Moroccan food distributors and retailers first), and one of them planned in one click onto its agenda.

let browser: Browser;
let session: Session;

beforeAll(async () => {
  browser = await launchBrowser();
  session = await openSession(browser, { width: 1440, height: 1000 });
});
afterAll(async () => {
  await session?.context.close();
  await browser?.close();
});

describe('meeting suggestions on the B2B agenda', () => {
  it('lists Fish World’s suggestions with reasons, and plans one in one click', async () => {
    const page = session.page;
    await signIn(page, USERS.manager);
    await page.goto('/missions');
    await page.getByRole('link', { name: 'Mission commerciale Mosprom à Casablanca' }).first().click();
    await page.getByRole('tab', { name: 'B2B agenda', exact: true }).click();
    const lane = page.getByRole('region', { name: 'Fish World', exact: true });
    await lane.getByRole('button', { name: 'Suggested meetings for Fish World' }).click();
    const first = lane
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: /^Plan the suggested meeting with / }) })
      .first();
    await first.waitFor();
    const plan = first.getByRole('button', { name: /^Plan the suggested meeting with / });
    const counterpart = ((await plan.getAttribute('aria-label')) ?? '').replace('Plan the suggested meeting with ', '');
    // First, the Moroccan food distributors and retailers it has not met, for their sector and kind.
    expect(['Dakhla Marée Distribution', 'Meknès Gourmet Import', 'Supérettes Zitoune']).toContain(counterpart);
    expect(await first.textContent()).toMatch(/Score/);
    expect(await first.textContent()).toContain('Shares Caviar and fish conserves');
    await screenshot(page, 'suggestions-1-list');
    await plan.click();
    await page
      .getByText(new RegExp(`Meeting with ${counterpart.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} planned on`))
      .first()
      .waitFor();
    // The agenda shows it, and the suggestion is no longer offered.
    await lane.getByText(counterpart, { exact: false }).first().waitFor();
    await screenshot(page, 'suggestions-2-planned');
    expect(session.errors).toEqual([]);
  });
});
