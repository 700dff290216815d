import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/**
 * The seconds to wait when the server refused a request for now (RATE_LIMITED, HTTP 429): the
 * error's `retryAfterSeconds`, else the Retry-After header, else a minute; null for any other error.
 */
export function retryAfterSeconds(error: unknown): number | null {
  const seconds = (value: unknown) => {
    const n = Number(value);
    return Number.isFinite(n) && n > 0 ? Math.ceil(n) : 60;
  };
  if (CombinedGraphQLErrors.is(error)) {
    const limited = error.errors.find((e) => e.extensions?.code === 'RATE_LIMITED');
    return limited ? seconds(limited.extensions?.retryAfterSeconds) : null;
  }
  if (ServerError.is(error) && error.statusCode === 429) return seconds(error.response.headers.get('retry-after'));
  return null;
}
