import type { ApolloServerPlugin } from '@apollo/server';
import { currentRequest } from '../log/request-scope.js';
import type { Context } from './context.js';

/** A client's operationName is logged only when it is a GraphQL name (never free text). */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/**
 * Tells the request's access line (log/access-log.ts) which operation ran and what it cost. Only
 * the operation's name and type: never its document's literals nor its variables' values.
 */
export function operationLog(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      const scope = currentRequest();
      if (!scope) return;
      const graphql: NonNullable<typeof scope.graphql> = {};
      scope.graphql = graphql;
      if (request.operationName && GRAPHQL_NAME.test(request.operationName)) {
        graphql.operationName = request.operationName;
      }
      return {
        // Known before execution: reads of a query may use kept answers (read-model/statement-batch.ts).
        async didResolveOperation({ operation }) {
          graphql.operationType = operation?.operation;
        },
        async willSendResponse({ response, operation }) {
          graphql.operationType = operation?.operation;
          graphql.operationName ??= operation?.name?.value;
          if (response.body.kind === 'single') graphql.result = response.body.singleResult;
        },
      };
    },
  };
}
