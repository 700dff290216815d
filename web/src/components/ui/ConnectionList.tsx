import type { ReactNode } from 'react';
import type { ListPage, PageInfoLike } from '../../lib/pagination/useListPage';
import { ConnectionPager } from './ConnectionPager';
import { QueryError } from './QueryError';
import { Spinner } from './Spinner';

export interface ConnectionListProps<C extends { pageInfo: PageInfoLike; totalCount: number }> {
  /** The list's connection as last received (`(data ?? previousData)?.list`); undefined while loading. */
  connection: C | undefined;
  /** The query's error: shown with Retry when there is nothing to show instead. */
  error: unknown;
  refetch: () => Promise<unknown>;
  /** The Spinner's label while the first page loads. */
  loadingLabel: string;
  /** The list's useListPage(). */
  page: Pick<ListPage, 'hasPrevious' | 'hasNext' | 'previous' | 'next'>;
  /** "12 users", already translated and pluralised. */
  summary: (totalCount: number) => string;
  /** The rows (a table with its empty state). */
  children: (connection: C) => ReactNode;
}

/** A paged list's states: error with Retry, loading, or its rows with the pager below them. */
export function ConnectionList<C extends { pageInfo: PageInfoLike; totalCount: number }>({
  connection,
  error,
  refetch,
  loadingLabel,
  page,
  summary,
  children,
}: ConnectionListProps<C>) {
  if (!connection) return error ? <QueryError refetch={refetch} /> : <Spinner size="large" label={loadingLabel} />;
  return (
    <>
      {children(connection)}
      <ConnectionPager connection={connection} page={page} summary={summary(connection.totalCount)} hideWhenEmpty />
    </>
  );
}
