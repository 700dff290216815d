import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../../server/src/test/free-port.js';
import { DEMO_PASSWORD, serverLogProblems } from './server-log';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const serverMain = join(repoRoot, 'server/dist/server/src/main.js');
const webIndex = join(repoRoot, 'web/dist/index.html');

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

async function waitUntilReady(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited (${server.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not become ready:\n${output()}`);
}

/** Signs in over the API as the flows do, so the logs' check knows one session cookie's value. */
async function signIn(baseURL: string): Promise<string> {
  const response = await fetch(`${baseURL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation SignIn($input: LoginInput!) { login(input: $input) { userErrors { code } } }',
      variables: { input: { email: 'admin@mosprom.demo', password: DEMO_PASSWORD } },
    }),
  });
  const value = /^[^=]+=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!value) throw new Error(`Could not sign in as admin@mosprom.demo: ${await response.text()}`);
  return value;
}

/** Starts one production server with fresh demo data for the whole e2e run. */
export default async function setup(project: TestProject) {
  if (!existsSync(serverMain) || !existsSync(webIndex)) {
    throw new Error('The e2e tests need the built server and web app: run `pnpm build` first (npm test does).');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'crm-e2e-'));
  const port = await freePort();
  // The server's JSON log lines go to files, not into the suite's output; checked at the end.
  const logDir = await mkdtemp(join(tmpdir(), 'crm-e2e-logs-'));
  const stdoutFile = join(logDir, 'server.log');
  const stderrFile = join(logDir, 'server.err');
  const [stdout, stderr] = [openSync(stdoutFile, 'w'), openSync(stderrFile, 'w')];
  const log = () => `${readFileSync(stdoutFile, 'utf8')}${readFileSync(stderrFile, 'utf8')}`.slice(-4000);
  const server = spawn(process.execPath, [serverMain], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      CRM_DATA_DIR: dataDir,
      CRM_SEED_DEMO: 'true',
      DATABASE_URL: '',
    },
    stdio: ['ignore', stdout, stderr],
  });
  closeSync(stdout);
  closeSync(stderr);
  const baseURL = `http://127.0.0.1:${port}`;
  let sessionValue: string;
  try {
    await waitUntilReady(baseURL, server, log);
    sessionValue = await signIn(baseURL);
  } catch (error) {
    server.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    await rm(logDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseURL', baseURL);

  return async () => {
    // A deployment stops the server with SIGTERM: it must close its connections and exit by itself.
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    const hung = server.exitCode === null && server.signalCode === null;
    if (hung) server.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    if (hung) throw new Error(`The server did not exit within 10 s of SIGTERM:\n${log()}`);
    // "Never a password, token, cookie or invitation link in the logs", over the whole suite.
    const problems = serverLogProblems(stdoutFile, stderrFile, [sessionValue]);
    if (problems.length > 0) throw new Error(`The server's logs (${logDir}):\n${problems.join('\n')}`);
    await rm(logDir, { recursive: true, force: true });
  };
}
