import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { type Column, DataTable, type SortState } from '../../../components/ui/DataTable';
import { graphql } from '../../../gql';
import type { ExchangeRateOrderField, ExchangeRatesTable_RateFragment } from '../../../gql/graphql';
import { fragmentRows } from '../../../lib/apollo/fragmentRows';
import { useFormat } from '../../../lib/i18n/useFormat';

export const ExchangeRatesTableFragment = graphql(`
  fragment ExchangeRatesTable_rate on ExchangeRate {
    id
    currency
    rate
    validOn
    updatedAt
  }
`);

export interface ExchangeRatesTableProps {
  rates: readonly FragmentType<typeof ExchangeRatesTableFragment>[];
  /** The agency's base currency, the unit of every rate. */
  base: string;
  sort: SortState<ExchangeRateOrderField>;
  onSortChange: (sort: SortState<ExchangeRateOrderField>) => void;
  onNewRate: (currency: string) => void;
  busy?: boolean;
  empty: ReactNode;
}

export function ExchangeRatesTable({
  rates,
  base,
  sort,
  onSortChange,
  onNewRate,
  busy,
  empty,
}: ExchangeRatesTableProps) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { formatDate, formatNumber } = useFormat();
  const { data } = useFragment({ fragment: ExchangeRatesTableFragment, from: [...rates] });
  const rows = fragmentRows<ExchangeRatesTable_RateFragment>(data);

  const columns: Column<ExchangeRatesTable_RateFragment, ExchangeRateOrderField>[] = [
    {
      key: 'currency',
      header: t('rates.columns.currency'),
      sortField: 'CURRENCY',
      render: (row) => <span className="admin-code">{row.currency}</span>,
    },
    {
      key: 'validOn',
      header: t('rates.columns.validOn'),
      sortField: 'VALID_ON',
      render: (row) => (
        <time dateTime={row.validOn}>{formatDate(`${row.validOn}T00:00:00`, { dateStyle: 'medium' })}</time>
      ),
    },
    {
      key: 'rate',
      header: t('rates.columns.rate', { base }),
      align: 'end',
      render: (row) => (
        <span className="admin-rate">
          <span className="admin-muted">1 {row.currency} =</span>{' '}
          <strong>{formatNumber(row.rate, { maximumFractionDigits: 10, minimumFractionDigits: 2 })}</strong>{' '}
          <span className="admin-muted">{base}</span>
        </span>
      ),
    },
    {
      key: 'updatedAt',
      header: t('rates.columns.updatedAt'),
      secondary: true,
      render: (row) => (
        <span className="admin-muted">{formatDate(row.updatedAt, { dateStyle: 'medium', timeStyle: 'short' })}</span>
      ),
    },
    {
      key: 'actions',
      header: tc('common.actions'),
      align: 'end',
      render: (row) => (
        <Button
          size="small"
          variant="ghost"
          aria-label={t('rates.newRateFor', { currency: row.currency })}
          onClick={() => onNewRate(row.currency)}
        >
          {t('rates.newRate')}
        </Button>
      ),
    },
  ];

  return (
    <DataTable
      caption={t('rates.title')}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
      sort={sort}
      onSortChange={onSortChange}
      busy={busy}
      empty={empty}
    />
  );
}
