import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../config.js';
import { freePort } from './free-port.js';

/** The built server and CLI, run as real processes (process-level fault tests). */
export const SERVER_MAIN = join(repoRoot, 'server/dist/server/src/main.js');
export const CLI_MAIN = join(repoRoot, 'server/dist/server/src/cli.js');

export function requireBuild(): void {
  if (!existsSync(SERVER_MAIN) || !existsSync(CLI_MAIN)) {
    throw new Error('These tests run the built server: run `pnpm build` first (npm test does).');
  }
}

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<ProcessResult>;
}

/** The environment of a server or CLI on the embedded database in `dataDir` (never DATABASE_URL). */
export function embeddedEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: '', CRM_DATA_DIR: dataDir, NODE_ENV: 'production', ...extra };
}

function watch(child: ChildProcess): { output: () => string; exited: Promise<ProcessResult> } {
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<ProcessResult>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, output })),
  );
  return { output: () => output, exited };
}

/** Starts `node main.js` on the data folder (or what `env` says, e.g. DATABASE_URL); waitUntilReady waits for /readyz. */
export async function spawnServer(
  dataDir: string,
  options: { seedDemo?: boolean; env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: repoRoot,
    env: embeddedEnv(dataDir, {
      PORT: String(port),
      HOST: '127.0.0.1',
      CRM_SEED_DEMO: String(options.seedDemo ?? false),
      ...options.env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { url: `http://127.0.0.1:${port}`, child, ...watch(child) };
}

export async function waitUntilReady(server: ServerProcess): Promise<void> {
  let exited = false;
  void server.exited.then(() => {
    exited = true;
  });
  for (let i = 0; i < 600 && !exited; i++) {
    try {
      if ((await fetch(`${server.url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server did not become ready:\n${server.output().slice(-2000)}`);
}

/** Runs `node cli.js …args` on the data folder to its end. */
export function runCli(dataDir: string, args: string[]): Promise<ProcessResult> {
  const child = spawn(process.execPath, [CLI_MAIN, ...args], {
    cwd: repoRoot,
    env: embeddedEnv(dataDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return watch(child).exited;
}
