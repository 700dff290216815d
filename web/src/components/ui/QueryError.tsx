import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './ErrorMessage';

export interface QueryErrorProps {
  /** The query's refetch: the Retry button calls it (its failure shows again here). */
  refetch: () => Promise<unknown>;
  /** The message; "Something went wrong" by default. */
  children?: ReactNode;
}

/** A screen's error state: a query failed, with a Retry button. */
export function QueryError({ refetch, children }: QueryErrorProps) {
  const { t } = useTranslation();
  return (
    <ErrorMessage retry={{ label: t('errors.retry'), onRetry: () => void refetch().catch(() => {}) }}>
      {children ?? t('errors.generic')}
    </ErrorMessage>
  );
}
