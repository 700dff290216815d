import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../graphql/context.js';
import type { Language } from '../shared/messages/index.js';

/** The parts of a GraphQL response the access line reports, read once the response is sent. */
export interface GraphQLOutcome {
  operationName?: string;
  operationType?: string;
  /** The response body: its `extensions.cost` is read when the access line is written. */
  result?: { extensions?: Record<string, unknown> };
}

/**
 * What one HTTP request has to say in the logs, alive for the request's whole async flow: its
 * id (in every log line and every error response), who called, and what GraphQL ran.
 */
export interface RequestScope {
  readonly requestId: string;
  viewer?: Pick<Viewer, 'userId' | 'agencyId' | 'via'>;
  /** The language of the request's messages (`ctx.language`), for errors raised where no context is at hand. */
  language?: Language;
  graphql?: GraphQLOutcome;
  /** `extensions.code` of the errors answered, in order, without repeats. */
  readonly errorCodes: Set<string>;
  /** The primary's WAL position after the caller's last write: replicas read only once past it (db/read-replicas.ts). */
  readAfter?: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** An incoming X-Request-Id is kept only when it is a short token of safe characters. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The caller's X-Request-Id when it is safe to echo and log, else a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SAFE_REQUEST_ID.test(value) ? value : randomUUID();
}

export function runInRequestScope<T>(requestId: string, run: (scope: RequestScope) => T): T {
  const scope: RequestScope = { requestId, errorCodes: new Set() };
  return storage.run(scope, () => run(scope));
}

/** The request being served, if the caller runs inside one (see http/app.ts). */
export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Records the code of an error answered outside GraphQL for the access line; returns the id to put in its body. */
export function errorAnswered(code: string): string | undefined {
  const scope = storage.getStore();
  scope?.errorCodes.add(code);
  return scope?.requestId;
}

/** Who the request's access line names: the caller, or the user a sign-in just started a session for. */
export function noteViewer(viewer: Pick<Viewer, 'userId' | 'agencyId' | 'via'>): void {
  const scope = storage.getStore();
  if (scope) scope.viewer = { userId: viewer.userId, agencyId: viewer.agencyId, via: viewer.via };
}

/** The request's language, as its context has it (graphql/build-context.ts). */
export function noteLanguage(language: Language): void {
  const scope = storage.getStore();
  if (scope) scope.language = language;
}

/**
 * The language of the request being served, for a message of shared code that is given no
 * context (a refused cursor or page size); undefined (English) outside a request.
 */
export function requestLanguage(): Language | undefined {
  return storage.getStore()?.language;
}
