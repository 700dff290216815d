import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { type Language, msg, render } from '../shared/messages/index.js';
import type { Context } from './context.js';
import { ErrorCode, ServiceUnavailableError } from './errors.js';

/**
 * A request that failed because the database is down (formatError made its errors
 * SERVICE_UNAVAILABLE) answers HTTP 503 with Retry-After, the message in the request's language:
 * clients and load balancers see "try again", not "bug".
 */
export function serviceUnavailable(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const unavailable = (error: { extensions?: Record<string, unknown> }) =>
            error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE;
          if (!result.errors?.some(unavailable)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', '5');
          const message = render(msg('databaseUnavailable'), contextValue?.language);
          result.errors = result.errors.map((error) => (unavailable(error) ? { ...error, message } : error));
        },
      };
    },
  };
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
