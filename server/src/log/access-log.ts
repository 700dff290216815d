import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress, type TrustedProxies } from '../http/client-address.js';
import type { Logger } from './logger.js';
import { type RequestScope, requestIdFrom, runInRequestScope } from './request-scope.js';

/**
 * The path as logged: without its query string (filters, names, a client's parameters) and
 * without the secret a path can carry (an invitation, password reset or exporter confirmation
 * link's token, a token pasted into a URL by mistake).
 */
export function loggedPath(rawUrl: string | undefined): string {
  const path = (rawUrl ?? '/').split(/[?#]/)[0];
  return path
    .split('/')
    .map((segment, i, all) => {
      if (/^crm_/i.test(segment)) return '[redacted]';
      if (i > 0 && /^(invitation|confirm)$/i.test(all[i - 1])) return '[redacted]';
      return segment;
    })
    .join('/')
    .slice(0, 300);
}

function costOf(scope: RequestScope): { requested: number; actual: number } | undefined {
  const cost = scope.graphql?.result?.extensions?.cost as { requested?: unknown; actual?: unknown } | undefined;
  if (typeof cost?.requested !== 'number' || typeof cost.actual !== 'number') return undefined;
  return { requested: cost.requested, actual: cost.actual };
}

/** The one line logged per request, once its response is sent (or cut). */
function accessLine(
  scope: RequestScope,
  req: IncomingMessage,
  res: ServerResponse,
  durationMs: number,
  client: string,
) {
  const graphql = scope.graphql;
  return {
    requestId: scope.requestId,
    method: req.method,
    path: loggedPath(req.url),
    status: res.statusCode,
    durationMs: Math.round(durationMs * 10) / 10,
    clientAddress: client,
    ...(scope.viewer ? { userId: scope.viewer.userId, agencyId: scope.viewer.agencyId, via: scope.viewer.via } : {}),
    ...(graphql?.operationName ? { operationName: graphql.operationName } : {}),
    ...(graphql?.operationType ? { operationType: graphql.operationType } : {}),
    ...(costOf(scope) ? { cost: costOf(scope) } : {}),
    ...(scope.errorCodes.size > 0 ? { errorCodes: [...scope.errorCodes] } : {}),
    ...(res.writableFinished ? {} : { aborted: true }),
  };
}

/**
 * Serves each request inside its request scope (request-scope.ts): a request id taken from a
 * safe `X-Request-Id` or generated, echoed in the `x-request-id` response header, carried by
 * every log line; and one access line per request when its response is done.
 */
export function withRequestLog(
  logger: Logger,
  trustedProxies: TrustedProxies | undefined,
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    const started = performance.now();
    // Read now: the socket may be gone by the time the response is done.
    const client = clientAddress(req, trustedProxies);
    runInRequestScope(requestId, (scope) => {
      res.once('close', () => {
        const line = accessLine(scope, req, res, performance.now() - started, client);
        if (res.statusCode >= 500) logger.error(line, 'request');
        else logger.info(line, 'request');
      });
      handle(req, res);
    });
  };
}
