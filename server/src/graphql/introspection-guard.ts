import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, visit } from 'graphql';
import type { Context } from './context.js';
import { UnauthenticatedError } from './errors.js';

function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/** Introspection is for signed-in users and token holders (GraphiQL, codegen), not for anonymous callers. */
export function introspectionGuard(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!contextValue.viewer && asksForSchema(document)) {
            throw new UnauthenticatedError('Sign in or send an API token to read the schema.');
          }
        },
      };
    },
  };
}
