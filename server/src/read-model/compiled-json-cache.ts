import { type ASTNode, type FieldNode, Kind, visit } from 'graphql';
import type { Context } from '../graphql/context.js';
import { today } from '../modules/exchange-rate/conversion.js';
import type { Sql } from '../shared/sql.js';
import { agencyOf } from '../shared/sql.js';
import type { CompileContext } from './compile-parts.js';

/**
 * The compiled JSON of a root field's selection, kept for the next request of the same document:
 * building it costs a query builder per relation (filters applied, statement printed), about a
 * third of the compiled path's CPU. Apollo keeps each parsed document (its document store), so a
 * field node stands for one document's field; the JSON also depends on the agency (its filters
 * bind it), the day (conversions at today's rate), the mode (exact or not) and the variables used inside the selection
 * (page sizes), never on the root's own arguments (the id, the filter), which are not in it.
 * `undefined` results (selections the compiled reads do not answer) are kept too.
 */
const cache = new WeakMap<FieldNode, Map<string, unknown>>();
const variablesInside = new WeakMap<FieldNode, string[]>();

/** At most this many variants per field of a document (page sizes, agencies, days): then it starts over. */
const VARIANTS = 64;

/**
 * The names of the variables the field's selection sets use (a field asked for twice, as the
 * mission page asks `mission(id:)`, has two), its fragments' included; kept on the first node.
 */
function usedVariables(nodes: readonly FieldNode[], c: CompileContext): string[] {
  let names = variablesInside.get(nodes[0]);
  if (names) return names;
  const found = new Set<string>();
  const seen = new Set<string>();
  const walk = (tree: ASTNode) =>
    visit(tree, {
      Variable: (variable) => {
        found.add(variable.name.value);
      },
      FragmentSpread: (spread) => {
        const fragment = c.fragments[spread.name.value];
        if (fragment && !seen.has(spread.name.value)) {
          seen.add(spread.name.value);
          walk(fragment);
        }
      },
    });
  for (const node of nodes) if (node.selectionSet) walk(node.selectionSet);
  // Directives on the field itself (@include) decide whether it runs at all, not its SQL.
  names = [...found].sort();
  variablesInside.set(nodes[0], names);
  return names;
}

/** The value kept for `key` under the field node `anchor` of `cache`, built and kept when there is none. */
async function remembered<T>(
  cache: WeakMap<FieldNode, Map<string, unknown>>,
  anchor: FieldNode,
  key: string,
  build: () => Promise<T>,
): Promise<T> {
  let variants = cache.get(anchor);
  if (variants?.has(key)) return variants.get(key) as T;
  const value = await build();
  if (!variants || variants.size >= VARIANTS) {
    variants = new Map();
    cache.set(anchor, variants);
  }
  variants.set(key, value);
  return value;
}

export async function cachedJson(
  ctx: Context,
  c: CompileContext,
  nodes: readonly FieldNode[],
  build: () => Promise<Sql | undefined>,
): Promise<Sql | undefined> {
  const anchor = nodes[0];
  if (anchor?.kind !== Kind.FIELD) return build();
  const variables = usedVariables(nodes, c).map((name) => c.variableValues[name]);
  return remembered(cache, anchor, JSON.stringify([Boolean(c.exact), agencyOf(ctx), today(), variables]), build);
}

const statements = new WeakMap<FieldNode, Map<string, unknown>>();

/**
 * A root field's whole statement (its rows, their order and page, the count), kept as its JSON is
 * but for all the request's variables (the root's arguments are among them, or literals of the
 * document): building it costs query builders, their filters and conditions, about 0.6 ms of a
 * request's 2.6 ms of CPU on the companies page. What it depends on besides is the same: the
 * agency (and the viewer), the day, the mode. A statement that could not be built (a forged cursor) throws and is not kept.
 */
export async function cachedStatement<T>(
  ctx: Context,
  c: CompileContext,
  nodes: readonly FieldNode[],
  build: () => Promise<T>,
): Promise<T> {
  const anchor = nodes[0];
  if (anchor?.kind !== Kind.FIELD) return build();
  return remembered(
    statements,
    anchor,
    // The viewer too: no condition reads it today, none may be shared with another user if one does.
    JSON.stringify([Boolean(c.exact), agencyOf(ctx), ctx.viewer?.userId, today(), c.variableValues]),
    build,
  );
}
