import type { EntityManager } from '@mikro-orm/postgresql';
import type { AnalyticsLimits } from '../config.js';
import type { LoginThrottle } from '../modules/auth/login-throttle.js';
import type { EventBus } from '../modules/events/event-bus.js';
import type { Role } from '../modules/user/user.enums.js';
import type { AnswerCache } from '../read-model/answer-cache.js';
import type { RawJson } from '../read-model/raw-json.js';
import type { Language } from '../shared/messages/index.js';
import type { CostBudget } from './cost-budget.js';

/** Who is calling: resolved once per request from the session cookie or API token. */
export interface Viewer {
  userId: string;
  agencyId: string;
  role: Role;
  via: 'session' | 'token';
  sessionId?: string;
  /** The API token of a `via: 'token'` request. */
  tokenId?: string;
  /** The database's WAL insert position when the session was read: the version of cached answers (read-model/answer-cache.ts). */
  dataVersion?: string;
}

export interface CookieJar {
  /** The session id sent by the browser, if any. */
  sessionToken?: string;
  set(token: string, maxAgeSeconds: number): void;
  clear(): void;
}

export interface Context {
  /** Scoped to the viewer's agency (reads filtered, writes guarded). */
  em: EntityManager;
  /** The root EntityManager, for the few operations that must cross agencies (sign-in). */
  rootEm: EntityManager;
  viewer?: Viewer;
  cookies: CookieJar;
  userAgent?: string;
  /** The client's IP address: the socket's, or X-Forwarded-For's from a trusted proxy (http/client-address.ts). */
  clientAddress: string;
  /** Sign-in limits (modules/auth/login-throttle.ts): set on GraphQL requests, where `login` runs. */
  loginThrottle?: LoginThrottle;
  /** Requests of public pages (a confirmation link's) per client address (modules/confirmation). */
  publicPages?: CostBudget;
  /** The language of userError messages: from Accept-Language (fr, en or ru), English by default. */
  language: Language;
  sessionTtlDays: number;
  /** The bounds of analytics reports (config.ts); their defaults when absent. */
  analytics?: AnalyticsLimits;
  requestId: string;
  /** Per-request DataLoaders, created on first use (see shared/per-request.ts). */
  loaders: Map<string, unknown>;
  /** Where a GraphQL request over HTTP keeps JSON texts answered as they are (read-model/text-answers.ts). */
  rawJson?: RawJson;
  /** Compiled page answers kept while the database does not change: the embedded database's GraphQL over HTTP only. */
  answers?: AnswerCache;
  /** The events of this process (modules/events): mutations publish them, subscriptions listen. */
  events?: EventBus;
  /** On a WebSocket (http/live.ts): whether its user is still signed in, and how to close it. */
  connection?: { stillSignedIn(): Promise<boolean>; close(code: number, reason: string): void };
}
