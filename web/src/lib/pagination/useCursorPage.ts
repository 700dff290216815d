import { useCallback, useState } from 'react';

export interface PageInfoLike {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

type Position = { after?: string; before?: string };

/**
 * Keyset pagination state for a root connection: the variables for the current page
 * (`first`/`after` going forward, `last`/`before` going back) and moves between pages.
 * Call `reset()` when the filter or order changes.
 */
export function useCursorPage(pageSize = 25) {
  const [position, setPosition] = useState<Position>({});
  const variables = position.before
    ? { last: pageSize, before: position.before }
    : { first: pageSize, after: position.after };
  const isFirstPage = !position.after && !position.before;
  return {
    variables,
    isFirstPage,
    next: useCallback((pageInfo: PageInfoLike) => {
      if (pageInfo.endCursor) setPosition({ after: pageInfo.endCursor });
    }, []),
    previous: useCallback((pageInfo: PageInfoLike) => {
      if (pageInfo.startCursor) setPosition({ before: pageInfo.startCursor });
    }, []),
    reset: useCallback(() => setPosition({}), []),
    /** Whether there are pages before or after this one (a backward page knows its next from having come from it). */
    hasPrevious: (pageInfo: PageInfoLike) => (position.before ? pageInfo.hasPreviousPage : !isFirstPage),
    hasNext: (pageInfo: PageInfoLike) => (position.before ? true : pageInfo.hasNextPage),
  };
}

export type CursorPage = ReturnType<typeof useCursorPage>;
