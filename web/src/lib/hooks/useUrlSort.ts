import type { SortState } from '../../components/ui/DataTable';

/** `?sort=name` / `?sort=-created`: a list's order as it appears in the URL. */
export function parseSort<F extends string>(
  param: string,
  fields: Record<string, F>,
  fallback: SortState<F>,
): SortState<F> {
  const descending = param.startsWith('-');
  const field = fields[descending ? param.slice(1) : param];
  return field ? { field, direction: descending ? 'DESC' : 'ASC' } : fallback;
}

/** The URL value of an order; '' for the default one, to keep links short. */
export function serializeSort<F extends string>(
  sort: SortState<F>,
  fields: Record<string, F>,
  fallback: SortState<F>,
): string {
  if (sort.field === fallback.field && sort.direction === fallback.direction) return '';
  const key = Object.keys(fields).find((name) => fields[name] === sort.field);
  if (!key) return '';
  return sort.direction === 'DESC' ? `-${key}` : key;
}
