import { useCallback, useState } from 'react';

/** The rows of one page of every list (pages, panels), unless a list has a reason to differ. */
export const PAGE_SIZE = 25;

export interface PageInfoLike {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/**
 * Where the list stands, under the filter it was reached with: the end cursors of the pages
 * passed going forward (the last one is the current page's `after`), or a `before` cursor.
 */
type Position = { key: string; trail: readonly string[]; before?: string };

export interface ListPageOptions {
  pageSize?: number;
  /**
   * The connection only pages forward (`first`/`after`, e.g. offset cursors): Previous goes back
   * through the cursors already passed instead of asking for `last`/`before`.
   */
  forwardOnly?: boolean;
}

/**
 * The keyset pages of a list (page or panel): the `first`/`after` (or `last`/`before`) variables to
 * spread into the list's query, and moves between pages for ConnectionPager.
 *
 * `filter` is everything that selects or orders the rows (filter, order, parent id). A cursor is
 * kept with the filter it was reached under, so when the filter changes the same render already
 * asks for the first page: no request ever goes out with the new filter under the old cursor, and
 * no effect has to reset anything. Filters kept in the URL come from `useUrlParam`/`useUrlSearch`.
 */
export function useListPage(filter: unknown, { pageSize = PAGE_SIZE, forwardOnly = false }: ListPageOptions = {}) {
  const key = JSON.stringify(filter) ?? '';
  const [stored, setStored] = useState<Position>({ key, trail: [] });
  const position: Position = stored.key === key ? stored : { key, trail: [] };
  const variables = position.before
    ? { last: pageSize, before: position.before }
    : { first: pageSize, after: position.trail.at(-1) };
  const isFirstPage = !position.before && position.trail.length === 0;
  const { trail } = position;
  return {
    variables,
    isFirstPage,
    next: useCallback(
      (pageInfo: PageInfoLike) => {
        const end = pageInfo.endCursor;
        if (end) setStored({ key, trail: forwardOnly ? [...trail, end] : [end] });
      },
      [key, trail, forwardOnly],
    ),
    previous: useCallback(
      (pageInfo: PageInfoLike) => {
        if (forwardOnly) setStored({ key, trail: trail.slice(0, -1) });
        else if (pageInfo.startCursor) setStored({ key, trail: [], before: pageInfo.startCursor });
      },
      [key, trail, forwardOnly],
    ),
    /** Whether there are pages before or after this one (a backward page knows its next from having come from it). */
    hasPrevious: (pageInfo: PageInfoLike) => (position.before ? pageInfo.hasPreviousPage : !isFirstPage),
    hasNext: (pageInfo: PageInfoLike) => (position.before ? true : pageInfo.hasNextPage),
  };
}

export type ListPage = ReturnType<typeof useListPage>;
