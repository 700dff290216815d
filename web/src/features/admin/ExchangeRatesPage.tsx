import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { ConnectionPager } from '../../components/ui/ConnectionPager';
import { type Column, DataTable, type SortState } from '../../components/ui/DataTable';
import { EmptyState } from '../../components/ui/EmptyState';
import { FilterBar } from '../../components/ui/FilterBar';
import { PageHeader } from '../../components/ui/PageHeader';
import { Spinner } from '../../components/ui/Spinner';
import { TextField } from '../../components/ui/TextField';
import type { AdminExchangeRatesQuery as AdminExchangeRatesQueryType, ExchangeRateOrderField } from '../../gql/graphql';
import { useFormat } from '../../lib/i18n/useFormat';
import { useListPage } from '../../lib/pagination/useListPage';
import { SetRateDialog } from './components/SetRateDialog';
import { AdminExchangeRatesQuery } from './graphql/exchangeRates';
import './admin.css';
import { QueryError } from '../../components/ui/QueryError';
import { useDebouncedValue } from '../../lib/hooks/useDebouncedValue';

type RateRow = AdminExchangeRatesQueryType['exchangeRates']['nodes'][number];

export function ExchangeRatesPage() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { formatDate, formatNumber } = useFormat();
  const [currencyInput, setCurrencyInput] = useState('');
  const [sort, setSort] = useState<SortState<ExchangeRateOrderField>>({ field: 'VALID_ON', direction: 'DESC' });
  const [dialog, setDialog] = useState<{ currency: string } | null>(null);

  // Codes are three letters: the filter applies once one is complete (or cleared).
  const typed = useDebouncedValue(currencyInput.trim().toUpperCase());
  const currencies = typed.split(/[\s,;]+/).filter((code) => /^[A-Z]{3}$/.test(code));
  const filter = currencies.length > 0 ? { currencies } : undefined;
  const page = useListPage([filter, sort]);

  const { data, previousData, loading, error, refetch } = useQuery(AdminExchangeRatesQuery, {
    variables: {
      filter,
      orderBy: sort,
      ...page.variables,
    },
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const base = shown?.agency.baseCurrency ?? '';

  const columns: Column<RateRow, ExchangeRateOrderField>[] = [
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
          onClick={() => setDialog({ currency: row.currency })}
        >
          {t('rates.newRate')}
        </Button>
      ),
    },
  ];

  const connection = shown?.exchangeRates;
  return (
    <div className="admin-page">
      <PageHeader
        title={t('rates.title')}
        subtitle={base ? t('rates.subtitle', { base }) : undefined}
        actions={
          <Button disabled={!shown} onClick={() => setDialog({ currency: '' })}>
            {t('rates.set')}
          </Button>
        }
      />
      <FilterBar label={t('rates.filters')}>
        <TextField
          label={t('rates.currencyFilter')}
          value={currencyInput}
          placeholder="EUR, USD"
          spellCheck={false}
          autoCapitalize="characters"
          onChange={(event) => setCurrencyInput(event.target.value)}
          hint={t('rates.currencyFilterHint')}
        />
      </FilterBar>

      {error && !shown ? (
        <QueryError refetch={refetch} />
      ) : !connection ? (
        <Spinner size="large" label={t('rates.loading')} />
      ) : (
        <>
          <DataTable
            caption={t('rates.title')}
            columns={columns}
            rows={connection.nodes}
            rowKey={(row) => row.id}
            sort={sort}
            onSortChange={setSort}
            busy={loading}
            empty={
              currencies.length > 0 ? (
                <EmptyState title={t('rates.emptyFiltered', { currencies: currencies.join(', ') })} />
              ) : (
                <EmptyState
                  title={t('rates.empty')}
                  action={<Button onClick={() => setDialog({ currency: '' })}>{t('rates.set')}</Button>}
                >
                  {t('rates.emptyHint', { base })}
                </EmptyState>
              )
            }
          />
          <ConnectionPager
            connection={connection}
            page={page}
            summary={t('rates.count', { count: connection.totalCount, formatted: formatNumber(connection.totalCount) })}
            hideWhenEmpty
          />
        </>
      )}

      <SetRateDialog
        open={dialog !== null}
        onClose={() => setDialog(null)}
        baseCurrency={base}
        initialCurrency={dialog?.currency}
      />
    </div>
  );
}
