/**
 * Merged records are archived: a company or contact merged into another (`mergedInto` set)
 * is hidden from every list, nested list, picker and lookup by this filter, on by default.
 * The few reads that must see it (`company(id)` following a link to a merged record, the
 * merge itself) turn it off by name: `{ filters: { [NOT_MERGED_FILTER]: false } }`.
 * Raw SQL does not see filters: it says `merged_into_id is null` itself.
 */
export const NOT_MERGED_FILTER = 'notMerged';

export const notMergedFilter = {
  name: NOT_MERGED_FILTER,
  entity: ['Company', 'Contact'],
  default: true,
  cond: { mergedInto: null },
};
