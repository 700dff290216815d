import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, visit } from 'graphql';
import { isUnstorableText } from '../shared/storable-text.js';
import type { Context } from './context.js';
import { ErrorCode } from './errors.js';

/**
 * The path (`input.name`, `ids[2]`) of the first text of `value` that no database column can hold.
 * Walked with a stack of its own, not recursion: a variable nested 10,000 lists deep (a small
 * JSON body) would overflow the call stack.
 */
export function unstorableTextPath(value: unknown, path = ''): string | undefined {
  // [value, its path, whether the key that leads to it is itself unstorable]
  const pending: [unknown, string, boolean][] = [[value, path, false]];
  while (pending.length > 0) {
    const [current, at, badKey] = pending.pop()!;
    if (badKey) return at;
    if (typeof current === 'string') {
      if (isUnstorableText(current)) return at;
      continue;
    }
    const children: [unknown, string, boolean][] = [];
    if (Array.isArray(current)) {
      for (const [index, item] of current.entries()) children.push([item, `${at}[${index}]`, false]);
    } else if (current && typeof current === 'object') {
      for (const [key, inner] of Object.entries(current)) {
        children.push([inner, at ? `${at}.${key}` : key, isUnstorableText(key)]);
      }
    }
    // Reversed onto the stack, so the first child is looked at first.
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
  return undefined;
}

/** Documents already looked at (Apollo keeps each parsed document: the same object for the same text). */
const checked = new WeakMap<DocumentNode, boolean>();

/** Whether a string literal of the document holds text no database column can (`"a\u0000"`). */
function unstorableLiteral(document: DocumentNode): boolean {
  let found = checked.get(document);
  if (found !== undefined) return found;
  found = false;
  visit(document, {
    StringValue(node) {
      if (isUnstorableText(node.value)) found = true;
    },
  });
  checked.set(document, found);
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
