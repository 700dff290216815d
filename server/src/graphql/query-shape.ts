import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** The fragments a document defines, by name. */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/**
 * Nesting depth, number of aliases, of directives and of `__schema` fields, fragments expanded
 * (each fragment measured once). Introspection is deep by nature (GraphiQL, codegen) and bounded
 * by the schema: its levels are not counted, but its aliases, directives and `__schema` fields are.
 */
export interface QueryShape {
  depth: number;
  aliases: number;
  directives: number;
  schemas: number;
}

export function queryShape(document: DocumentNode, operation: OperationDefinitionNode): QueryShape {
  const none: QueryShape = { depth: 0, aliases: 0, directives: 0, schemas: 0 };
  const fragments = fragmentsOf(document);
  const memo = new Map<string, QueryShape>();
  const measure = (set: SelectionSetNode, introspection: boolean): QueryShape => {
    const shape = { ...none };
    for (const selection of set.selections) {
      let inner: QueryShape;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const below = introspection || name.startsWith('__');
        const children = selection.selectionSet ? measure(selection.selectionSet, below) : none;
        inner = {
          depth: below ? 0 : children.depth + 1,
          aliases: children.aliases + (selection.alias ? 1 : 0),
          directives: children.directives,
          schemas: children.schemas + (name === '__schema' ? 1 : 0),
        };
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const key = `${selection.name.value}:${introspection}`;
        if (!memo.has(key)) {
          memo.set(key, none);
          const fragment = fragments.get(selection.name.value);
          memo.set(key, fragment ? measure(fragment.selectionSet, introspection) : none);
        }
        inner = memo.get(key)!;
      } else {
        inner = measure(selection.selectionSet, introspection);
      }
      shape.depth = Math.max(shape.depth, inner.depth);
      shape.aliases += inner.aliases;
      shape.directives += inner.directives + (selection.directives?.length ?? 0);
      shape.schemas += inner.schemas;
    }
    return shape;
  };
  const shape = measure(operation.selectionSet, false);
  return { ...shape, directives: shape.directives + (operation.directives?.length ?? 0) };
}
