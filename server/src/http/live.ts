import type { IncomingMessage, Server } from 'node:http';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError, type GraphQLSchema, getOperationAST, parse } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { QueryLimits } from '../config.js';
import { buildContext } from '../graphql/build-context.js';
import type { Context } from '../graphql/context.js';
import { refuseTooComplex } from '../graphql/query-limits.js';
import { queryShape } from '../graphql/query-shape.js';
import type { Logger } from '../log/logger.js';
import type { EventBus } from '../modules/events/event-bus.js';
import type { TrustedProxies } from './client-address.js';
import { sessionCookieJar } from './cookies.js';

/** How often an open subscription's user is checked again when no event comes. */
export const RECHECK_MS = 30_000;

export interface LiveOptions {
  schema: GraphQLSchema;
  /** The shape limits of GraphQL over HTTP (depth, aliases, directives, tokens): a subscription runs per event. */
  limits: QueryLimits;
  rootEm: EntityManager;
  events: EventBus;
  cookieSecure: boolean;
  sessionTtlDays: number;
  sessionIdleHours: number;
  trustedProxies?: TrustedProxies;
  log: Logger;
}

/** What each connection keeps beside graphql-ws's socket and request. */
type Extra = { context?: Context; recheck?: NodeJS.Timeout };

/**
 * GraphQL subscriptions over WebSocket (graphql-ws) on the HTTP server's port and path, /graphql
 * (issue 15). Signed in at connection, by the session cookie the upgrade request carries or an API
 * token in the connection's `authorization` parameter (browsers cannot set headers on a
 * WebSocket); refused with 4403 otherwise. The user is checked again before each event and every
 * RECHECK_MS: a session that ended, a token revoked or a user deactivated closes the socket (4401).
 */
export function serveLive(server: Server, options: LiveOptions): { close(): Promise<void> } {
  const sockets = new WebSocketServer({ noServer: true });
  const onUpgrade = (req: IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/graphql') {
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
  };
  server.on('upgrade', onUpgrade);

  const signedIn = (request: IncomingMessage, authorization: unknown) => {
    const headers = typeof authorization === 'string' ? { ...request.headers, authorization } : request.headers;
    const req = Object.assign(Object.create(request) as IncomingMessage, { headers });
    return buildContext({
      rootEm: options.rootEm,
      req,
      cookies: sessionCookieJar(req, options.cookieSecure),
      sessionTtlDays: options.sessionTtlDays,
      sessionIdleHours: options.sessionIdleHours,
      trustedProxies: options.trustedProxies,
    }).catch(() => undefined);
  };

  const cleanup = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema: options.schema,
      context: ({ extra }) => extra.context as unknown as Record<string, unknown>,
      onConnect: async ({ extra, connectionParams }) => {
        const context = await signedIn(extra.request, connectionParams?.authorization);
        if (!context?.viewer) return false;
        const userId = context.viewer.userId;
        const stillSignedIn = async () =>
          (await signedIn(extra.request, connectionParams?.authorization))?.viewer?.userId === userId;
        const close = (code: number, reason: string) => extra.socket.close(code, reason);
        context.events = options.events;
        context.connection = { stillSignedIn, close };
        extra.context = context;
        extra.recheck = setInterval(() => {
          void stillSignedIn().then((ok) => ok || close(4401, 'Signed out'));
        }, RECHECK_MS);
        extra.recheck.unref();
        return true;
      },
      // Each event runs the subscription's selection again: its shape is bounded as a request's is.
      onSubscribe: (_context, _id, payload) => {
        try {
          const document = parse(payload.query, { maxTokens: options.limits.maxTokens });
          const operation = getOperationAST(document, payload.operationName);
          if (operation) refuseTooComplex(queryShape(document, operation), options.limits);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        return undefined;
      },
      onClose: ({ extra }) => clearInterval(extra.recheck),
    },
    sockets,
  );

  return {
    async close() {
      server.off('upgrade', onUpgrade);
      await cleanup.dispose();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}
