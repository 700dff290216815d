import { Cursor, type EntityClass, type FilterQuery, QueryOrder } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { ArgsType, type ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorCode } from '../graphql/errors.js';
import { requestLanguage } from '../log/request-scope.js';
import { checkCursor, cursorRefused } from './cursor.js';
import { countRows } from './live-count.js';
import { msg, render } from './messages/index.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, { name: 'OrderDirection' });

@ObjectType({ description: 'Where a page sits in a list (Relay).' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size from the start, at most ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item already seen.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page size from the end, at most ${MAX_PAGE_SIZE}.` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item already seen.' })
  before?: string | null;
}

/**
 * What a forged cursor value of the wrong type makes fail: PostgreSQL's "invalid input syntax"
 * family, its refusals of NUL and of characters the encoding has not (22021, 22P05), a comparison
 * of the key's type with a value of another (42883: `name <= 0`).
 */
export function isBadValueError(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return ['22P02', '22007', '22008', '22003', '22021', '22P05', '42883'].includes(code ?? '');
}

export function badInput(message: string, argumentName?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName } });
}

/**
 * The one page-size check: `size` (the argument `argument`, DEFAULT_PAGE_SIZE when omitted) is an
 * integer from 0 to `max` (MAX_PAGE_SIZE unless the list says less).
 */
export function checkPageSize(
  size: number | null | undefined,
  argument: 'first' | 'last' = 'first',
  limits: { max: number; fallback: number } = { max: MAX_PAGE_SIZE, fallback: DEFAULT_PAGE_SIZE },
): number {
  const checked = size ?? limits.fallback;
  if (!Number.isInteger(checked) || checked < 0 || checked > limits.max) {
    throw badInput(
      render(msg('pageSizeOutOfRange', { field: argument, max: limits.max }), requestLanguage()),
      argument,
    );
  }
  return checked;
}

/** Checks Relay arguments; the page size asked for, and its direction. */
export function pageSize(args: PageArgs): { size: number; backwards: boolean } {
  if (args.first != null && args.last != null) throw badInput(render(msg('pageBothDirections'), requestLanguage()));
  const backwards = args.last != null || (args.before != null && args.first == null);
  const size = backwards ? checkPageSize(args.last, 'last') : checkPageSize(args.first, 'first');
  return { size, backwards };
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What a connection resolver returns; `count` runs only when a client asks for totalCount. */
export interface ConnectionData<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  count: () => Promise<number>;
}

export interface ConnectionShape<T> extends ConnectionData<T> {
  nodes: T[];
  totalCount(): Promise<number>;
}

// One class per node type; the map forgets T, so lookups cast back to the caller's node type.
const connectionTypes = new Map<Function, ClassType<ConnectionShape<object>>>();

/** `<Name>Connection` and `<Name>Edge` types for a node type (one per node type). */
export function ConnectionType<T extends object>(
  node: ClassType<T>,
  name: string = node.name,
): ClassType<ConnectionShape<T>> {
  const existing = connectionTypes.get(node);
  if (existing) return existing as ClassType<ConnectionShape<T>>;

  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} records.` })
  class ConnectionClass implements ConnectionShape<T> {
    @Field(() => [EdgeType])
    edges!: Edge<T>[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    count!: () => Promise<number>;

    @Field(() => [node], { description: 'The nodes of the edges, for clients that need no cursors.' })
    get nodes(): T[] {
      return this.edges.map((edge) => edge.node);
    }

    @Field(() => Int, { description: 'How many records match the filter, across all pages.' })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  connectionTypes.set(node, ConnectionClass);
  return ConnectionClass;
}

export function toConnection<T extends object>(data: ConnectionData<T>): ConnectionShape<T> {
  const connection = Object.create(ConnectionPrototype) as ConnectionShape<T>;
  return Object.assign(connection, data);
}

const ConnectionPrototype = {
  get nodes() {
    return (this as unknown as ConnectionData<object>).edges.map((edge) => edge.node);
  },
  totalCount() {
    return (this as unknown as ConnectionData<object>).count();
  },
};

export interface OrderSpec {
  /** Entity property to sort by; `id` is always added to break ties. */
  field: string;
  direction: OrderDirection;
}

/**
 * Keyset pagination of a root list with MikroORM's cursors: the cursor encodes the sort key
 * and the id, the next page is `(key, id) > (:key, :id)`. Runs through the scoped
 * EntityManager, so the agency filter applies to pages, cursors and counts alike.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  order: OrderSpec,
  args: PageArgs,
): Promise<ConnectionShape<T>> {
  const { size, backwards } = pageSize(args);
  const direction = order.direction === OrderDirection.DESC ? QueryOrder.DESC : QueryOrder.ASC;
  const orderBy = order.field === 'id' ? { id: direction } : { [order.field]: direction, id: direction };
  const keys = order.field === 'id' ? 1 : 2;
  const keyType: string | undefined = em
    .getMetadata()
    .find(entity)
    ?.root.props.find((prop) => prop.name === order.field)?.runtimeType;
  checkCursor(args.after, keys, 'after', keyType);
  checkCursor(args.before, keys, 'before', keyType);
  let cursor: Cursor<T, never, never, never, false>;
  try {
    cursor = await em.findByCursor(entity, {
      where,
      orderBy: orderBy as never,
      includeCount: false,
      ...(backwards
        ? { last: size, before: args.before ?? undefined }
        : { first: size, after: args.after ?? undefined }),
    } as never);
  } catch (error) {
    if (
      (error as Error).name === 'CursorError' ||
      (error as Error).message?.includes('cursor') ||
      isBadValueError(error)
    ) {
      throw cursorRefused(backwards ? 'before' : 'after');
    }
    throw error;
  }
  const items = [...cursor.items] as T[];
  const edges = items.map((node) => ({ node, cursor: cursor.from(node as never) }));
  return toConnection({
    edges,
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: cursor.hasPrevPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    count: () => countRows(em, entity, where),
  });
}
