import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession, type Session, screenshot, signIn, USERS } from './support/browser';
import { dayFromToday, escapeRegExp, parseMoney, pickCompany, waitUntil } from './support/ui';

// The web client's done-when: a new account manager runs a mission from the browser alone,
// from creating it to the contract signed, and sees the win on the dashboard.

const suffix = Date.now();
const missionName = `Casablanca e2e ${suffix}`;
const dealTitle = `Fish World chilled fish e2e ${suffix}`;

let browser: Browser;
let session: Session;
let page: Page;
let missionUrl = '';
let heldMeetingDealLink = '';
let wonBefore: { value: number; deals: number };

beforeAll(async () => {
  browser = await launchBrowser();
  session = await openSession(browser);
  page = session.page;
});
afterAll(async () => {
  await session?.context.close();
  await browser?.close();
});

/** "Won in H2 2026": the KPI of the half-year in progress, its value and its number of contracts. */
async function readValueWon(p: Page): Promise<{ value: number; deals: number }> {
  await p.getByRole('heading', { level: 1 }).waitFor();
  const label = p.locator('dt').filter({ hasText: /^Won in H[12] \d{4}$/ });
  await label.waitFor();
  const kpi = label.locator('xpath=..');
  const value = (await kpi.locator('dd').first().textContent()) ?? '';
  const detail = (await kpi.locator('dd').nth(1).textContent()) ?? '';
  const deals = /(\d+) contracts? signed/.exec(detail);
  expect(deals, `"${detail}" says how many contracts were signed`).not.toBeNull();
  return { value: parseMoney(value), deals: Number(deals?.[1]) };
}

function lane(p: Page, exporter: string): Locator {
  return p.getByRole('tabpanel').getByRole('region', { name: exporter, exact: true });
}

/** "N deals" read out to screen readers in a column's header. */
async function columnCount(column: Locator): Promise<number> {
  const text = (await column.getByText(/^\d+ deals?$/).textContent()) ?? '';
  return Number.parseInt(text, 10);
}

