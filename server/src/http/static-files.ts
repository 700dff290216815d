import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Pages load nothing from outside: scripts, styles, fonts and data all come from here. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function sendFile(res: ServerResponse, path: string, immutable: boolean): void {
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  res.writeHead(200, {
    'content-type': type,
    'content-length': statSync(path).size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(type.startsWith('text/html') ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
  });
  createReadStream(path).pipe(res);
}

/** Serves the built web client; unknown paths that ask for HTML get the app (client-side routes). */
export function serveStatic(root: string) {
  const base = resolve(root);
  return (req: IncomingMessage, res: ServerResponse, pathname: string, page?: string): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('Method not allowed');
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(page ?? pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    const candidate = resolve(base, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
    // Path-relative check, not a prefix: `/..%2Fdist-old/x` must not reach a sibling `dist-old`.
    const inside = relative(base, candidate);
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    if (existsSync(candidate) && statSync(candidate).isFile()) {
      sendFile(res, candidate, inside.startsWith(`assets${sep}`));
      return;
    }
    const index = join(base, 'index.html');
    // Client-side routes have no extension; missing assets (with one) are a plain 404.
    const wantsHtml = !extname(pathname);
    if (wantsHtml && existsSync(index)) {
      sendFile(res, index, false);
      return;
    }
    if (wantsHtml) {
      res
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        .end('The web client is not built: run `pnpm build`.');
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
  };
}
