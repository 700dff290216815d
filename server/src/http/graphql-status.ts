import { ErrorCode } from '../graphql/errors.js';

/**
 * Status codes by Accept header, as GraphQL over HTTP asks
 * (https://graphql.github.io/graphql-over-http/draft/#sec-Status-Codes):
 * - a client that accepts `application/graphql-response+json` learns of a request error (a
 *   document that does not parse or validate, variables that do not coerce, a query over a
 *   limit) from a 4xx status;
 * - a client that asked for `application/json` by name gets those errors with 200, as the
 *   legacy media type wants: the status only tells that the request reached GraphQL.
 * A client that sends no Accept header or only `*\/*` keeps the 4xx. Errors of the request
 * itself (malformed JSON or parameters, CSRF, 401, 413, 429) keep their status in every case.
 */

export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
const JSON_MEDIA_TYPE = 'application/json';

/** The codes of a well-formed request that GraphQL refused before execution. */
const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.QUERY_TOO_COMPLEX,
]);

/** The quality the Accept header gives each media type it names (wildcards are not expanded). */
function qualities(accept: string | undefined): Map<string, number> {
  const named = new Map<string, number>();
  for (const range of (accept ?? '').split(',')) {
    const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    if (!type || named.has(type)) continue;
    const q = params.find((param) => param.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    named.set(type, Number.isFinite(quality) ? quality : 0);
  }
  return named;
}

/** The media type of an error the HTTP layer answers itself: what the client prefers, JSON by default. */
export function errorMediaType(accept: string | undefined): string {
  const named = qualities(accept);
  const graphql = named.get(GRAPHQL_RESPONSE_JSON) ?? 0;
  if (graphql > 0 && graphql >= (named.get(JSON_MEDIA_TYPE) ?? 0)) return GRAPHQL_RESPONSE_JSON;
  return JSON_MEDIA_TYPE;
}

function isRequestError(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    if (parsed.data !== undefined || !Array.isArray(parsed.errors) || parsed.errors.length === 0) return false;
    return parsed.errors.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions?.code)));
  } catch {
    return false;
  }
}

/** The status to answer for Apollo's response: its own, or 200 for a request error sent as `application/json`. */
export function negotiatedStatus(
  status: number,
  response: { contentType: string | undefined; body: string },
  accept: string | undefined,
): number {
  if (status !== 400) return status;
  if (!response.contentType?.toLowerCase().startsWith(JSON_MEDIA_TYPE)) return status;
  if (!((qualities(accept).get(JSON_MEDIA_TYPE) ?? 0) > 0)) return status;
  return isRequestError(response.body) ? 200 : status;
}
