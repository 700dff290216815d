import { type EntityClass, type FilterQuery, QueryOrder } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OrderDirection, type OrderSpec } from '../../shared/connection.js';

/** Rows read per statement: memory holds one batch at a time, whatever the list's size. */
export const EXPORT_BATCH_SIZE = 1000;

/** A row's cells by column field; `rowKey` (when the list's key is not the `id` column) is not written. */
export type Row = Record<string, string | Date | null>;

/**
 * Ids of the matching records in the list's order (sort key, then id), a batch at a time, with
 * the same keyset cursors as the list's pages (shared/connection.ts `paginate`). Only id and
 * sort key are loaded, and the identity map is emptied after each batch.
 */
export async function* keyBatches<T extends { id: string }>(
  em: EntityManager,
  entity: EntityClass<T>,
  condition: FilterQuery<T>,
  order: OrderSpec,
  size: number,
): AsyncGenerator<string[]> {
  const direction = order.direction === OrderDirection.DESC ? QueryOrder.DESC : QueryOrder.ASC;
  const orderBy = order.field === 'id' ? { id: direction } : { [order.field]: direction, id: direction };
  let after: string | undefined;
  for (;;) {
    const cursor = await em.findByCursor(entity, {
      where: condition,
      orderBy: orderBy as never,
      first: size,
      after,
      includeCount: false,
      fields: (order.field === 'id' ? ['id'] : ['id', order.field]) as never,
    } as never);
    const items = [...cursor.items] as T[];
    if (items.length > 0) yield items.map((item) => item.id);
    if (!cursor.hasNextPage || items.length === 0) return;
    after = cursor.from(items.at(-1) as never);
    em.clear();
  }
}

/** Runs `details` for each batch of ids and hands back its rows in the ids' order. */
export async function* rowBatches(
  keys: AsyncGenerator<string[]>,
  details: (ids: string[]) => Promise<Row[]>,
): AsyncGenerator<Row[]> {
  for await (const ids of keys) {
    const byId = new Map((await details(ids)).map((row) => [(row.rowKey ?? row.id) as string, row]));
    yield ids.map((id) => byId.get(id)).filter((row): row is Row => row !== undefined);
  }
}
