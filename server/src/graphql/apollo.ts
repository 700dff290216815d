import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { QueryLimits } from '../config.js';
import type { Logger } from '../log/logger.js';
import { textAnswers } from '../read-model/text-answers.js';
import type { Context } from './context.js';
import type { CostBudget } from './cost-budget.js';
import { databaseTroubleAnswers } from './database-trouble.js';
import { formatErrorFor } from './errors.js';
import { introspectionGuard } from './introspection-guard.js';
import { operationLog } from './operation-log.js';
import { queryLimits } from './query-limits.js';
import { graphqlSchema } from './schema.js';
import { signInGuard } from './sign-in-guard.js';
import { textGuard } from './text-guard.js';

export async function createApollo(options: {
  production: boolean;
  log: Logger;
  limits: QueryLimits;
  budget: CostBudget;
}): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    schema: await graphqlSchema(),
    // Open to signed-in callers only: see introspectionGuard.
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns shutdown (HTTP server, Apollo, database, in that order); Apollo's own signal
    // handler would race it and re-raise the signal into ours.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: options.production,
    formatError: formatErrorFor(options),
    // A document over the token limit is a parse error (400), before validation costs anything.
    parseOptions: { maxTokens: options.limits.maxTokens },
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      introspectionGuard(),
      textGuard(),
      signInGuard(),
      queryLimits(options.limits, options.budget),
      operationLog(),
      databaseTroubleAnswers(),
      // Last: it answers in place of execution, after every plugin above has let the operation through.
      textAnswers(),
    ],
    logger: options.log,
  });
  await apollo.start();
  return apollo;
}
