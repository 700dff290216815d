import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AnalyticsLimits } from '../config.js';
import { agencyEm } from '../db/agency-scope.js';
import { clientAddress, type TrustedProxies } from '../http/client-address.js';
import { currentRequest, noteLanguage, noteViewer } from '../log/request-scope.js';
import { viewerFromToken } from '../modules/auth/api-token.service.js';
import type { LoginThrottle } from '../modules/auth/login-throttle.js';
import { viewerFromSession } from '../modules/auth/session.service.js';
import type { EventBus } from '../modules/events/event-bus.js';
import type { AnswerCache } from '../read-model/answer-cache.js';
import type { RawJson } from '../read-model/raw-json.js';
import { languageFromHeader } from '../shared/messages/index.js';
import type { Context, CookieJar } from './context.js';
import type { CostBudget } from './cost-budget.js';
import { UnauthenticatedError } from './errors.js';

/** No agency has this id: an anonymous request's EntityManager reads nothing and writes nothing. */
const NO_AGENCY = '00000000-0000-0000-0000-000000000000';

export async function buildContext(options: {
  rootEm: EntityManager;
  req: IncomingMessage;
  cookies: CookieJar;
  sessionTtlDays: number;
  /** Hours of inactivity after which a session no longer signs anyone in (0: no idle timeout). */
  sessionIdleHours: number;
  /** Proxies whose X-Forwarded-For is believed (http/client-address.ts); none when absent. */
  trustedProxies?: TrustedProxies;
  /** The bounds of analytics reports (config.ts). */
  analytics?: AnalyticsLimits;
  /** Sign-in limits, for requests that may sign in (GraphQL). */
  loginThrottle?: LoginThrottle;
  /** Requests of public pages per client address (GraphQL). */
  publicPages?: CostBudget;
  /** For GraphQL over HTTP: the JSON texts the response takes as they are. */
  rawJson?: RawJson;
  /** The process's events, which mutations publish (modules/events). */
  events?: EventBus;
  /** Compiled page answers kept while the database does not change (the embedded database's GraphQL over HTTP). */
  answers?: AnswerCache;
}): Promise<Context> {
  const { rootEm, req, cookies } = options;
  const base = rootEm.fork();
  let viewer: Context['viewer'];
  const authorization = req.headers.authorization;
  if (authorization) {
    // A token that does not work is an error, not an anonymous request: scripts must notice.
    const secret = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    viewer = secret ? ((await viewerFromToken(base, secret)) ?? undefined) : undefined;
    if (!viewer) throw new UnauthenticatedError('The API token is unknown, expired or revoked.');
  } else if (cookies.sessionToken) {
    viewer = (await viewerFromSession(base, cookies.sessionToken, options.sessionIdleHours)) ?? undefined;
    if (!viewer) cookies.clear();
  }
  // The HTTP layer opened the request's scope (log/access-log.ts): its id, and who called for its access line.
  const scope = currentRequest();
  if (viewer) noteViewer(viewer);
  const language = languageFromHeader(req.headers['accept-language']);
  noteLanguage(language);
  return {
    em: agencyEm(base, viewer?.agencyId ?? NO_AGENCY),
    rootEm: base,
    viewer,
    cookies,
    userAgent: req.headers['user-agent'],
    clientAddress: clientAddress(req, options.trustedProxies),
    loginThrottle: options.loginThrottle,
    publicPages: options.publicPages,
    language,
    sessionTtlDays: options.sessionTtlDays,
    analytics: options.analytics,
    requestId: scope?.requestId ?? randomUUID(),
    loaders: new Map(),
    rawJson: options.rawJson,
    events: options.events,
    answers: options.answers,
  };
}
