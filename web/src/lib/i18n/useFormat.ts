import { useMemo } from 'react';
import { formatDate, formatMoney, formatMoneyCompact, formatMoneyWhole, formatNumber } from './format';
import { useLanguage } from './useLanguage';

/** The format helpers bound to the current UI language. */
export function useFormat() {
  const [language] = useLanguage();
  return useMemo(
    () => ({
      formatDate: (value: Date | string, options?: Intl.DateTimeFormatOptions) => formatDate(value, language, options),
      formatNumber: (value: number | string, options?: Intl.NumberFormatOptions) =>
        formatNumber(value, language, options),
      formatMoney: (amount: string, currency: string) => formatMoney(amount, currency, language),
      formatMoneyCompact: (amount: string | number, currency: string) => formatMoneyCompact(amount, currency, language),
      formatMoneyWhole: (amount: string | number, currency: string) => formatMoneyWhole(amount, currency, language),
    }),
    [language],
  );
}
