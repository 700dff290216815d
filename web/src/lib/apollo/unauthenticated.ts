import type { ErrorLike } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/**
 * The server marks a missing or expired session with `extensions.code: UNAUTHENTICATED`
 * and HTTP 401. Depending on content negotiation Apollo Client sees that either as GraphQL
 * errors (application/graphql-response+json) or as a ServerError (application/json).
 */
export function isUnauthenticated(error: ErrorLike | undefined): boolean {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  }
  return ServerError.is(error) && error.statusCode === 401;
}
