import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Context } from './context.js';
import { type ErrorLog, formatErrorFor } from './errors.js';
import { introspectionGuard } from './introspection-guard.js';
import { graphqlSchema } from './schema.js';

export async function createApollo(options: { production: boolean; log: ErrorLog }): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    schema: await graphqlSchema(),
    // Open to signed-in callers only: see introspectionGuard.
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: options.production,
    formatError: formatErrorFor(options),
    plugins: [ApolloServerPluginLandingPageDisabled(), introspectionGuard()],
    logger: {
      debug: () => {},
      info: () => {},
      warn: (message) => options.log.error('apollo warning', message),
      error: (message) => options.log.error('apollo error', message),
    },
  });
  await apollo.start();
  return apollo;
}
