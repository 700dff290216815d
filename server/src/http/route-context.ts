import type { IncomingMessage } from 'node:http';
import type { EntityManager } from '@mikro-orm/postgresql';
import { buildContext } from '../graphql/build-context.js';
import type { Context } from '../graphql/context.js';
import { LANGUAGES, type Language } from '../shared/messages/index.js';
import type { TrustedProxies } from './client-address.js';
import { sessionCookieJar } from './cookies.js';

/** What a route outside /graphql needs to sign its caller in as /graphql does. */
export interface RouteSignIn {
  rootEm: EntityManager;
  cookieSecure: boolean;
  sessionTtlDays: number;
  sessionIdleHours: number;
  /** Proxies whose X-Forwarded-For is believed (http/client-address.ts). */
  trustedProxies?: TrustedProxies;
}

/**
 * The Context of a request to a route outside /graphql (the import's upload, the downloads):
 * signed in as for /graphql (session cookie or `Authorization: Bearer <API token>`; an unknown
 * token throws UnauthenticatedError), in the language `?lang=` names if any (a download link
 * cannot set Accept-Language). `setCookie`: the session cookie headers to send back.
 */
export async function routeContext(
  req: IncomingMessage,
  url: URL,
  options: RouteSignIn,
): Promise<{ ctx: Context; setCookie: string[] }> {
  const cookies = sessionCookieJar(req, options.cookieSecure);
  const ctx = await buildContext({
    rootEm: options.rootEm,
    req,
    cookies,
    sessionTtlDays: options.sessionTtlDays,
    sessionIdleHours: options.sessionIdleHours,
    trustedProxies: options.trustedProxies,
  });
  const lang = url.searchParams.get('lang');
  if (lang && (LANGUAGES as readonly string[]).includes(lang)) ctx.language = lang as Language;
  return { ctx, setCookie: cookies.headers };
}
