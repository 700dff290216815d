import { useTranslation } from 'react-i18next';

/** "420 000,50" or "420000.5" → "420000.50"-style decimal the API accepts; null when it is not one. */
function normalizeAmount(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(compact)) return null;
  return compact;
}

function normalizeCurrency(text: string): string | null {
  const code = text.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? code : null;
}

export interface DealFormErrors {
  [field: string]: string | undefined;
}

/** The names of the form's fields, as the API's userErrors name them (after "input"). */
export const DEAL_FIELDS = [
  'title',
  'exporterId',
  'buyerId',
  'amount',
  'currency',
  'expectedCloseOn',
  'ownerId',
  'sourceMissionId',
  'stageId',
  'products',
  'lostReason',
  'fromInteractionId',
] as const;

/** What both deal forms (new, edit) check before sending. */
export interface DealCoreInput {
  title: string;
  exporter: unknown;
  amount: string;
  currency: string;
}

/**
 * The checks both deal forms make before sending (a title, an exporter, an amount and a currency
 * the API takes), with the amount and currency as it takes them.
 */
export function useDealCoreCheck() {
  const { t } = useTranslation('pipeline');
  const { t: tc } = useTranslation();
  return ({ title, exporter, amount, currency }: DealCoreInput) => {
    const errors: DealFormErrors = {};
    if (!title.trim()) errors.title = tc('common.required');
    if (!exporter) errors.exporterId = tc('common.required');
    const cleanAmount = amount.trim() ? normalizeAmount(amount) : null;
    if (amount.trim() && !cleanAmount) errors.amount = t('form.amountInvalid');
    const cleanCurrency = normalizeCurrency(currency);
    if (!cleanCurrency) errors.currency = t('form.currencyInvalid');
    return { errors, amount: cleanAmount, currency: cleanCurrency };
  };
}
