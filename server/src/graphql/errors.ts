import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isStatementTimeout } from '../db/statement-timeout.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import type { Logger } from '../log/logger.js';
import { currentRequest } from '../log/request-scope.js';
import { type Language, msg, render } from '../shared/messages/index.js';
import { databaseTroubleError } from './database-trouble.js';

/** Error codes clients may rely on (extensions.code). */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** Over a query limit (depth, aliases, directives, cost): refused before execution. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** An API token's cost budget is spent: wait `retryAfterSeconds`. */
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The database is stopped, restarting or unreachable (HTTP 503): nothing was written, retry later. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** An analytics report over its row or month limit (docs/analytics.md): refused before its SQL ran. */
  ANALYTICS_TOO_LARGE: 'ANALYTICS_TOO_LARGE',
  /** A statement ran past its timeout and was stopped (HTTP 503): ask for less, or retry later. */
  TIMEOUT: 'TIMEOUT',
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

/** A request over a limit of graphql/query-limits.ts; nothing was executed. */
export class QueryTooComplexError extends GraphQLError {
  constructor(
    message: string,
    details: {
      limit: 'depth' | 'aliases' | 'directives' | 'cost' | 'introspection' | 'login';
      value: number;
      max: number;
    },
  ) {
    super(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, ...details, http: { status: 400 } } });
  }
}

/** An analytics report over a limit of modules/analytics/limits.ts; its SQL did not run (or stopped early). */
export class AnalyticsTooLargeError extends GraphQLError {
  constructor(message: string, details: { limit: 'rows' | 'months'; value: number; max: number }) {
    super(message, { extensions: { code: ErrorCode.ANALYTICS_TOO_LARGE, ...details } });
  }
}

/** An API token spent its budget: HTTP 429 with Retry-After; nothing was executed. */
export class RateLimitedError extends GraphQLError {
  constructor(message: string, details: { retryAfterSeconds: number; cost: number; remaining: number }) {
    super(message, {
      extensions: {
        code: ErrorCode.RATE_LIMITED,
        ...details,
        http: { status: 429, headers: new Map([['retry-after', String(details.retryAfterSeconds)]]) },
      },
    });
  }
}

/** The database cannot be reached (db/unavailable.ts): HTTP 503 with Retry-After. */
export class ServiceUnavailableError extends GraphQLError {
  constructor(language?: Language) {
    super(render(msg('databaseUnavailable'), language), {
      extensions: {
        code: ErrorCode.SERVICE_UNAVAILABLE,
        http: { status: 503, headers: new Map([['retry-after', '5']]) },
      },
    });
  }
}

/** Building the context reads the session: the database being down there is a 503 too. */
export async function contextOrUnavailable<T>(language: Language, build: Promise<T>): Promise<T> {
  try {
    return await build;
  } catch (error) {
    if (!(error instanceof GraphQLError) && isDatabaseUnavailable(error)) throw new ServiceUnavailableError(language);
    throw error;
  }
}

/**
 * Sign-in refused before any password was checked (too many failures for the account or from
 * the address, or too many passwords being checked at once): HTTP 429 with Retry-After.
 */
export class SignInLimitedError extends GraphQLError {
  constructor(message: string, details: { retryAfterSeconds: number; limit: 'account' | 'address' | 'busy' }) {
    super(message, {
      extensions: {
        code: ErrorCode.RATE_LIMITED,
        ...details,
        http: { status: 429, headers: new Map([['retry-after', String(details.retryAfterSeconds)]]) },
      },
    });
  }
}

/** Codes whose message was written for the client and can be shown as is. */
const PUBLIC_CODES = new Set([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.RATE_LIMITED,
  ErrorCode.SERVICE_UNAVAILABLE,
  ErrorCode.ANALYTICS_TOO_LARGE,
  ErrorCode.TIMEOUT,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * One place where errors become responses: known codes pass, everything else (a bug, a
 * database error) is logged and masked, so no stack, SQL or internal message reaches a client.
 * Every error carries `extensions.requestId`, the id of the request's log lines.
 */
export function formatErrorFor(options: { production: boolean; log: Logger }) {
  const mask = maskErrors(options);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = mask(formatted, error);
    const scope = currentRequest();
    if (!scope) return result;
    const code = result.extensions?.code;
    if (typeof code === 'string') scope.errorCodes.add(code);
    return { ...result, extensions: { ...result.extensions, requestId: scope.requestId } };
  };
}

function maskErrors(options: { production: boolean; log: Logger }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    const original = error instanceof GraphQLError ? error.originalError : error;
    const isGraphQLError = original === undefined || original instanceof GraphQLError;
    if (code && PUBLIC_CODES.has(code) && isGraphQLError) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    // Scalar parsing and variable coercion errors (their "too many errors" too) are the client's
    // input, not our bug. Apollo stamps INTERNAL_SERVER_ERROR on an error without a code: read its own.
    const ownCode = error instanceof GraphQLError ? error.extensions?.code : code;
    if (!ownCode && isGraphQLError) {
      return { ...formatted, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    if (isStatementTimeout(original)) return databaseTroubleError(ErrorCode.TIMEOUT, formatted);
    if (isDatabaseUnavailable(original)) {
      // graphql/database-trouble.ts answers such a response with HTTP 503.
      options.log.error({ detail: String((original as Error).message) }, 'The database is unavailable');
      return databaseTroubleError(ErrorCode.SERVICE_UNAVAILABLE, formatted);
    }
    options.log.error({ err: original ?? error }, 'Unexpected error while executing a GraphQL request');
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
