import { Cursor, type EntityClass, type EntityManager } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../graphql/errors.js';
import { requestLanguage } from '../log/request-scope.js';
import { isUuid } from './ids.js';
import { msg, render } from './messages/index.js';
import { isUnstorableText } from './storable-text.js';

/**
 * Cursors, the one encoding and the one check. A cursor is the values of a page's last row's
 * sort key and id, as a JSON array in base64url (MikroORM's own `Cursor` encoding, so the
 * cursors of `paginate` and of the batched pages are alike). A cursor coming back from a client
 * is decoded with `decodeCursor`, which checks each value against what the list's order holds:
 * anything else was not made by us and is refused as BAD_USER_INPUT before it reaches SQL.
 */
export function encodeCursor(values: readonly unknown[]): string {
  return Cursor.encode([...values]);
}

/** The cursor of an entity for an order (`{ field: 'asc', id: 'asc' }`): its values of those properties. */
export function cursorFor<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  node: T,
  orderBy: Record<string, string>,
): string {
  return Cursor.for(em.getMetadata().get(entity), node as never, orderBy as never);
}

/** What one position of a cursor may hold. */
export type CursorValue = (value: unknown) => boolean;

/** A text a database can store (no NUL, no lone surrogate). */
export const isText: CursorValue = (value) => typeof value === 'string' && !isUnstorableText(value);
export const isId: CursorValue = (value) => typeof value === 'string' && isUuid(value);
export const isFiniteNumber: CursorValue = (value) => typeof value === 'number' && Number.isFinite(value);
export const isInstant: CursorValue = (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value));
export const isScalar: CursorValue = (value) =>
  value === null || typeof value === 'number' || typeof value === 'boolean' || isText(value);

/** A sort key of a property's runtime type (`Date`, `string`, `number`, `boolean`; any scalar when unknown). */
export function keyOfType(keyType: string | undefined): CursorValue {
  return (value) => {
    if (!isScalar(value)) return false;
    if (value === null || keyType === undefined) return true;
    if (keyType === 'Date') return isInstant(value);
    if (keyType === 'string' || keyType === 'number' || keyType === 'boolean') return typeof value === keyType;
    return true;
  };
}

/** Decodes a client's cursor, one check per position; refuses (BAD_USER_INPUT) anything else. */
export function decodeCursor(cursor: string, positions: readonly CursorValue[], argumentName = 'after'): unknown[] {
  let values: unknown;
  try {
    values = Cursor.decode(cursor);
  } catch {
    values = undefined;
  }
  if (
    !Array.isArray(values) ||
    values.length !== positions.length ||
    !positions.every((fits, index) => fits(values[index]))
  ) {
    throw cursorRefused(argumentName);
  }
  return values;
}

/**
 * Checks the cursor of a keyset page on `keys` values (the sort key, if any, then the id),
 * the key of the property's runtime type when it is known. Its values, when there is one.
 */
export function checkCursor(
  cursor: string | null | undefined,
  keys: number,
  argumentName: string,
  keyType?: string,
): unknown[] | undefined {
  if (cursor == null) return undefined;
  return decodeCursor(cursor, keys > 1 ? [keyOfType(keyType), isId] : [isId], argumentName);
}

/** The refusal of a cursor that is not one of the list's (also when the database refuses its values). */
export function cursorRefused(argumentName = 'after'): GraphQLError {
  return new GraphQLError(render(msg('cursorInvalid'), requestLanguage()), {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName },
  });
}
