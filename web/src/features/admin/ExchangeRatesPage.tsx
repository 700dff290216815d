import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { ConnectionList } from '../../components/ui/ConnectionList';
import type { SortState } from '../../components/ui/DataTable';
import { EmptyState } from '../../components/ui/EmptyState';
import { FilterBar } from '../../components/ui/FilterBar';
import { PageHeader } from '../../components/ui/PageHeader';
import { TextField } from '../../components/ui/TextField';
import type { ExchangeRateOrderField } from '../../gql/graphql';
import { useUrlSearch } from '../../lib/hooks/useUrlSearch';
import { useUrlSort } from '../../lib/hooks/useUrlSort';
import { useFormat } from '../../lib/i18n/useFormat';
import { useListPage } from '../../lib/pagination/useListPage';
import { ExchangeRatesTable } from './components/ExchangeRatesTable';
import { SetRateDialog } from './components/SetRateDialog';
import { AdminExchangeRatesQuery } from './graphql/exchangeRates';
import './admin.css';

const SORT_FIELDS: Record<string, ExchangeRateOrderField> = { currency: 'CURRENCY', validOn: 'VALID_ON' };
const DEFAULT_SORT: SortState<ExchangeRateOrderField> = { field: 'VALID_ON', direction: 'DESC' };

export function ExchangeRatesPage() {
  const { t } = useTranslation('admin');
  const { formatNumber } = useFormat();
  const currencyInput = useUrlSearch('currencies');
  const [sort, setSort] = useUrlSort(SORT_FIELDS, DEFAULT_SORT);
  const [dialog, setDialog] = useState<{ currency: string } | null>(null);

  // Codes are three letters: the filter applies once one is complete (or cleared).
  const currencies = currencyInput.search
    .toUpperCase()
    .split(/[\s,;]+/)
    .filter((code) => /^[A-Z]{3}$/.test(code));
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

  return (
    <div className="ui-stack admin-page">
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
          value={currencyInput.text}
          placeholder="EUR, USD"
          spellCheck={false}
          autoCapitalize="characters"
          onChange={(event) => currencyInput.setText(event.target.value)}
          hint={t('rates.currencyFilterHint')}
        />
      </FilterBar>

      <ConnectionList
        connection={shown?.exchangeRates}
        error={error}
        refetch={refetch}
        loadingLabel={t('rates.loading')}
        page={page}
        summary={(count) => t('rates.count', { count, formatted: formatNumber(count) })}
      >
        {(connection) => (
          <ExchangeRatesTable
            rates={connection.nodes}
            base={base}
            sort={sort}
            onSortChange={setSort}
            onNewRate={(currency) => setDialog({ currency })}
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
        )}
      </ConnectionList>

      <SetRateDialog
        open={dialog !== null}
        onClose={() => setDialog(null)}
        baseCurrency={base}
        initialCurrency={dialog?.currency}
      />
    </div>
  );
}