describe('a new account manager runs a mission to a signed contract', () => {
  it('signs in and reads the value won this half-year', async () => {
    await signIn(page, USERS.manager);
    wonBefore = await readValueWon(page);
    expect(wonBefore.value).toBeGreaterThanOrEqual(0);
  });

  it('creates the mission and its delegation of two exporters', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Missions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Missions' }).waitFor();
    await page.getByRole('button', { name: 'New mission' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New mission' });
    await dialog.getByLabel('Name').fill(missionName);
    await dialog.getByLabel('Host country').selectOption({ label: 'Morocco' });
    await dialog.getByLabel('City').fill('Casablanca');
    await dialog.getByLabel('Starts on').fill(dayFromToday(1));
    await dialog.getByLabel('Ends on').fill(dayFromToday(2));
    await dialog.getByRole('button', { name: 'Create mission' }).click();

    await page.waitForURL(/\/missions\/[^/?]+$/);
    missionUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: missionName }).waitFor();
    await expect(dialog.count()).resolves.toBe(0);

    for (const exporter of ['Fish World', 'Nex-T LLC']) {
      await page.getByRole('button', { name: 'Add exporter' }).first().click();
      const add = page.getByRole('dialog', { name: 'Add an exporter to the delegation' });
      await pickCompany(add, 'Exporter', exporter);
      await add.getByRole('button', { name: 'Add', exact: true }).click();
      await add.waitFor({ state: 'detached' });
      await page.getByRole('tabpanel').getByRole('link', { name: exporter, exact: true }).waitFor();
    }
    const delegation = page.getByRole('table', { name: 'Exporters in the delegation' });
    // Header row + two exporters.
    await expect(delegation.getByRole('row').count()).resolves.toBe(3);
    await expect(page.getByRole('tab', { name: /Delegation/ }).textContent()).resolves.toMatch(/2/);
    await screenshot(page, 'flow-1-mission-delegation');
  });

  it('plans B2B meetings and is told of a clash at the time field, without a second meeting', async () => {
    await page.getByRole('tab', { name: 'B2B agenda' }).click();
    await page.getByRole('tab', { name: 'B2B agenda', selected: true }).waitFor();
    const fishWorld = lane(page, 'Fish World');
    await fishWorld.getByText('No meetings that day.').waitFor();

    // 10:00 for 30 minutes with Atlas Smart Solutions.
    await fishWorld.getByRole('button', { name: 'Plan a meeting for Fish World' }).click();
    let plan = page.getByRole('dialog', { name: 'Plan a B2B meeting' });
    await expect(plan.getByLabel('Exporter', { exact: true }).inputValue()).resolves.not.toBe('');
    await pickCompany(plan, 'Counterpart', 'Atlas Smart Solutions');
    await plan.getByLabel('Start time').fill('10:00');
    await expect(plan.getByLabel('Duration').inputValue()).resolves.toBe('30');
    await plan.getByRole('button', { name: 'Plan', exact: true }).click();
    await plan.waitFor({ state: 'detached' });
    const atlas = fishWorld.getByRole('article', { name: /10:00.*Atlas Smart Solutions/ });
    await atlas.waitFor();
    await fishWorld.getByText('Meetings: 1').waitFor();

    // 10:15 overlaps it: the dialog stays open and says so under the start time.
    await fishWorld.getByRole('button', { name: 'Plan a meeting for Fish World' }).click();
    plan = page.getByRole('dialog', { name: 'Plan a B2B meeting' });
    await pickCompany(plan, 'Counterpart', 'Anfa Tech Distribution');
    const startTime = plan.getByLabel('Start time');
    await startTime.fill('10:15');
    await plan.getByRole('button', { name: 'Plan', exact: true }).click();
    const clash = plan.getByText(/Slot taken|This slot is taken/);
    await clash.waitFor();
    expect(await clash.textContent()).toMatch(/Atlas Smart Solutions|overlaps another meeting/);
    // The message belongs to the time field: it describes it and marks it invalid.
    await expect(startTime.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await startTime.getAttribute('aria-describedby')) ?? '';
    const clashId = await clash.getAttribute('id');
    expect(clashId).toBeTruthy();
    expect(describedBy.split(' ')).toContain(clashId);
    await screenshot(page, 'flow-2-agenda-clash');
    await plan.getByRole('button', { name: 'Cancel' }).click();
    await plan.waitFor({ state: 'detached' });
    // Nothing was created: still one meeting for Fish World that day.
    await fishWorld.getByText('Meetings: 1').waitFor();
    await expect(fishWorld.getByRole('article').count()).resolves.toBe(1);

    // A meeting for Nex-T at the same time does not clash.
    const nexT = lane(page, 'Nex-T LLC');
    await nexT.getByRole('button', { name: 'Plan a meeting for Nex-T LLC' }).click();
    plan = page.getByRole('dialog', { name: 'Plan a B2B meeting' });
    await pickCompany(plan, 'Counterpart', 'Anfa Tech Distribution');
    await plan.getByLabel('Start time').fill('10:15');
    await plan.getByRole('button', { name: 'Plan', exact: true }).click();
    await plan.waitFor({ state: 'detached' });
    await nexT.getByRole('article', { name: /10:15.*Anfa Tech Distribution/ }).waitFor();
    await nexT.getByText('Meetings: 1').waitFor();
    await expect(page.getByText('Overlaps in the agenda').count()).resolves.toBe(0);
  });

  it('marks the Fish World meeting held with a positive outcome', async () => {
    const fishWorld = lane(page, 'Fish World');
    const atlas = fishWorld.getByRole('article', { name: /10:00.*Atlas Smart Solutions/ });
    await atlas.getByRole('button', { name: /^Mark held: Atlas Smart Solutions/ }).click();
    await atlas.getByText('Held', { exact: true }).waitFor();
    await atlas.getByRole('button', { name: /^Outcome and notes: Atlas Smart Solutions/ }).click();
    const outcome = page.getByRole('dialog', { name: 'Meeting outcome' });
    await outcome.getByLabel('Outcome').selectOption({ label: 'Positive' });
    await outcome.getByLabel('Minutes').fill('Interested in 20 t of chilled fish a month; price offer to send.');
    await outcome.getByRole('button', { name: 'Save' }).click();
    await outcome.waitFor({ state: 'detached' });
    await atlas.getByText('Positive', { exact: true }).waitFor();
    await atlas.getByText(/price offer to send/).waitFor();
    heldMeetingDealLink = (await atlas.getByRole('link', { name: 'Create deal' }).getAttribute('href')) ?? '';
    expect(heldMeetingDealLink).toMatch(/^\/pipeline\?fromInteraction=.+/);
  });

  it('opens the printable agenda of Fish World, which lists the meeting', async () => {
    const [print] = await Promise.all([
      page.context().waitForEvent('page'),
      lane(page, 'Fish World').getByRole('link', { name: 'Printable agenda of Fish World' }).click(),
    ]);
    await print.getByRole('heading', { level: 1, name: 'Fish World' }).waitFor();
    await print.getByText(missionName).waitFor();
    const table = print.getByRole('table');
    await expect(table.count()).resolves.toBe(1);
    const rows = table.getByRole('row');
    await expect(rows.count()).resolves.toBe(2);
    const row = rows.nth(1);
    expect(await row.textContent()).toMatch(/10:00[\s\S]*Atlas Smart Solutions/);
    await row.getByText('Held').waitFor();
    await expect(print.getByText('Nex-T LLC').count()).resolves.toBe(0);
    await screenshot(print, 'flow-3-print-agenda');
    await print.close();
  });

  it('logs a call from a company page with the top bar button, then with the L shortcut', async () => {
    await lane(page, 'Fish World').getByRole('link', { name: 'Fish World', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Fish World' }).waitFor();

    await page.getByRole('button', { name: /Log interaction/ }).click();
    let dialog = page.getByRole('dialog', { name: 'Log an interaction' });
    // On an exporter's page the form starts with that exporter.
    await waitUntil(
      () => dialog.getByRole('combobox', { name: 'Exporter' }).inputValue(),
      (value) => value === 'Fish World',
      'the exporter is prefilled from the page',
    );
    await dialog.getByRole('radio', { name: 'Call' }).check();
    const subject = `Call about the price offer ${suffix}`;
    await dialog.getByLabel('Subject').fill(subject);
    await dialog.getByLabel('Outcome').selectOption({ label: 'Positive' });
    await dialog.getByRole('button', { name: 'Log call' }).click();
    await dialog.getByRole('status').getByText('Call logged').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The company's timeline shows it.
    await page.getByText(subject).first().waitFor();

    // The keyboard shortcut opens the same dialog.
    await page.getByRole('heading', { level: 1, name: 'Fish World' }).click();
    await page.keyboard.press('l');
    dialog = page.getByRole('dialog', { name: 'Log an interaction' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('creates a deal from the held meeting and drags it to Contract signed', async () => {
    await page.goto(heldMeetingDealLink);
    const dialog = page.getByRole('dialog', { name: 'New deal from a meeting' });
    await dialog.getByRole('note').waitFor();
    await expect(dialog.getByRole('combobox', { name: 'Exporter' }).inputValue()).resolves.toBe('Fish World');
    await expect(dialog.getByRole('combobox', { name: 'Buyer' }).inputValue()).resolves.toBe('Atlas Smart Solutions');
    await expect(dialog.getByLabel('Source mission').locator('option:checked').textContent()).resolves.toBe(
      missionName,
    );
    await dialog.getByLabel('Title').fill(dealTitle);
    await dialog.getByLabel('Amount').fill('250000');
    await dialog.getByLabel('Currency').fill('EUR');
    await dialog.getByRole('button', { name: 'Create deal' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The new deal opens in the drawer; close it to see the board.
    const drawer = page.getByRole('dialog', { name: dealTitle });
    await drawer.waitFor();
    await drawer.getByRole('button', { name: 'Close' }).first().click();
    await drawer.waitFor({ state: 'detached' });

    // The whole board in view (7 columns of 272 px), so the drop target is on screen.
    await page.setViewportSize({ width: 2300, height: 900 });
    const lead = page.getByRole('region', { name: 'Новый лид', exact: true });
    const won = page.getByRole('region', { name: 'Контракт подписан', exact: true });
    const card = lead.getByRole('article', { name: dealTitle });
    await card.waitFor();
    const leadBefore = await columnCount(lead);
    const wonColumnBefore = await columnCount(won);
    await screenshot(page, 'flow-4-board-before');

    await dragWithMouse(page, card, won);
    // Optimistic at once, then confirmed by the server.
    await won.getByRole('article', { name: dealTitle }).waitFor();
    await waitUntil(
      () => won.getByRole('article', { name: dealTitle }).getAttribute('aria-busy'),
      (busy) => busy === null,
      'the move is confirmed by the server',
    );
    expect(await columnCount(lead)).toBe(leadBefore - 1);
    expect(await columnCount(won)).toBe(wonColumnBefore + 1);
    await expect(lead.getByRole('article', { name: dealTitle }).count()).resolves.toBe(0);
    await page
      .getByText(new RegExp(`“${escapeRegExp(dealTitle)}” moved to Контракт подписан`))
      .first()
      .waitFor();

    await page.reload();
    await won.getByRole('article', { name: dealTitle }).waitFor();
    expect(await columnCount(won)).toBe(wonColumnBefore + 1);
    expect(await columnCount(lead)).toBe(leadBefore - 1);
    await screenshot(page, 'flow-5-board-after');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('sees the win in the value won this half-year on the dashboard', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
    const after = await readValueWon(page);
    expect(after.deals).toBe(wonBefore.deals + 1);
    expect(after.value).toBeGreaterThan(wonBefore.value);
    await screenshot(page, 'flow-6-dashboard');
    expect(missionUrl).toMatch(/^\/missions\//);
    expect(session.errors).toEqual([]);
  });
});

/**
 * Drags with the mouse as a person does: press on the card, move in small steps (dnd-kit's mouse
 * sensor starts after 6 px) and drop in the target column's middle. The caller makes the window
 * wide enough for the whole board (7 columns), so that the drop target is on screen without
 * relying on auto-scroll timing.
 */
async function dragWithMouse(p: Page, card: Locator, target: Locator): Promise<void> {
  await card.scrollIntoViewIfNeeded();
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  const viewport = p.viewportSize();
  if (!from || !to || !viewport) throw new Error('The card or the target column is not on screen');
  expect(to.x + to.width, 'the target column is in view').toBeLessThanOrEqual(viewport.width);
  let x = from.x + from.width / 2;
  let y = from.y + from.height * 0.55;
  const glide = async (toX: number, toY: number, steps: number) => {
    for (let step = 1; step <= steps; step++) {
      await p.mouse.move(x + ((toX - x) * step) / steps, y + ((toY - y) * step) / steps);
    }
    x = toX;
    y = toY;
  };
  await p.mouse.move(x, y);
  await p.mouse.down();
  await glide(x + 12, y + 4, 4);
  // dnd-kit announces the pick-up to screen readers.
  await p.getByText(/^Picked up deal|is over stage/).waitFor();
  await glide(to.x + to.width / 2, to.y + Math.min(to.height / 2, 220), 20);
  await p.getByText(/is over stage Контракт подписан\.$/).waitFor();
  await p.mouse.up();
}
