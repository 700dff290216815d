/** "420 000,50" or "420000.5" → "420000.50"-style decimal the API accepts; null when it is not one. */
export function normalizeAmount(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(compact)) return null;
  return compact;
}

export function normalizeCurrency(text: string): string | null {
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
