import { useState } from 'react';
import { useCursorPage } from '../../../lib/pagination/useCursorPage';

/**
 * Keyset pages that start again from the first one whenever `key` (the filter and order)
 * changes. The reset happens during render, so no request goes out with a stale cursor.
 */
export function useListPage(key: string, pageSize = 25) {
  const page = useCursorPage(pageSize);
  const [seenKey, setSeenKey] = useState(key);
  if (seenKey !== key) {
    setSeenKey(key);
    page.reset();
  }
  return page;
}
