import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, unnamedControls } from './support/a11y';
import { launchBrowser, openSession, type Session, screenshot, signIn, USERS } from './support/browser';

// Every main screen at a laptop (1280x800) and a tablet (820x1180) size, in English, plus the
// dashboard and a company page in French and Russian: no console errors, no sideways page scroll
// at 1280 (boards and tables may scroll inside their own container), every control named.

const CASABLANCA = 'Mission commerciale Mosprom à Casablanca';
const MISSION_TABS = ['delegation', 'agenda', 'meetings', 'deals', 'tasks', 'outcome'] as const;

interface Ids {
  mission: string;
  company: string;
  deal: string;
}

let browser: Browser;
let ids: Ids;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Waits for the page's first heading and for its data: no spinner, nothing busy. */
async function settle(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // Readiness only (not a selector a user would use): spinners and busy regions are gone.
  await page.waitForFunction(
    () => document.querySelector('.ui-spinner') === null && document.querySelector('[aria-busy="true"]') === null,
    undefined,
    { timeout: 15_000 },
  );
}

/** The checks every screen passes; returns what went wrong, to be reported per screen. */
async function checkScreen(session: Session, name: string, width: number, errorsBefore: number): Promise<string[]> {
  const { page } = session;
  const problems: string[] = [];
  const errors = session.errors.slice(errorsBefore);
  if (errors.length > 0) problems.push(`console errors: ${errors.join(' | ')}`);
  if (width >= 1280) {
    const { overflow, culprits } = await horizontalOverflow(page);
    if (overflow > 0) problems.push(`the page scrolls sideways by ${overflow}px: ${culprits.join('; ')}`);
  }
  const unnamed = await unnamedControls(page);
  if (unnamed.length > 0) problems.push(`controls without an accessible name: ${unnamed.join(' ;; ')}`);
  await screenshot(page, name);
  return problems;
}

/** Finds the demo records the screens show, through the UI. */
async function discoverIds(page: Page): Promise<Ids> {
  await page.goto('/missions');
  await page.getByRole('link', { name: CASABLANCA, exact: true }).click();
  await page.waitForURL(/\/missions\/[^/?]+/);
  const mission = new URL(page.url()).pathname.split('/')[2] ?? '';

  await page.goto('/companies');
  await page.getByLabel('Search companies').fill('Fish World');
  await page.getByRole('link', { name: 'Fish World', exact: true }).click();
  await page.waitForURL(/\/companies\/[^/?]+/);
  const company = new URL(page.url()).pathname.split('/')[2] ?? '';

  await page.goto('/pipeline');
  const negotiation = page.getByRole('region', { name: 'Переговоры', exact: true });
  await negotiation.getByRole('article').first().getByRole('button').first().click();
  await page.waitForURL((url) => url.searchParams.has('deal'));
  const deal = new URL(page.url()).searchParams.get('deal') ?? '';
  expect(mission && company && deal).toBeTruthy();
  return { mission, company, deal };
}

interface Screen {
  name: string;
  path: (ids: Ids) => string;
  /** What shows once the screen is there, beyond its heading. */
  ready?: (page: Page) => Promise<void>;
}

const SCREENS: Screen[] = [
  {
    name: 'dashboard',
    path: () => '/',
    ready: async (page) => {
      await page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening)/ }).waitFor();
      await page.getByText(/^Won in H[12] \d{4}$/).waitFor();
    },
  },
  {
    name: 'missions',
    path: () => '/missions',
    ready: async (page) => {
      await page.getByRole('heading', { level: 1, name: 'Missions' }).waitFor();
      await page.getByRole('link', { name: CASABLANCA, exact: true }).waitFor();
    },
  },
  ...MISSION_TABS.map<Screen>((tab) => ({
    name: `mission-${tab}`,
    path: (ids) => `/missions/${ids.mission}?tab=${tab}`,
    ready: async (page) => {
      await page.getByRole('heading', { level: 1, name: CASABLANCA }).waitFor();
      await page
        .getByRole('tab', { selected: true })
        .and(page.locator(`#mission-tab-${tab}`))
        .waitFor();
    },
  })),
  {
    name: 'companies',
    path: () => '/companies',
    ready: async (page) => {
      await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
      await page.getByRole('link', { name: 'Fish World', exact: true }).waitFor();
    },
  },
  {
    name: 'company',
    path: (ids) => `/companies/${ids.company}`,
    ready: (page) => page.getByRole('heading', { level: 1, name: 'Fish World' }).waitFor(),
  },
  {
    name: 'contacts',
    path: () => '/contacts',
    ready: (page) => page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor(),
  },
  {
    name: 'pipeline',
    path: () => '/pipeline',
    ready: (page) => page.getByRole('region', { name: 'Контракт подписан', exact: true }).waitFor(),
  },
  {
    name: 'deal-drawer',
    path: (ids) => `/pipeline?deal=${ids.deal}`,
    ready: (page) => page.getByRole('dialog').getByRole('heading', { name: 'Stage history' }).waitFor(),
  },
  {
    name: 'duplicates',
    path: () => '/duplicates',
    ready: async (page) => {
      await page.getByRole('heading', { level: 1, name: 'Duplicates' }).waitFor();
      await page.getByRole('tab', { name: 'Companies', selected: true }).waitFor();
    },
  },
  {
    name: 'admin-users',
    path: () => '/admin/users',
    ready: (page) => page.getByRole('table', { name: 'Users' }).waitFor(),
  },
  {
    name: 'admin-pipelines',
    path: () => '/admin/pipelines',
    ready: (page) => page.getByRole('heading', { level: 1, name: 'Pipelines' }).waitFor(),
  },
  {
    name: 'exchange-rates',
    path: () => '/admin/exchange-rates',
    ready: (page) => page.getByRole('heading', { level: 1, name: 'Exchange rates' }).waitFor(),
  },
  {
    name: 'audit-log',
    path: () => '/audit',
    ready: (page) => page.getByRole('table', { name: 'Audit log' }).waitFor(),
  },
  {
    name: 'api-access',
    path: () => '/api-access',
    ready: (page) => page.getByRole('heading', { level: 1, name: 'API access' }).waitFor(),
  },
];

