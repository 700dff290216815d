/**
 * The items of an array `useFragment` result: nulls (records no longer in the cache) left out.
 * A complete result is exactly the fragment's type; the items of a partial one are shown as far
 * as they go, which only happens briefly while the cache is being rewritten.
 */
export function fragmentRows<T>(data: readonly unknown[] | undefined): T[] {
  return (data ?? []).filter((item): item is T => item !== null && item !== undefined);
}
