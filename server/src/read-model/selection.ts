import {
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLIncludeDirective,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getDirectiveValues,
  Kind,
  type SelectionSetNode,
} from 'graphql';

/**
 * What a query selects of one object type, read the way graphql-js executes it (fragments and
 * inline fragments of that type merged in, `@skip`/`@include` applied), for the compiled reads:
 * field name -> the field's nodes. `undefined` when the selection is one the compiled reads do
 * not answer (an alias, which would name a key the SQL does not build; a fragment on an interface
 * or on another type): the caller then takes the resolvers' path.
 */
export type Selection = Map<string, FieldNode[]>;

/** The meta field every selection may hold: the answer names the object's type there. */
export const TYPENAME = '__typename';

/** Whether the selection asks for no field but these (and `__typename`). */
export function selectsOnly(selection: Selection, fields: readonly string[]): boolean {
  return [...selection.keys()].every((key) => key === TYPENAME || fields.includes(key));
}

export interface SelectionContext {
  fragments: GraphQLResolveInfo['fragments'];
  variableValues: GraphQLResolveInfo['variableValues'];
}

function included(
  node: FieldNode | FragmentDefinitionNode | SelectionSetNode['selections'][number],
  ctx: SelectionContext,
) {
  if (!('directives' in node) || !node.directives?.length) return true;
  const skip = getDirectiveValues(GraphQLSkipDirective, node, ctx.variableValues);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, ctx.variableValues);
  return include?.if !== false;
}

function collect(
  set: SelectionSetNode,
  typeName: string,
  ctx: SelectionContext,
  into: Selection,
  byResponseKey = false,
): boolean {
  for (const selection of set.selections) {
    if (!included(selection, ctx)) continue;
    if (selection.kind === Kind.FIELD) {
      // `__typename` keeps its place: the exact answers (text-answers.ts) spell it there.
      if (!byResponseKey && selection.alias && selection.alias.value !== selection.name.value) return false;
      const key = byResponseKey ? (selection.alias ?? selection.name).value : selection.name.value;
      const nodes = into.get(key) ?? [];
      nodes.push(selection);
      into.set(key, nodes);
    } else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? ctx.fragments[selection.name.value] : selection;
      if (!fragment) return false;
      const on = fragment.typeCondition?.name.value;
      if (on !== undefined && on !== typeName) return false;
      if (!collect(fragment.selectionSet, typeName, ctx, into, byResponseKey)) return false;
    }
  }
  return true;
}

/** The fields selected on `typeName` by these field nodes' selection sets, merged. */
export function selectionOf(
  nodes: readonly FieldNode[],
  typeName: string,
  ctx: SelectionContext,
): Selection | undefined {
  const into: Selection = new Map();
  for (const node of nodes) {
    if (node.selectionSet && !collect(node.selectionSet, typeName, ctx, into)) return undefined;
  }
  return into;
}

/**
 * The fields selected on `typeName` by an operation's selection set (its root fields), by
 * response key: a root field's alias names the key, which JavaScript writes (text-answers.ts).
 */
export function rootSelection(set: SelectionSetNode, typeName: string, ctx: SelectionContext): Selection | undefined {
  const into: Selection = new Map();
  return collect(set, typeName, ctx, into, true) ? into : undefined;
}

/** The sub-selection of one field of a selection (its nodes' selection sets merged). */
export function subSelection(selection: Selection, field: string, typeName: string, ctx: SelectionContext) {
  return selectionOf(selection.get(field) ?? [], typeName, ctx);
}
