import { useCallback, useState } from 'react';

/** The rows of one page of every list (pages, panels), unless a list has a reason to differ. */
export const PAGE_SIZE = 25;

/** The lists that differ, and why. The server's largest page: lists a screen shows whole (a delegation, an agenda). */
export const MAX_PAGE_SIZE = 100;
/** The search palette's hits. */
export const SEARCH_PAGE_SIZE = 12;
/** Pairs of likely duplicates per page. */
export const DUPLICATES_PAGE_SIZE = 20;
/** An import's preview rows per page, and the look-alikes it asks a decision on at most. */
export const IMPORT_PREVIEW_PAGE_SIZE = 50;
export const IMPORT_DUPLICATES_SHOWN = 500;
/** The contacts offered when planning a meeting. */
export const CONTACT_CHOICES = 50;
/** The dashboard: the viewer's next open tasks, the week's meetings, the pipelines whose open value it sums. */
export const DASHBOARD_TASKS = 20;
export const DASHBOARD_MEETINGS = 50;
export const DASHBOARD_PIPELINES = 20;
/** The companies a picker suggests as one types. */
export const PICKER_SUGGESTIONS = 8;
/** The company page: its contacts, tasks and deals (each side), its missions, and each deal's last stage changes in its timeline. */
export const COMPANY_PANEL_ROWS = 50;
export const COMPANY_MISSIONS = 20;
export const TIMELINE_STAGE_CHANGES = 20;
/** The pipeline board: the pipelines it switches between, and a deal's meetings in its drawer. */
export const PIPELINE_CHOICES = 50;
/** Cards per page of a board column: the board's first page (its $stagePageSize) and each "Show more". */
export const STAGE_PAGE_SIZE = 30;
export const DEAL_MEETINGS = 50;

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
