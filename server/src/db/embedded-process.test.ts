import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, runCli, type ServerProcess, spawnServer, waitUntilReady } from '../test/server-process.js';
import { LOCK_FILE } from './data-dir-lock.js';

/**
 * The embedded database under faults, with real processes of the built server on a data folder
 * of their own: one server per folder, SIGKILL loses no acknowledged write, and backups taken
 * while the server runs restore into an empty folder.
 */

const MANAGER = { email: 'manager@mosprom.demo', password: 'demo-password' };

let root: string;
let dataDir: string;
const started: ServerProcess[] = [];

beforeAll(() => {
  requireBuild();
  root = mkdtempSync(join(tmpdir(), 'crm-embedded-faults-'));
  dataDir = join(root, 'data');
});

afterAll(async () => {
  for (const server of started) {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await server.exited;
  }
  rmSync(root, { recursive: true, force: true });
});

async function start(folder: string, seedDemo = false, env: Record<string, string> = {}): Promise<ServerProcess> {
  const server = await spawnServer(folder, { seedDemo, env });
  started.push(server);
  await waitUntilReady(server);
  return server;
}

/** What these tests read of an answer: the one mutation and the one list they send. */
interface Answer {
  data?: {
    createCompany?: { userErrors: unknown[] };
    companies?: { nodes: { name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  } | null;
  errors?: unknown[];
}

async function gql(server: ServerProcess, query: string, variables: Record<string, unknown>, cookie?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { response, body: (await response.json()) as Answer };
}

async function signIn(server: ServerProcess): Promise<string> {
  const { response } = await gql(
    server,
    'mutation($input: LoginInput!) { login(input: $input) { userErrors { message } } }',
    { input: MANAGER },
  );
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('Could not sign in');
  return cookie;
}

async function createCompany(server: ServerProcess, cookie: string, name: string): Promise<boolean> {
  const { response, body } = await gql(
    server,
    `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { company { id } userErrors { message } } }`,
    { input: { name, kind: 'BUYER', country: 'FR' } },
    cookie,
  );
  return response.status === 200 && !body.errors && body.data?.createCompany?.userErrors.length === 0;
}

/** A createCompany sent over a raw socket but for its last byte, which `finish` sends; it resolves to the raw answer. */
function partialRequest(server: ServerProcess, cookie: string, name: string): Promise<{ finish(): Promise<string> }> {
  const body = JSON.stringify({
    query: 'mutation($input: CreateCompanyInput!) { createCompany(input: $input) { userErrors { message } } }',
    variables: { input: { name, kind: 'BUYER', country: 'FR' } },
  });
  const { port } = new URL(server.url);
  const head = [
    'POST /graphql HTTP/1.1',
    `Host: 127.0.0.1:${port}`,
    'Content-Type: application/json',
    `Cookie: ${cookie}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(`${head}\r\n\r\n${body.slice(0, -1)}`);
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk;
      });
      const ended = new Promise<string>((done) => socket.on('close', () => done(answer)));
      resolve({
        finish() {
          socket.write(body.slice(-1));
          return ended;
        },
      });
    });
    socket.once('error', reject);
  });
}

/** Every company name the manager sees, sorted. */
async function companyNames(server: ServerProcess, cookie: string): Promise<string[]> {
  const names: string[] = [];
  let after: string | null = null;
  for (;;) {
    const { body } = await gql(
      server,
      `query($after: String) { companies(first: 100, after: $after) {
        nodes { name } pageInfo { hasNextPage endCursor } } }`,
      { after },
      cookie,
    );
    const page = body.data?.companies;
    if (!page) throw new Error(`companies: ${JSON.stringify(body.errors)}`);
    names.push(...page.nodes.map((node) => node.name));
    if (!page.pageInfo.hasNextPage) return names.sort();
    after = page.pageInfo.endCursor;
  }
}

describe('the embedded database under faults (real processes)', () => {
  let first: ServerProcess;

  it('refuses a second server on the same data folder with a clear message and exit code 1', async () => {
    // Several processes need PostgreSQL: asked for two, the embedded default says why it runs one.
    first = await start(dataDir, true, { CRM_WORKERS: '2' });
    expect(first.output()).toContain('CRM_WORKERS=2 needs DATABASE_URL');
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);

    const second = await spawnServer(dataDir);
    const result = await second.exited;
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      `The data folder ${dataDir} is in use by another server process (PID ${first.child.pid})`,
    );
    // The first one is unharmed.
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
  }, 180_000);

  const acknowledged: string[] = [];
  let restarted: ServerProcess;

  it('keeps every acknowledged write when killed with SIGKILL during a stream of writes', async () => {
    const cookie = await signIn(first);
    let killed = false;
    const client = async (index: number) => {
      for (let n = 0; !killed; n++) {
        const name = `Killed ${index}-${n}`;
        try {
          if (await createCompany(first, cookie, name)) acknowledged.push(name);
        } catch {
          // the connection died with the process: not acknowledged
        }
      }
    };
    const clients = [0, 1, 2].map(client);
    while (acknowledged.length < 30) await new Promise((resolve) => setTimeout(resolve, 20));
    first.child.kill('SIGKILL');
    const result = await first.exited;
    killed = true;
    await Promise.all(clients);
    expect(result.signal).toBe('SIGKILL');
    // The lock of the killed server is still there: the next one takes it over.
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);

    restarted = await start(dataDir);
    const names = new Set(await companyNames(restarted, await signIn(restarted)));
    expect(acknowledged.filter((name) => !names.has(name))).toEqual([]);
  }, 180_000);

  it('backs up while the server runs and writes, and restores into an empty folder only', async () => {
    const cookie = await signIn(restarted);
    const before = await companyNames(restarted, cookie);
    // One writer, one company after the other, during the backup.
    let writing = true;
    let backupStarted = false;
    const ackedBeforeBackup: string[] = [];
    const writer = (async () => {
      for (let n = 0; writing; n++) {
        const ok = await createCompany(restarted, cookie, `During backup ${String(n).padStart(4, '0')}`);
        if (ok && !backupStarted) ackedBeforeBackup.push(`During backup ${String(n).padStart(4, '0')}`);
      }
    })();
    while (ackedBeforeBackup.length < 5) await new Promise((resolve) => setTimeout(resolve, 20));
    backupStarted = true;
    const backup = join(root, 'backup.tar.gz');
    const made = await runCli(dataDir, ['backup', backup]);
    writing = false;
    await writer;
    expect(made, made.output).toMatchObject({ code: 0 });
    expect(made.output).toContain('from the running server');
    expect(await createCompany(restarted, cookie, 'After the backup')).toBe(true);

    // Not over the running server's folder, not into a folder with files.
    const overRunning = await runCli(dataDir, ['restore', backup]);
    expect(overRunning.code).toBe(1);
    expect(overRunning.output).toContain('is in use by another server process');
    const restoredDir = join(root, 'restored');
    const restored = await runCli(restoredDir, ['restore', backup]);
    expect(restored, restored.output).toMatchObject({ code: 0 });
    const again = await runCli(restoredDir, ['restore', backup]);
    expect(again.code).toBe(1);
    expect(again.output).toContain('is not empty');
    // A file that is no backup is refused, and leaves the folder empty.
    const notBackup = join(root, 'not-a-backup.tar.gz');
    writeFileSync(notBackup, 'not a backup');
    const other = join(root, 'other');
    const refused = await runCli(other, ['restore', notBackup]);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('is not a backup of this CRM');
    expect(existsSync(other) ? readdirSync(other) : []).toEqual([]);

    // SIGTERM with a request in flight (its body not all sent yet): it is answered, then the
    // server exits by itself and frees the folder.
    const inFlight = await partialRequest(restarted, cookie, 'In flight at SIGTERM');
    restarted.child.kill('SIGTERM');
    while (!restarted.output().includes('SIGTERM: closing')) await new Promise((resolve) => setTimeout(resolve, 20));
    const answer = await inFlight.finish();
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(answer).toContain('"userErrors":[]');
    expect((await restarted.exited).code).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);

    // The restored folder serves the state at one instant of the backup: everything before it,
    // the writer's companies up to some point with no gap, nothing after (the later changes absent).
    const fromBackup = await start(restoredDir);
    const names = await companyNames(fromBackup, await signIn(fromBackup));
    const during = names.filter((name) => name.startsWith('During backup '));
    expect(names.filter((name) => !name.startsWith('During backup '))).toEqual(before);
    expect(during).toEqual(during.map((_, n) => `During backup ${String(n).padStart(4, '0')}`));
    expect(during.length).toBeGreaterThanOrEqual(ackedBeforeBackup.length);
    expect(names).not.toContain('After the backup');
    expect(names).not.toContain('In flight at SIGTERM');
    expect(acknowledged.every((name) => names.includes(name))).toBe(true);
  }, 180_000);
});
