import type { ApolloCache } from '@apollo/client';

/** Root lists and lookups a merge changes: they are fetched again when next shown. */
const ROOT_FIELDS = [
  'companies',
  'contacts',
  'company',
  'contact',
  'deals',
  'interactions',
  'missions',
  'mission',
  'search',
  'duplicateCandidates',
  'mergeCompaniesPreview',
  'mergeContactsPreview',
];

/**
 * After a merge: the merged records (archived now) and the kept one (it gained contacts, deals,
 * meetings...) leave the cache, with the lists that showed them, so no screen shows the old state.
 */
export function evictAfterMerge(
  cache: ApolloCache,
  records: readonly { __typename: 'Company' | 'Contact'; id: string }[],
) {
  for (const record of records) cache.evict({ id: cache.identify(record) });
  for (const fieldName of ROOT_FIELDS) cache.evict({ id: 'ROOT_QUERY', fieldName });
  cache.gc();
}
