import type { IncomingMessage } from 'node:http';
import type { CookieJar } from '../graphql/context.js';

/** The session cookie's name over plain HTTP (development, tests). */
export const SESSION_COOKIE = 'crm_session';
/**
 * Its name when cookies are Secure: the `__Host-` prefix makes browsers accept it only from this
 * exact host, over HTTPS, with `Path=/` and no Domain, so a sibling subdomain cannot plant one.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/**
 * The value of the cookie with exactly this name. When the request carries that name more than
 * once (a sibling subdomain or a path-scoped cookie can add a second one), nothing is returned:
 * the browser's order says nothing about which is ours, so we refuse to pick and treat the
 * request as signed out.
 */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  let found: string | undefined;
  let count = 0;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      count += 1;
      found = part.slice(index + 1).trim();
    }
  }
  if (count !== 1 || found === undefined) return undefined;
  return /^[A-Za-z0-9_-]{20,100}$/.test(found) ? found : undefined;
}

/** The session cookie of one request: what the browser sent, and what to send back. */
export function sessionCookieJar(req: IncomingMessage, secure: boolean): CookieJar & { headers: string[] } {
  const name = secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  const attributes = `Path=/${secure ? '; Secure' : ''}; HttpOnly; SameSite=Lax`;
  const jar = {
    sessionToken: readCookie(req, name),
    headers: [] as string[],
    set(token: string, maxAgeSeconds: number) {
      jar.headers = [`${name}=${token}; Max-Age=${maxAgeSeconds}; ${attributes}`];
    },
    clear() {
      jar.headers = [`${name}=; Max-Age=0; ${attributes}`];
    },
  };
  return jar;
}
