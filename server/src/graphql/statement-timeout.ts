import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { msg, render } from '../shared/messages/index.js';
import type { Context } from './context.js';
import { ErrorCode } from './errors.js';

/**
 * formatError's answer to a statement stopped by its timeout (db/statement-timeout.ts): TIMEOUT
 * with a message for people, never the database's text; in English until the plugin below
 * puts it in the request's language.
 */
export function timeoutError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return {
    message: render(msg('statementTimeout')),
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.TIMEOUT },
  };
}

/** A response with a TIMEOUT error answers HTTP 503, the error's message in the request's language. */
export function statementTimeouts(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.errors?.some((error) => error.extensions?.code === ErrorCode.TIMEOUT)) return;
          response.http.status = 503;
          const message = render(msg('statementTimeout'), contextValue?.language);
          result.errors = result.errors.map((error) =>
            error.extensions?.code === ErrorCode.TIMEOUT ? { ...error, message } : error,
          );
        },
      };
    },
  };
}