const PUBLIC_SCREENS: Screen[] = [
  { name: 'sign-in', path: () => '/sign-in', ready: (page) => page.getByLabel('E-mail address').waitFor() },
  {
    name: 'invitation-invalid',
    path: () => '/invitation/not-a-valid-token',
    ready: (page) => page.getByRole('heading', { level: 1, name: 'This link is not valid' }).waitFor(),
  },
];

/**
 * Opens a screen inside the running app, as its links do (history API, no page reload): the
 * router follows popstate. A first visit, or a page outside the app, loads it from the server.
 */
async function open(page: Page, path: string): Promise<void> {
  const inApp = await page
    .getByRole('navigation', { name: /./ })
    .first()
    .isVisible()
    .catch(() => false);
  if (!inApp) {
    await page.goto(path);
    return;
  }
  await page.evaluate((target) => {
    window.history.pushState(null, '', target);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, path);
  await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
}

async function visit(session: Session, screen: Screen): Promise<void> {
  await open(session.page, screen.path(ids));
  await screen.ready?.(session.page);
  await settle(session.page);
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 820, height: 1180 },
]) {
  describe(`screens at ${size.width}x${size.height}, in English`, () => {
    let session: Session;
    beforeAll(async () => {
      session = await openSession(browser, size);
      await signIn(session.page, USERS.admin);
      ids ??= await discoverIds(session.page);
    });
    afterAll(async () => {
      await session?.context.close();
    });

    for (const screen of SCREENS) {
      it(screen.name, async () => {
        const before = session.errors.length;
        await visit(session, screen);
        expect(await checkScreen(session, `${screen.name}-${size.width}`, size.width, before)).toEqual([]);
      });
    }

    it('public pages: sign-in and an invalid invitation link', async () => {
      const visitor = await openSession(browser, size);
      try {
        const problems: string[] = [];
        await visitor.page.goto('/sign-in');
        await visitor.page.evaluate(() => localStorage.setItem('crm.language', 'en'));
        for (const screen of PUBLIC_SCREENS) {
          const before = visitor.errors.length;
          await visit(visitor, screen);
          for (const problem of await checkScreen(visitor, `${screen.name}-${size.width}`, size.width, before))
            problems.push(`${screen.name}: ${problem}`);
        }
        expect(problems).toEqual([]);

        // The name check can fail: a bare icon button is caught.
        await visitor.page.evaluate(() => {
          const button = document.createElement('button');
          button.innerHTML = '<svg aria-hidden="true" width="16" height="16"></svg>';
          document.body.append(button);
        });
        expect(await unnamedControls(visitor.page)).toEqual([expect.stringMatching(/^button: <button>/)]);
      } finally {
        await visitor.context.close();
      }
    });
  });
}

describe('the dashboard and a company page in French and Russian, at 1280x800', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession(browser);
    await signIn(session.page, USERS.manager);
    ids ??= await discoverIds(session.page);
  });
  afterAll(async () => {
    await session?.context.close();
  });

  const LANGUAGES = [
    { lang: 'fr', won: /^Gagné en S[12] \d{4}$/, nav: ['Tableau de bord', 'Entreprises'] },
    { lang: 'ru', won: /^Выиграно: [12] п\/г \d{4}$/, nav: ['Сводка', 'Компании'] },
  ];
  for (const { lang, won, nav } of LANGUAGES) {
    it(`in ${lang}`, async () => {
      const { page } = session;
      await page.evaluate((value) => localStorage.setItem('crm.language', value), lang);
      const problems: string[] = [];
      for (const screen of [SCREENS[0], SCREENS.find((s) => s.name === 'company')] as Screen[]) {
        const before = session.errors.length;
        await page.goto(screen.path(ids));
        await page.waitForFunction((value) => document.documentElement.lang === value, lang);
        await settle(page);
        if (screen.name === 'company') await page.getByRole('heading', { level: 1, name: 'Fish World' }).waitFor();
        else await page.getByText(won).waitFor();
        // The shell speaks the language too.
        const links = (await page.getByRole('navigation').first().getByRole('link').allInnerTexts()).map((t) =>
          t.trim(),
        );
        expect(links).toEqual(expect.arrayContaining(nav));
        for (const problem of await checkScreen(session, `${screen.name}-1280-${lang}`, 1280, before))
          problems.push(`${screen.name}: ${problem}`);
      }
      expect(problems).toEqual([]);
    });
  }
});
