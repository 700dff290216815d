import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
} from 'graphql';
import { fragmentsOf } from './query-shape.js';

/**
 * The cost of a request, in points (docs/api.md, "Cost"). Counted on the operation as it will
 * run (fragments expanded, @skip/@include and variables honoured):
 * - a scalar or enum field: 0;
 * - a field returning an object (`deal.company`, `viewer`): 1, plus the fields selected on it;
 *   a plain list of objects (a pipeline's stages) counts as `listSize` objects;
 * - a connection with page size n (`first` or `last`, default 20): 1 for the page, plus n times
 *   (1 + the fields selected on one node), for `nodes` and for `edges { node }` each;
 *   `totalCount` 1; `pageInfo`, `edges` and `cursor` 0. A connection inside a connection
 *   is counted for each parent node: nested pages multiply;
 * - a mutation's root field: `mutationCost`, plus its payload;
 * - a field may set its own cost with type-graphql's `complexity` option (`@Field({ complexity: 5 })`),
 *   which replaces the 1 (or the 0 of a scalar) above;
 * - a field whose answer repeats per something its arguments say (exportValue's rows, per calendar
 *   period) declares `@Extensions({ selectionRepeats: (args) => n })`: its selection counts n times
 *   in the requested cost (the actual cost counts what came back);
 * - introspection: `__schema` and `__type` 1, and the objects below them as above, except that
 *   `__schema.types` counts as many objects as the schema has types, and the other lists
 *   of introspection (`fields`, `args`, ...) as one: they are bounded by the schema.
 *
 * `requestedCost` is the upper bound computed before execution, from the page sizes asked for;
 * `actualCost` counts the same way on the response, with the number of items really returned.
 */
export interface CostModel {
  defaultPageSize: number;
  listSize: number;
  mutationCost: number;
}

type Variables = Record<string, unknown>;

/** A Relay connection type: `<Name>Connection` with `edges` and `pageInfo`. */
export function isConnectionType(type: GraphQLNamedType): type is GraphQLObjectType {
  if (!isObjectType(type) || !type.name.endsWith('Connection')) return false;
  const fields = type.getFields();
  return 'edges' in fields && 'pageInfo' in fields;
}

/**
 * The cost of a member of a connection, requested or actual alike: `edges` and `nodes` cost their
 * items (`items(each)`: each item's own cost, 0 for an edge, plus its selection), `totalCount` 1 and
 * `pageInfo` nothing unless the schema says otherwise; undefined for any other field.
 */
function connectionMemberCost(
  name: string,
  own: number | undefined,
  items: (each: number) => number,
): number | undefined {
  switch (name) {
    case 'edges':
      return items(0);
    case 'nodes':
      return items(own ?? 1);
    case 'totalCount':
      return own ?? 1;
    case 'pageInfo':
      return own ?? 0;
    default:
      return undefined;
  }
}

function ownCost(field: GraphQLField<unknown, unknown>): number | undefined {
  const complexity = field.extensions?.complexity;
  return typeof complexity === 'number' ? complexity : undefined;
}

/** How many times the selection of `field` counts, from its arguments (1 unless it says otherwise). */
function selectionRepeats(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Variables): number {
  const repeats = field.extensions?.selectionRepeats;
  if (typeof repeats !== 'function') return 1;
  try {
    const n = Number(repeats(getArgumentValues(field, node, variables)));
    return Number.isFinite(n) && n > 1 ? n : 1;
  } catch {
    return 1; // bad arguments fail in execution, before any resolver reads them
  }
}

function isList(field: GraphQLField<unknown, unknown>): boolean {
  return isListType(getNullableType(field.type));
}

function fieldOf(type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__typename') return TypeNameMetaFieldDef;
  if (name === '__schema') return SchemaMetaFieldDef;
  if (name === '__type') return TypeMetaFieldDef;
  if (!isObjectType(type) && !isInterfaceType(type)) return undefined;
  return type.getFields()[name];
}

