import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, unnamedControls } from './support/a11y';
import { launchBrowser, openSession, type Session, screenshot, signIn, USERS } from './support/browser';
import { waitUntil } from './support/ui';

// Duplicates: the demo's "Fish World" and two look-alikes created here ("FISH WORLD LLC" with a
// contact and a deal, "Фиш Ворлд" with a contact and a meeting). A manager reviews the pairs,
// picks the values kept, reads the preview and merges; the kept company shows what moved, the
// old links lead to it and the companies list shows one Fish World.

const LLC = 'FISH WORLD LLC';
const CYRILLIC = 'Фиш Ворлд';
const LLC_WEBSITE = 'https://fishworld-llc.ru';

let browser: Browser;
let session: Session;
let page: Page;
const ids = { fishWorld: '', llc: '', cyrillic: '' };

/** A GraphQL request with the signed-in manager's cookie; fails the test on errors or userErrors. */
async function gql<T = Record<string, { userErrors?: { message: string }[] } & Record<string, unknown>>>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await page.request.post('/graphql', {
    headers: { 'content-type': 'application/json' },
    data: { query, variables },
  });
  const body = await response.json();
  expect(body.errors).toBeUndefined();
  for (const payload of Object.values(body.data as Record<string, { userErrors?: unknown[] } | null>)) {
    if (payload && Array.isArray(payload.userErrors)) expect(payload.userErrors).toEqual([]);
  }
  return body.data as T;
}

async function createCompany(name: string, website?: string): Promise<string> {
  const data = await gql<{ createCompany: { company: { id: string } } }>(
    `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { company { id } userErrors { message } } }`,
    { input: { name, kind: 'EXPORTER', country: 'RU', website } },
  );
  return data.createCompany.company.id;
}

async function createContact(companyId: string, fullName: string, email: string): Promise<void> {
  await gql(
    `mutation($input: CreateContactInput!) { createContact(input: $input) { contact { id } userErrors { message } } }`,
    { input: { companyId, fullName, email } },
  );
}

/** The candidate pair showing both names, on the Duplicates page. */
function pair(a: string, b: string) {
  return page
    .getByRole('list', { name: 'Likely duplicates' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: a, exact: true }) })
    .filter({ has: page.getByRole('link', { name: b, exact: true }) });
}

async function openDuplicates(): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Duplicates' }).click();
  await page.getByRole('heading', { level: 1, name: 'Duplicates' }).waitFor();
  await page.getByRole('list', { name: 'Likely duplicates' }).waitFor();
}

/** Waits for the preview to settle (no newer preview on its way). */
async function previewSettled(dialog: ReturnType<Page['getByRole']>) {
  const preview = dialog.getByRole('region', { name: /^Preview of the merge/ });
  await waitUntil(
    () => preview.getAttribute('aria-busy'),
    (busy) => busy === 'false',
    'the preview kept updating',
  );
  return preview;
}

beforeAll(async () => {
  browser = await launchBrowser();
  session = await openSession(browser);
  page = session.page;
  await signIn(page, USERS.manager);

  const found = await gql<{ companies: { nodes: { id: string; name: string }[] } }>(
    `query { companies(first: 10, filter: { search: "Fish World" }) { nodes { id name } } }`,
  );
  ids.fishWorld = found.companies.nodes.find((node) => node.name === 'Fish World')?.id ?? '';
  expect(ids.fishWorld).not.toBe('');

  ids.llc = await createCompany(LLC, LLC_WEBSITE);
  await createContact(ids.llc, 'Oleg Rybin', 'oleg@fishworld-llc.ru');
  await gql(`mutation($input: CreateDealInput!) { createDeal(input: $input) { deal { id } userErrors { message } } }`, {
    input: { title: 'Caviar for Dubai (LLC)', exporterId: ids.llc },
  });

  ids.cyrillic = await createCompany(CYRILLIC);
  await createContact(ids.cyrillic, 'Анна Рыбина', 'anna@fishworld-llc.ru');
  await gql(
    `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { interaction { id } userErrors { message } } }`,
    {
      input: {
        exporterId: ids.cyrillic,
        kind: 'MEETING',
        subject: 'Дегустация икры',
        occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
      },
    },
  );
});

afterAll(async () => {
  await session?.context.close();
  await browser?.close();
});

