/** The lists the server exports (GET /export/<list>.<format>, see docs/export.md). */
export type ExportList = 'companies' | 'contacts' | 'deals' | 'interactions' | 'delegation' | 'agenda';
export type ExportFormat = 'csv' | 'xlsx';

export interface ExportQuery {
  /** The list query's `filter` variable, as the page sends it. */
  filter?: unknown;
  /** The list query's `orderBy` variable. */
  orderBy?: unknown;
  missionId?: string;
  day?: string;
}

/** Drops undefined keys (JSON.stringify does too) so an empty filter is no parameter at all. */
function meaningful(value: unknown): boolean {
  if (value == null) return false;
  if (typeof value === 'object') return Object.values(value).some((entry) => entry !== undefined);
  return true;
}

/**
 * The download URL of a list with the page's current filter and order, in the UI's language
 * and the browser's time zone.
 */
export function exportUrl(
  list: ExportList,
  format: ExportFormat,
  query: ExportQuery,
  language: string,
  timeZone: string | undefined = Intl.DateTimeFormat().resolvedOptions().timeZone,
): string {
  const params = new URLSearchParams();
  if (meaningful(query.filter)) params.set('filter', JSON.stringify(query.filter));
  if (meaningful(query.orderBy)) params.set('orderBy', JSON.stringify(query.orderBy));
  if (query.missionId) params.set('missionId', query.missionId);
  if (query.day) params.set('day', query.day);
  params.set('lang', language);
  if (timeZone) params.set('tz', timeZone);
  return `/export/${list}.${format}?${params}`;
}
