import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Error codes clients may rely on (extensions.code). */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Sign in first.') {
    super(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = 'Your role does not allow this.') {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN } });
  }
}

/** Codes whose message was written for the client and can be shown as is. */
const PUBLIC_CODES = new Set([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.BAD_USER_INPUT,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export interface ErrorLog {
  error(message: string, error: unknown): void;
}

/**
 * One place where errors become responses: known codes pass, everything else (a bug, a
 * database error) is logged and masked, so no stack, SQL or internal message reaches a client.
 */
export function formatErrorFor(options: { production: boolean; log: ErrorLog }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    const original = error instanceof GraphQLError ? error.originalError : error;
    const isGraphQLError = original === undefined || original instanceof GraphQLError;
    if (code && PUBLIC_CODES.has(code) && isGraphQLError) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    // Scalar parsing and variable coercion errors are the client's input, not our bug.
    if (!code && isGraphQLError) {
      return { ...formatted, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    options.log.error('Unexpected error while executing a GraphQL request', original ?? error);
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: ErrorCode.INTERNAL_SERVER_ERROR,
        ...(options.production ? {} : { detail: String((original as Error)?.message ?? original) }),
      },
    };
  };
}
