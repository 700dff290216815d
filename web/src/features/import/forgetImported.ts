import type { ApolloCache } from '@apollo/client';

/**
 * After an import or its undo, the lists it touched are stale in the cache: they are dropped,
 * so the companies, contacts and the mission's delegation are read again when next shown.
 */
export function forgetImported(cache: ApolloCache, missionId: string | null): void {
  for (const fieldName of ['companies', 'contacts', 'company', 'contact', 'search']) {
    cache.evict({ id: 'ROOT_QUERY', fieldName });
  }
  if (missionId) cache.evict({ id: cache.identify({ __typename: 'Mission', id: missionId }) });
  cache.gc();
}
