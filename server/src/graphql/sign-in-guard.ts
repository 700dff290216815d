import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, type FieldNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Context } from './context.js';
import { QueryTooComplexError } from './errors.js';

/** The root fields of an operation, fragments expanded (each fragment once: cycles are a validation error). */
function rootFields(document: DocumentNode, operation: OperationDefinitionNode): FieldNode[] {
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  );
  const fields: FieldNode[] = [];
  const seen = new Set<string>();
  const collect = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  return fields;
}

/**
 * Password guessing in bulk, refused before anything runs (HTTP 400, QUERY_TOO_COMPLEX):
 * - `login` at most once per operation (`limit: 'login'`), whoever calls: one request, one guess;
 * - no aliased mutation fields for anonymous callers (`limit: 'aliases'`, max 0): the only use of
 *   aliasing a mutation without an account is running it many times in one request.
 */
export function signInGuard(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          const fields = rootFields(document, operation);
          const logins = fields.filter((field) => field.name.value === 'login').length;
          if (logins > 1) {
            throw new QueryTooComplexError(`The operation signs in ${logins} times; one login per request.`, {
              limit: 'login',
              value: logins,
              max: 1,
            });
          }
          const aliased = fields.filter((field) => field.alias !== undefined).length;
          if (!contextValue.viewer && aliased > 0) {
            throw new QueryTooComplexError(
              `The operation has ${aliased} aliased mutations; without signing in, mutations cannot be aliased.`,
              { limit: 'aliases', value: aliased, max: 0 },
            );
          }
        },
      };
    },
  };
}
