import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './static-files.js';

/** The static handler on a temp dir holding `dist` and a sibling `dist-old` whose name starts the same. */
let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crm-static-'));
  mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
  mkdirSync(join(dir, 'dist-old'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dir, 'dist', 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(dir, 'dist-old', 'secret.txt'), 'TOP-SECRET');
  writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET');
  const statics = serveStatic(join(dir, 'dist'));
  server = createServer((req, res) => statics(req, res, new URL(req.url ?? '/', 'http://localhost').pathname));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('static files (issue 12, finding 6)', () => {
  it.each([
    '/..%2Fdist-old/secret.txt',
    '/..%2fdist-old%2fsecret.txt',
    '/%2E%2E%2Fdist-old/secret.txt',
    '/assets/..%2F..%2Fdist-old/secret.txt',
    '/..%2Fsecret.txt',
    '/..%5Cdist-old/secret.txt',
  ])('never serves a file outside the dist folder: %s', async (path) => {
    const response = await fetch(`${base}${path}`);
    const body = await response.text();
    expect([400, 404]).toContain(response.status);
    expect(body).not.toContain('TOP-SECRET');
  });

  it('answers a malformed escape with 400, not a server error', async () => {
    const response = await fetch(`${base}/%E0%A4%A.js`);
    expect(response.status).toBe(400);
  });

  it('still serves the files of the dist folder and the app for client-side routes', async () => {
    const asset = await fetch(`${base}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toBe('console.log("app");');

    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<title>app</title>');

    const route = await fetch(`${base}/companies/123`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>app</title>');

    const missing = await fetch(`${base}/assets/missing.js`);
    expect(missing.status).toBe(404);
  });
});
