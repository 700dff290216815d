import type { IncomingMessage } from 'node:http';
import type { CookieJar } from '../graphql/context.js';

export const SESSION_COOKIE = 'crm_session';

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** The session cookie of one request: what the browser sent, and what to send back. */
export function sessionCookieJar(req: IncomingMessage, secure: boolean): CookieJar & { headers: string[] } {
  const attributes = `Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  const jar = {
    sessionToken: readCookie(req, SESSION_COOKIE),
    headers: [] as string[],
    set(token: string, maxAgeSeconds: number) {
      jar.headers = [`${SESSION_COOKIE}=${token}; Max-Age=${maxAgeSeconds}; ${attributes}`];
    },
    clear() {
      jar.headers = [`${SESSION_COOKIE}=; Max-Age=0; ${attributes}`];
    },
  };
  return jar;
}
