import { useCallback } from 'react';
import type { SortState } from '../../components/ui/DataTable';
import { useUrlParam } from './useUrlSearch';

/** `?sort=name` / `?sort=-created`: a list's order as it appears in the URL. */
function parseSort<F extends string>(param: string, fields: Record<string, F>, fallback: SortState<F>): SortState<F> {
  const descending = param.startsWith('-');
  const field = fields[descending ? param.slice(1) : param];
  return field ? { field, direction: descending ? 'DESC' : 'ASC' } : fallback;
}

/** The URL value of an order; '' for the default one, to keep links short. */
function serializeSort<F extends string>(
  sort: SortState<F>,
  fields: Record<string, F>,
  fallback: SortState<F>,
): string {
  if (sort.field === fallback.field && sort.direction === fallback.direction) return '';
  const key = Object.keys(fields).find((name) => fields[name] === sort.field);
  if (!key) return '';
  return sort.direction === 'DESC' ? `-${key}` : key;
}

/**
 * A list's order kept in the URL (`?sort=`), by the names in `fields` (URL name → order field);
 * `fallback` when the URL names none (and then the URL stays without `sort`).
 */
export function useUrlSort<F extends string>(
  fields: Record<string, F>,
  fallback: SortState<F>,
): [SortState<F>, (sort: SortState<F>) => void] {
  const [param, setParam] = useUrlParam('sort');
  const sort = parseSort(param, fields, fallback);
  const setSort = useCallback(
    (next: SortState<F>) => setParam(serializeSort(next, fields, fallback)),
    [setParam, fields, fallback],
  );
  return [sort, setSort];
}
