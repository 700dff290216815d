import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/src/test/free-port';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../server/src/test/throwaway-postgres';
import { launchBrowser, screenshot, signIn, USERS } from './support/browser';

// Issue 15's done-when: two server processes on PostgreSQL (CRM_WORKERS=2, each new connection
// handed to the next) and two browsers; what one user does on the board reaches the other at once.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// The driver the server uses (a dependency of the server package, not of the suite).
interface PgClient {
  connect(): Promise<void>;
  query<T>(text: string): Promise<{ rows: T[] }>;
  end(): Promise<void>;
}
const pg = createRequire(`${repoRoot}/server/package.json`)('pg') as {
  Client: new (config: { connectionString: string }) => PgClient;
};
let database: ThrowawayPostgres;
let server: ChildProcess;
let baseURL: string;
let output = '';
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signedIn(email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, email);
  return page;
}

beforeAll(async () => {
  database = await startThrowawayPostgres();
  const port = await freePort();
  server = spawn(process.execPath, ['server/dist/server/src/main.js'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      CRM_WORKERS: '2',
      CRM_SEED_DEMO: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  server.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  baseURL = `http://127.0.0.1:${port}`;
  for (let i = 0; (output.match(/Export CRM serving on/g) ?? []).length < 2; i++) {
    if (i > 600) throw new Error(`The two server processes did not start:\n${output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
  const exited = new Promise((resolve) => server?.once('exit', resolve));
  server?.kill('SIGTERM');
  await exited;
  await database?.destroy();
});

describe('the live board across two server processes and two browsers', () => {
  it('shows the admin, at once, the deal the manager moved, and who moved it', async () => {
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    const {
      rows: [deal],
    } = await sql.query<{ title: string; target: string }>(
      `select d.title, (select s.name from pipeline_stage s where s.pipeline_id = d.pipeline_id and s.category = 'OPEN'
                         and s.id <> d.stage_id and not s.retired order by s.position limit 1) as target
         from deal d join pipeline p on p.id = d.pipeline_id and p.is_default
         join pipeline_stage st on st.id = d.stage_id join agency a on a.id = d.agency_id
        where a.short_name = 'Mosprom' and st.category = 'OPEN' order by d.created_at limit 1`,
    );
    await sql.end();

    const [manager, admin] = [await signedIn(USERS.manager), await signedIn(USERS.admin)];
    // The admin's board subscribes over its WebSocket once it shows: wait for that before anyone moves.
    const subscribed = new Promise<void>((resolve) => {
      admin.on('websocket', (socket) =>
        socket.on('framesent', (frame) => {
          if (String(frame.payload).includes('"subscribe"') && String(frame.payload).includes('DealChanged')) resolve();
        }),
      );
    });
    await Promise.all([manager.goto('/pipeline'), admin.goto('/pipeline')]);
    await subscribed;
    // The server registers the subscription as it reads the frame: a moment for a loaded machine.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const targetColumn = (page: Page) => page.getByRole('region', { name: deal.target, exact: true });
    await expect.poll(() => targetColumn(admin).getByText(deal.title, { exact: true }).count()).toBe(0);

    await manager.getByLabel(`Move “${deal.title}” to…`).selectOption({ label: deal.target });
    await targetColumn(manager).getByText(deal.title, { exact: true }).waitFor();

    // The admin did nothing: the event came through PostgreSQL to their process and socket.
    await admin.getByText('Alexeï Morozov moved a deal to another stage.').waitFor({ timeout: 10_000 });
    await targetColumn(admin).getByText(deal.title, { exact: true }).waitFor({ timeout: 10_000 });
    await screenshot(admin, 'live-board-admin-sees-move');
  });
});
