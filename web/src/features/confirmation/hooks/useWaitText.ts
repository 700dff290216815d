import { useCallback } from 'react';
import { useFormat } from '../../../lib/i18n/useFormat';

/** A wait the server asked for, as words in the UI's language: "42 seconds", "5 minutes" (rounded up). */
export function useWaitText(): (seconds: number) => string {
  const { formatNumber } = useFormat();
  return useCallback(
    (seconds: number) =>
      seconds < 60
        ? formatNumber(seconds, { style: 'unit', unit: 'second', unitDisplay: 'long' })
        : formatNumber(Math.ceil(seconds / 60), { style: 'unit', unit: 'minute', unitDisplay: 'long' }),
    [formatNumber],
  );
}
