import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '../config.js';

/**
 * The servers `pnpm bench:load` measures each run in a process of their own (so that each one's
 * RSS is its own), started by the bench and stopped after it. A server announces its address with
 * one line on stdout.
 */

/** Database connections each server may hold: MikroORM's pool size here (db/orm-config.ts), and the same for the others. */
export const LOAD_POOL_SIZE = 10;

const LISTENING = 'BENCH LISTENING ';

/** Child side: tells the bench where the server listens (its URL, or the node:http server listening on 127.0.0.1). */
export function announceListening(target: Server | string): void {
  const url = typeof target === 'string' ? target : `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  process.stdout.write(`${LISTENING}${url}\n`);
}

export interface ChildServer {
  url: string;
  pid: number;
  /** Resident memory now (VmRSS), in bytes; undefined where /proc is not there. */
  rss(): number | undefined;
  stop(): Promise<void>;
}

/** VmRSS of a process and of its children (a server's cluster workers) from /proc (Linux). */
function readRss(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    if (!kb) return undefined;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    return children.reduce((sum, child) => sum + (readRss(child) ?? 0), Number(kb) * 1024);
  } catch {
    return undefined;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The Node flags `pnpm serve` (and so `npm start`) runs the server with, from its script in
 * server/package.json: the bench runs this server as it is deployed.
 */
export function serveFlags(): string[] {
  const scripts = JSON.parse(readFileSync(join(repoRoot, 'server/package.json'), 'utf8')).scripts as Record<
    string,
    string
  >;
  const flags = /^node((?: --\S+)*) \S+$/.exec(scripts.serve)?.[1];
  if (flags === undefined)
    throw new Error(`server/package.json: "serve" is not "node [--flags] <script>": ${scripts.serve}`);
  return flags.split(' ').filter(Boolean);
}

/** Starts `node [flags] <script>` with `env` added; resolves when it announces its address. */
export function startChildServer(
  script: string,
  env: Record<string, string>,
  flags: string[] = [],
): Promise<ChildServer> {
  const child = spawn(process.execPath, [...flags, script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => fail(new Error('did not start within 120 s')), 120_000);
    const fail = (error: Error) => {
      clearTimeout(timeout);
      void stopChild(child);
      reject(new Error(`${script}: ${error.message}\n${output.slice(-3000)}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = new RegExp(`${LISTENING}(\\S+)`).exec(output)?.[1];
      if (!url) return;
      clearTimeout(timeout);
      child.stdout?.off('data', onData);
      // Keep draining the pipes: a full pipe would block the server.
      child.stdout?.resume();
      child.stderr?.resume();
      const pid = child.pid as number;
      resolve({ url, pid, rss: () => readRss(pid), stop: () => stopChild(child) });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-10_000);
    });
    child.once('exit', (code, signal) => fail(new Error(`exited (${code ?? signal}) before listening`)));
  });
}
