import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openSession, type Session, screenshot, signIn, USERS } from './support/browser';
import { waitUntil } from './support/ui';

// An administrator manages a colleague's account from the users screen alone; the colleague's
// browser (a second context, its own cookies) follows each change.

const suffix = Date.now();
const fullName = `Leila Bennani ${suffix}`;
const email = `leila.${suffix}@mosprom.demo`;
const password = 'casablanca-2025!';

let browser: Browser;
let admin: Session;
let user: Session;
let invitationUrl = '';

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await openSession(browser);
  user = await openSession(browser);
});
afterAll(async () => {
  await admin?.context.close();
  await user?.context.close();
  await browser?.close();
});

async function navLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.waitFor();
  return (await nav.getByRole('link').allInnerTexts()).map((text) => text.trim());
}

function userRow(page: Page) {
  return page.getByRole('table', { name: 'Users' }).getByRole('row').filter({ hasText: email });
}

describe('an administrator manages a user from the browser', () => {
  it('invites a new account manager and reads the one-time link in the dialog', async () => {
    const { page } = admin;
    await signIn(page, USERS.admin);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('table', { name: 'Users' }).getByRole('row').nth(1).waitFor();
    await screenshot(page, 'admin-1-users-table');

    await page.getByRole('button', { name: 'Invite user' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Invite a user' });
    await dialog.getByLabel('Full name').fill(fullName);
    await dialog.getByLabel('E-mail address').fill(email);
    await dialog.getByLabel('Role').selectOption({ label: 'Account manager' });
    await dialog.getByRole('button', { name: 'Create invitation' }).click();

    const created = page.getByRole('dialog', { name: 'Invitation created' });
    const link = created.getByLabel('Invitation link');
    await link.waitFor();
    invitationUrl = await link.inputValue();
    expect(invitationUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invitation\/[^/]+$/);
    await created.getByText(/shown only once and works only once/).waitFor();
    await screenshot(page, 'admin-2-invite-dialog');
    await created.getByRole('button', { name: 'Done' }).click();
    await created.waitFor({ state: 'detached' });

    // The table lists the invited user.
    await userRow(page).getByText('Invited', { exact: true }).waitFor();
    await expect(userRow(page).getByLabel(`Role of ${fullName}`).inputValue()).resolves.toBe('ACCOUNT_MANAGER');
  });

  it('the invited person sets a password and lands on the dashboard as an account manager', async () => {
    const { page } = user;
    await page.goto(invitationUrl);
    await page.evaluate(() => localStorage.setItem('crm.language', 'en'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Welcome, ${fullName}` }).waitFor();
    await page.getByText(email).waitFor();
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Confirm the password').fill(password);
    await page.getByRole('button', { name: 'Activate my account' }).click();

    await page.waitForURL((url) => url.pathname === '/');
    const links = await navLinks(page);
    expect(links).toEqual(expect.arrayContaining(['Dashboard', 'Missions', 'Companies', 'Contacts', 'Pipeline']));
    expect(links).not.toContain('Users');
    expect(links).not.toContain('Audit log');
    await page.getByRole('button', { name: /Log interaction/ }).waitFor();
    await page.getByRole('heading', { level: 1, name: /Leila/ }).waitFor();
    await screenshot(page, 'admin-3-new-user-dashboard');

    // The admin's table shows the account active.
    await admin.page.reload();
    await userRow(admin.page).getByText('Active', { exact: true }).waitFor();
  });

  it('the admin makes them an analyst; after a reload their screen changes', async () => {
    const { page } = admin;
    const role = userRow(page).getByLabel(`Role of ${fullName}`);
    const saved = page.waitForResponse(
      (response) =>
        response.url().includes('/graphql') && (response.request().postData() ?? '').includes('SetUserRole'),
    );
    await role.selectOption({ label: 'Analyst' });
    expect((await saved).ok()).toBe(true);
    await waitUntil(
      () => role.isEnabled(),
      (enabled) => enabled,
      'the role select is usable again once saved',
    );
    await expect(role.inputValue()).resolves.toBe('ANALYST');
    await expect(page.getByText('Change refused').count()).resolves.toBe(0);

    await user.page.reload();
    await user.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Audit log' })
      .waitFor();
    const links = await navLinks(user.page);
    expect(links).toContain('Audit log');
    expect(links).not.toContain('Users');
    expect(await user.page.getByRole('button', { name: /Log interaction/ }).count()).toBe(0);
  });

  it('the admin deactivates them; their next request sends them to sign in', async () => {
    const { page } = admin;
    await userRow(page)
      .getByRole('button', { name: `Deactivate ${fullName}` })
      .click();
    const confirm = page.getByRole('dialog', { name: `Deactivate ${fullName}?` });
    await confirm.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    await userRow(page).getByText('Deactivated', { exact: true }).waitFor();
    await expect(userRow(page).getByLabel(`Role of ${fullName}`).isDisabled()).resolves.toBe(true);
    await userRow(page)
      .getByRole('button', { name: `Reactivate ${fullName}` })
      .waitFor();

    // Their next request (a click in the menu, or one the open page makes by itself) is refused.
    const companies = user.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', {
      name: 'Companies',
    });
    await companies.click({ timeout: 3_000 }).catch(() => {
      // Already on its way to the sign-in page.
    });
    await user.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(user.page.url()).pathname).toBe('/sign-in');
    await expect(user.page.getByLabel('E-mail address').isVisible()).resolves.toBe(true);

    // Their old password no longer opens the workspace.
    await user.page.getByLabel('E-mail address').fill(email);
    await user.page.getByLabel('Password').fill(password);
    await user.page.getByRole('button', { name: 'Sign in' }).click();
    await user.page.getByRole('alert').first().waitFor();
    expect(new URL(user.page.url()).pathname).toBe('/sign-in');
  });

  it('the audit log lists the role change', async () => {
    const { page } = admin;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByLabel('Action').fill('setUserRole');
    const table = page.getByRole('table', { name: 'Audit log' });
    const rows = table.getByRole('row').filter({ hasText: 'setUserRole' });
    await rows.first().waitFor();
    // Only role changes are listed now, the newest first: ours.
    const bodyRows = table.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
    await waitUntil(
      () => bodyRows.allInnerTexts(),
      (texts) => texts.length > 0 && texts.every((text) => text.includes('setUserRole')),
      'the filter leaves only role changes',
    );
    const ours = rows.first();
    expect(await ours.textContent()).toMatch(/User/);
    await ours.getByText('1 field changed').click();
    const change = ours.getByRole('row').filter({ hasText: 'role' });
    await change.getByText('ACCOUNT_MANAGER').waitFor();
    await change.getByText('ANALYST').waitFor();
    await screenshot(page, 'admin-4-audit-log');

    expect(admin.errors).toEqual([]);
  });
});
