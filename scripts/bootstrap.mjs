#!/usr/bin/env node
// Entry point of `npm start` / `npm test`: runs on any Node >= 18 with no dependencies.
// MikroORM 7 and vitest 5 need Node >= 22.17; when the system Node is older we fetch a Node
// runtime from the npm registry (the `node-<platform>-<arch>` package) into `.runtime/` and run
// everything with it. pnpm comes from the registry the same way, so a machine needs only npm.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runtimeDir = join(root, '.runtime');
const NODE_FLOOR = [22, 17];
const NODE_VERSION = '22.23.3';
const PNPM_VERSION = '10.34.9';

const log = (msg) => process.stderr.write(`[bootstrap] ${msg}\n`);

function satisfiesFloor(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > NODE_FLOOR[0] || (major === NODE_FLOOR[0] && minor >= NODE_FLOOR[1]);
}

function fetchPackage(spec, dest) {
  if (existsSync(dest)) return;
  const tmp = `${dest}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  log(`fetching ${spec} from the npm registry`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['pack', spec, '--silent', '--pack-destination', tmp], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${spec} produced no tarball`);
  execFileSync('tar', ['xzf', tarball], { cwd: tmp });
  rmSync(join(tmp, tarball));
  renameSync(join(tmp, 'package'), dest);
  rmSync(tmp, { recursive: true, force: true });
}

function nodeBinary() {
  if (satisfiesFloor(process.version)) return process.execPath;
  const dest = join(runtimeDir, `node-${NODE_VERSION}`);
  fetchPackage(`node-${process.platform}-${process.arch}@${NODE_VERSION}`, dest);
  log(`system Node ${process.version} is older than ${NODE_FLOOR.join('.')}: using ${NODE_VERSION} from .runtime/`);
  return join(dest, 'bin', 'node');
}

function pnpmEntry() {
  const dest = join(runtimeDir, `pnpm-${PNPM_VERSION}`);
  fetchPackage(`pnpm@${PNPM_VERSION}`, dest);
  return join(dest, 'bin', 'pnpm.cjs');
}

const node = nodeBinary();
const pnpm = pnpmEntry();
// Scripts that pnpm runs find this Node (and a `pnpm` shim) first on PATH.
const shimDir = join(runtimeDir, 'bin');
mkdirSync(shimDir, { recursive: true });
const { writeFileSync, chmodSync } = await import('node:fs');
const shim = join(shimDir, 'pnpm');
writeFileSync(shim, `#!/bin/sh\nexec "${node}" "${pnpm}" "$@"\n`);
chmodSync(shim, 0o755);
const env = {
  ...process.env,
  PATH: [dirname(node), shimDir, process.env.PATH].join(process.platform === 'win32' ? ';' : ':'),
  npm_config_nodedir: undefined,
};
delete env.npm_config_nodedir;
delete env.NPM_CONFIG_NODEDIR;

function run(args) {
  const res = spawnSync(node, [pnpm, ...args], { cwd: root, env, stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

const [command = 'start', ...rest] = process.argv.slice(2);
const frozen = process.env.CI ? ['--frozen-lockfile'] : [];
run(['install', '--prefer-offline', ...frozen]);
switch (command) {
  case 'start':
    run(['run', 'build']);
    run(['run', 'serve', ...rest]);
    break;
  case 'test':
    run(['run', 'test:all', ...rest]);
    break;
  case 'pnpm':
    run(rest);
    break;
  default:
    log(`unknown command ${command}`);
    process.exit(2);
}
