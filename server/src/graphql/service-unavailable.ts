import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { ServiceUnavailableError } from './errors.js';

/**
 * A request that failed because the database is down answers HTTP 503 with Retry-After (the
 * errors themselves become SERVICE_UNAVAILABLE in formatError), so clients and load balancers
 * see "try again" rather than "bug".
 */
export function serviceUnavailable<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, response }) {
          const down = errors.some((error) => isDatabaseUnavailable(error.originalError));
          if (!down) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', '5');
        },
      };
    },
  };
}

/** Building the context reads the session: the database being down there is a 503 too. */
export async function contextOrUnavailable<T>(build: Promise<T>): Promise<T> {
  try {
    return await build;
  } catch (error) {
    if (!(error instanceof GraphQLError) && isDatabaseUnavailable(error)) throw new ServiceUnavailableError();
    throw error;
  }
}
