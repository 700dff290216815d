import { useCallback } from 'react';
import { useFormat } from '../../../lib/i18n/useFormat';

/** Money on the board, in whole units ("12 000 000 RUB"): cents add noise to a column of deals. */
export function useCompactMoney() {
  const { formatNumber } = useFormat();
  return useCallback(
    (amount: string, currency: string) =>
      formatNumber(amount, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }),
    [formatNumber],
  );
}