describe('merging duplicate companies', () => {
  it('lists the look-alikes of Fish World with their reasons', async () => {
    await page.goto('/');
    await openDuplicates();
    const first = pair('Fish World', LLC);
    await first.waitFor();
    expect(await first.getByRole('list', { name: 'Reasons' }).textContent()).toContain('Similar names');
    expect(await first.getByText(/^Likeness: \d+%$/).count()).toBe(1);
    // The two look-alikes share an e-mail domain among their contacts.
    const lookAlikes = pair(LLC, CYRILLIC);
    expect(await lookAlikes.getByRole('list', { name: 'Reasons' }).textContent()).toContain('Same e-mail domain');

    expect(await unnamedControls(page)).toEqual([]);
    const { overflow } = await horizontalOverflow(page);
    expect(overflow).toBe(0);
    await screenshot(page, 'duplicates');
  });

  it('reviews Fish World and FISH WORLD LLC, picks the values kept, reads the preview and merges', async () => {
    await pair('Fish World', LLC)
      .getByRole('button', { name: `Review and merge Fish World and ${LLC}` })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Merge companies' });
    const kept = dialog.getByRole('radiogroup', { name: 'Record kept' });
    await kept.waitFor();
    expect(await kept.getByRole('radio', { name: 'Keep Fish World', exact: true }).isChecked()).toBe(true);

    // The name stays Fish World's; the website is the LLC's (Fish World has none).
    const names = dialog.getByRole('radiogroup', { name: 'Name' });
    expect(await names.getByRole('radio', { name: 'Fish World', exact: true }).isChecked()).toBe(true);
    await dialog
      .getByRole('radiogroup', { name: 'Website' })
      .getByRole('radio', { name: LLC_WEBSITE, exact: true })
      .check();

    const preview = await previewSettled(dialog);
    await preview.getByText('Contacts', { exact: true }).waitFor();
    const moves = await preview.locator('dl').textContent();
    expect(moves).toContain('Contacts1');
    expect(moves).toContain('Deals (as exporter)1');
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot(page, 'merge-dialog');

    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.waitForURL(`**/companies/${ids.fishWorld}`);
    await page.getByRole('heading', { level: 1, name: 'Fish World' }).waitFor();
    await page
      .getByRole('region', { name: /^Contacts/ })
      .getByText('Oleg Rybin')
      .waitFor();
    await page
      .getByRole('region', { name: /^Deals/ })
      .getByRole('link', { name: 'Caviar for Dubai (LLC)' })
      .waitFor();
    await page.getByRole('link', { name: 'fishworld-llc.ru', exact: true }).waitFor();
  });

  it('merges Фиш Ворлд into Fish World too: its contact and meeting move', async () => {
    await openDuplicates();
    const second = pair('Fish World', CYRILLIC);
    await second.waitFor();
    // The merged LLC is gone from the list.
    expect(await page.getByRole('link', { name: LLC, exact: true }).count()).toBe(0);

    await second.getByRole('button', { name: `Review and merge Fish World and ${CYRILLIC}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge companies' });
    await dialog.getByRole('radiogroup', { name: 'Record kept' }).waitFor();
    const preview = await previewSettled(dialog);
    const moves = await preview.locator('dl').textContent();
    expect(moves).toContain('Contacts1');
    expect(moves).toContain('Meetings (as exporter)1');
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();

    await page.waitForURL(`**/companies/${ids.fishWorld}`);
    await page
      .getByRole('region', { name: /^Contacts/ })
      .getByText('Анна Рыбина')
      .waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Дегустация икры').waitFor();
    await screenshot(page, 'merge-kept-company');
  });

  it('leads from the old URL to the kept company', async () => {
    await page.goto(`/companies/${ids.llc}`);
    await page.waitForURL(`**/companies/${ids.fishWorld}`);
    await page.getByRole('heading', { level: 1, name: 'Fish World' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `“${LLC}” was merged into this company` })
      .waitFor();
    await screenshot(page, 'merge-old-url');
  });

  it('shows one Fish World in the companies list', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Companies' }).click();
    await page.getByLabel('Search companies').fill('fish world');
    await page.getByRole('link', { name: 'Fish World', exact: true }).waitFor();
    const table = page.getByRole('table');
    await waitUntil(
      () => table.getByRole('link', { name: /^(Fish World|FISH WORLD LLC|Фиш Ворлд)$/ }).allTextContents(),
      (names) => names.length === 1,
      'the companies list should show Fish World once',
    );
    expect(session.errors).toEqual([]);
  });
});
