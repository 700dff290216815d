import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { msg, render } from '../shared/messages/index.js';
import type { Context } from './context.js';

/**
 * Errors that are the database's trouble, neither the client's input nor a bug: the database is
 * down (SERVICE_UNAVAILABLE) or a statement ran past its timeout (TIMEOUT, db/statement-timeout.ts).
 * Both answer HTTP 503, a message for people in the request's language, never the database's text.
 */
const ANSWERS: Record<string, { message: 'databaseUnavailable' | 'statementTimeout'; retryAfterSeconds?: number }> = {
  SERVICE_UNAVAILABLE: { message: 'databaseUnavailable', retryAfterSeconds: 5 },
  TIMEOUT: { message: 'statementTimeout' },
};

type TroubleCode = 'SERVICE_UNAVAILABLE' | 'TIMEOUT';

/** formatError's answer for such an error (in English until the plugin below translates it). */
export function databaseTroubleError(code: TroubleCode, formatted: GraphQLFormattedError): GraphQLFormattedError {
  return {
    message: render(msg(ANSWERS[code].message)),
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code },
  };
}

/** A response carrying such an error answers HTTP 503 (with Retry-After when known), its message translated. */
export function databaseTroubleAnswers(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const answerOf = (error: GraphQLFormattedError) => ANSWERS[String(error.extensions?.code)];
          const troubled = result.errors?.map(answerOf).filter((answer) => answer !== undefined) ?? [];
          if (troubled.length === 0) return;
          response.http.status = 503;
          const retryAfter = Math.max(0, ...troubled.map((answer) => answer.retryAfterSeconds ?? 0));
          if (retryAfter > 0) response.http.headers.set('retry-after', String(retryAfter));
          result.errors = result.errors?.map((error) => {
            const answer = answerOf(error);
            return answer ? { ...error, message: render(msg(answer.message), contextValue?.language) } : error;
          });
        },
      };
    },
  };
}
