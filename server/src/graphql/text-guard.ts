import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, visit } from 'graphql';
import type { Context } from './context.js';
import { ErrorCode } from './errors.js';

/** Half of a surrogate pair without its other half. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A NUL character (PostgreSQL's text refuses it) or an unpaired surrogate (its JSON refuses it). */
const isUnstorable = (text: string): boolean => text.includes('\u0000') || LONE_SURROGATE.test(text);

/** The path (`input.name`, `ids[2]`) of the first text of `value` that no database column can hold. */
export function unstorableTextPath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return isUnstorable(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorableTextPath(item, `${path}[${index}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (isUnstorable(key)) return at;
      const found = unstorableTextPath(inner, at);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Whether a string literal of the document holds text no database column can (`"a\u0000"`). */
function unstorableLiteral(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (isUnstorable(node.value)) found = true;
    },
  });
  return found;
}

export class UnstorableTextError extends GraphQLError {
  constructor(where: string) {
    super(
      `Text cannot contain the NUL character or an unpaired UTF-16 surrogate (${where}): remove it and send again.`,
      { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } },
    );
  }
}

/**
 * Text PostgreSQL cannot store (NUL in text, unpaired surrogates in JSON) refused for every
 * argument at once, before any resolver runs: BAD_USER_INPUT (HTTP 400) naming where it is,
 * instead of a database error deep in a mutation.
 */
export function textGuard(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const variable = unstorableTextPath(request.variables ?? {});
          if (variable !== undefined) throw new UnstorableTextError(`variable $${variable}`);
          if (unstorableLiteral(document)) throw new UnstorableTextError('a string in the query');
        },
      };
    },
  };
}
