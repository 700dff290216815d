import { Reference } from '@mikro-orm/core';

/**
 * Loads a to-one relation through MikroORM's per-EntityManager dataloader: every reference
 * asked for in the same tick is fetched in one statement (no N+1 in field resolvers).
 */
export function loadRef<T extends object>(entity: T): Promise<T> {
  return Reference.create(entity).loadOrFail({ dataloader: true }) as Promise<T>;
}

export async function loadOptionalRef<T extends object>(entity: T | null | undefined): Promise<T | null> {
  return entity ? loadRef(entity) : null;
}