function typeCondition(
  schema: GraphQLSchema,
  name: string | undefined,
  fallback?: GraphQLCompositeType,
): GraphQLCompositeType | undefined {
  const type = name ? schema.getType(name) : fallback;
  return type && isCompositeType(type) ? type : undefined;
}

/** The fields of the operation, as the executor sees them: what @skip and @include leave in. */
function included(node: { directives?: readonly unknown[] }, variables: Variables): boolean {
  if (!node.directives?.length) return true;
  try {
    if (getDirectiveValues(GraphQLSkipDirective, node as FieldNode, variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node as FieldNode, variables)?.if !== false;
  } catch {
    return true;
  }
}

class RequestedCost {
  private readonly fragments: Map<string, FragmentDefinitionNode>;
  /** Cost of each fragment (per page size, for fragments on connections): a fragment used a
   * thousand times is walked once, so a "fragment bomb" cannot make the count itself slow. */
  private readonly memo = new Map<string, number>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly variables: Variables,
    private readonly model: CostModel,
  ) {
    this.fragments = fragmentsOf(document);
  }

  operation(operation: OperationDefinitionNode): number {
    const root =
      operation.operation === 'mutation'
        ? this.schema.getMutationType()
        : operation.operation === 'subscription'
          ? this.schema.getSubscriptionType()
          : this.schema.getQueryType();
    if (!root) return 0;
    return this.selectionSet(operation.selectionSet, root, 0, operation.operation === 'mutation');
  }

  fragment(name: string, pageSize: number): number {
    const key = `${name}:${pageSize}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    this.memo.set(key, 0); // validation forbids cycles; this only guards the walk
    const fragment = this.fragments.get(name);
    const type = fragment && typeCondition(this.schema, fragment.typeCondition.name.value);
    const cost = fragment && type ? this.selectionSet(fragment.selectionSet, type, pageSize) : 0;
    this.memo.set(key, cost);
    return cost;
  }

  /** Cost of a selection on one object of `type`; `pageSize` when `type` is a connection. */
  selectionSet(set: SelectionSetNode, type: GraphQLCompositeType, pageSize: number, rootMutation = false): number {
    let total = 0;
    for (const selection of set.selections) {
      if (!included(selection, this.variables)) continue;
      if (selection.kind === Kind.FIELD) total += this.field(selection, type, pageSize, rootMutation);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) total += this.fragment(selection.name.value, pageSize);
      else {
        const inner = typeCondition(this.schema, selection.typeCondition?.name.value, type);
        if (inner) total += this.selectionSet(selection.selectionSet, inner, pageSize, rootMutation);
      }
    }
    return total;
  }

  field(node: FieldNode, parent: GraphQLCompositeType, pageSize: number, rootMutation: boolean): number {
    if (node.name.value === '__typename') return 0;
    const field = fieldOf(parent, node.name.value);
    if (!field) return 0;
    const named = getNamedType(field.type);
    const own = ownCost(field);
    if (isConnectionType(parent)) {
      const member = connectionMemberCost(
        node.name.value,
        own,
        (each) => pageSize * (each + this.children(node, named)),
      );
      if (member !== undefined) return member;
    }
    if (isLeafType(named)) return own ?? 0;
    const base = rootMutation ? this.model.mutationCost : (own ?? 1);
    if (isConnectionType(named)) {
      return base + this.children(node, named, this.pageSize(field, node));
    }
    const one = base + selectionRepeats(field, node, this.variables) * this.children(node, named);
    if (!isList(field)) return one;
    if (parent.name.startsWith('__')) {
      // Introspection: the list of types is the breadth; the others are bounded by the schema.
      return parent.name === '__Schema' && node.name.value === 'types'
        ? Object.keys(this.schema.getTypeMap()).length * one
        : one;
    }
    return this.model.listSize * one;
  }

  private children(node: FieldNode, type: GraphQLNamedType, pageSize = 0): number {
    if (!node.selectionSet || !isCompositeType(type)) return 0;
    return this.selectionSet(node.selectionSet, type, pageSize);
  }

  /** `first` or `last` as the resolver will read it, variables and defaults included. */
  private pageSize(field: GraphQLField<unknown, unknown>, node: FieldNode): number {
    let args: Record<string, unknown> = {};
    try {
      args = getArgumentValues(field, node, this.variables);
    } catch {
      // Bad arguments fail in execution, before any resolver reads them.
    }
    const sizes = [args.first, args.last].filter((value): value is number => typeof value === 'number');
    const size = sizes.length > 0 ? Math.max(...sizes) : this.model.defaultPageSize;
    return Math.max(0, size);
  }
}

/** The most a request can cost, from the page sizes it asks for: computed before execution. */
export function requestedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  model: CostModel,
): number {
  return new RequestedCost(schema, document, variables, model).operation(operation);
}

type Data = Record<string, unknown>;

class ActualCost {
  private readonly fragments: Map<string, FragmentDefinitionNode>;

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly model: CostModel,
    /** The requested walk, to skip fragments that cost nothing without walking them per item. */
    private readonly requested: RequestedCost,
  ) {
    this.fragments = fragmentsOf(document);
  }

  selectionSet(set: SelectionSetNode, type: GraphQLCompositeType, data: Data, rootMutation = false): number {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) total += this.field(selection, type, data, rootMutation);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = this.fragments.get(selection.name.value);
        const inner = fragment && typeCondition(this.schema, fragment.typeCondition.name.value, type);
        // A fragment on a connection costs at least the page (1), so 1 as the page size tells "free" apart.
        if (fragment && inner && this.requested.fragment(selection.name.value, 1) > 0) {
          total += this.selectionSet(fragment.selectionSet, inner, data);
        }
      } else {
        const inner = typeCondition(this.schema, selection.typeCondition?.name.value, type);
        if (inner) total += this.selectionSet(selection.selectionSet, inner, data, rootMutation);
      }
    }
    return total;
  }

  private field(node: FieldNode, parent: GraphQLCompositeType, data: Data, rootMutation: boolean): number {
    const key = node.alias?.value ?? node.name.value;
    if (node.name.value === '__typename' || !(key in data)) return 0;
    // Introspection answers from the schema: it costs what was requested, once it is in the response.
    if (node.name.value.startsWith('__')) {
      return data[key] == null ? 0 : this.requested.field(node, parent, 0, false);
    }
    const field = fieldOf(parent, node.name.value);
    if (!field) return 0;
    const named = getNamedType(field.type);
    const own = ownCost(field);
    const value = data[key];
    if (isConnectionType(parent)) {
      const items = Array.isArray(value) ? (value as (Data | null)[]) : [];
      const member = connectionMemberCost(node.name.value, own, (each) =>
        items.reduce((sum, item) => sum + each + (item ? this.children(node, named, item) : 0), 0),
      );
      if (member !== undefined) return member;
    }
    if (isLeafType(named)) return own ?? 0;
    const base = rootMutation ? this.model.mutationCost : (own ?? 1);
    if (Array.isArray(value)) {
      return (value as (Data | null)[]).reduce(
        (sum, item) => sum + base + (item ? this.children(node, named, item) : 0),
        0,
      );
    }
    return base + (value ? this.children(node, named, value as Data) : 0);
  }

  private children(node: FieldNode, type: GraphQLNamedType, data: Data): number {
    if (!node.selectionSet || !isCompositeType(type)) return 0;
    return this.selectionSet(node.selectionSet, type, data);
  }
}

/** The cost of what the response holds: the requested cost with the page sizes really returned. */
export function actualCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  data: Data,
  model: CostModel,
): number {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return 0;
  const requested = new RequestedCost(schema, document, variables, model);
  return new ActualCost(schema, document, model, requested).selectionSet(
    operation.selectionSet,
    root,
    data,
    operation.operation === 'mutation',
  );
}
