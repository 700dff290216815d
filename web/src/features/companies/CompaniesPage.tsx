import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ExportMenu } from '../../components/export/ExportMenu';
import { UserSelect } from '../../components/pickers/UserSelect';
import { Button } from '../../components/ui/Button';
import { ConnectionPager } from '../../components/ui/ConnectionPager';
import type { SortState } from '../../components/ui/DataTable';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorMessage } from '../../components/ui/ErrorMessage';
import { FilterBar } from '../../components/ui/FilterBar';
import { PageHeader } from '../../components/ui/PageHeader';
import { SelectField } from '../../components/ui/SelectField';
import { Spinner } from '../../components/ui/Spinner';
import type { CompanyFilter, CompanyKind, CompanyOrderField } from '../../gql/graphql';
import { useUrlParam, useUrlSearch } from '../../lib/hooks/useUrlSearch';
import { useUrlSort } from '../../lib/hooks/useUrlSort';
import { useSectorName } from '../../lib/i18n/useSectorName';
import { MAX_PAGE_SIZE, useListPage } from '../../lib/pagination/useListPage';
import { CompaniesTable } from './components/CompaniesTable';
import { CompanyFormDialog } from './components/CompanyFormDialog';
import { COMPANY_KINDS } from './components/CompanyKindBadge';
import { SearchBox } from './components/SearchBox';
import { CompaniesPageQuery, CompanySectorsQuery } from './graphql/companies';
import { useCanEdit } from './hooks/useCanEdit';
import { useCountries } from './hooks/useCountries';
import './companies.css';
import { QueryError } from '../../components/ui/QueryError';

const SORT_FIELDS: Record<string, CompanyOrderField> = { name: 'NAME', created: 'CREATED_AT' };
const DEFAULT_SORT: SortState<CompanyOrderField> = { field: 'NAME', direction: 'ASC' };

export function CompaniesPage() {
  const { t } = useTranslation('companies');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const editable = useCanEdit();
  const { options: countryOptions } = useCountries();
  const sectorName = useSectorName();
  const [creating, setCreating] = useState(false);

  const search = useUrlSearch();
  const [kind, setKind] = useUrlParam('kind');
  const [country, setCountry] = useUrlParam('country');
  const [sector, setSector] = useUrlParam('sector');
  const [manager, setManager] = useUrlParam('manager');
  const [deals, setDeals] = useUrlParam('deals');
  const [sort, setSort] = useUrlSort(SORT_FIELDS, DEFAULT_SORT);

  const filter: CompanyFilter = {
    search: search.search || undefined,
    kinds: COMPANY_KINDS.includes(kind as CompanyKind) ? [kind as CompanyKind] : undefined,
    countries: country ? [country] : undefined,
    sectorIds: sector ? [sector] : undefined,
    accountManagerIds: manager ? [manager] : undefined,
    hasDeals: deals === 'yes' ? true : deals === 'no' ? false : undefined,
  };
  const page = useListPage([filter, sort]);

  const { data, previousData, loading, error, refetch } = useQuery(CompaniesPageQuery, {
    variables: { filter, orderBy: { field: sort.field, direction: sort.direction }, ...page.variables },
  });
  const sectors = useQuery(CompanySectorsQuery, { variables: { first: MAX_PAGE_SIZE } });
  const shown = data ?? previousData;
  const connection = shown?.companies;
  const filtered = Object.values(filter).some((value) => value !== undefined);

  function clearFilters() {
    search.clear();
    void navigate({ search: '' });
  }

  const newButton = editable ? <Button onClick={() => setCreating(true)}>{t('list.new')}</Button> : null;

  return (
    <div className="companies">
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        actions={
          <>
            <ExportMenu list="companies" filter={filter} orderBy={{ field: sort.field, direction: sort.direction }} />
            {editable && (
              <Link to="/import?kind=COMPANIES" className="ui-button ui-button--secondary ui-button--medium">
                {t('list.import')}
              </Link>
            )}
            {newButton}
          </>
        }
      />

      <FilterBar
        label={t('list.filters.label')}
        className="companies__toolbar"
        search={
          <SearchBox
            label={t('list.searchLabel')}
            placeholder={t('list.searchPlaceholder')}
            value={search.text}
            onChange={search.setText}
            clearLabel={t('list.clearSearch')}
          />
        }
      >
        <SelectField
          label={t('list.filters.kind')}
          placeholder={tc('common.all')}
          options={COMPANY_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
          value={kind}
          onChange={(event) => setKind(event.target.value)}
        />
        <SelectField
          label={t('list.filters.country')}
          placeholder={tc('common.all')}
          options={countryOptions}
          value={country}
          onChange={(event) => setCountry(event.target.value)}
        />
        <SelectField
          label={t('list.filters.sector')}
          placeholder={tc('common.all')}
          options={(sectors.data?.sectors.nodes ?? []).map((node) => ({ value: node.id, label: sectorName(node) }))}
          value={sector}
          onChange={(event) => setSector(event.target.value)}
        />
        <UserSelect
          label={t('list.filters.accountManager')}
          placeholder={tc('common.all')}
          value={manager}
          onChange={setManager}
        />
        <SelectField
          label={t('list.filters.deals')}
          placeholder={tc('common.all')}
          options={[
            { value: 'yes', label: t('list.filters.withDeals') },
            { value: 'no', label: t('list.filters.withoutDeals') },
          ]}
          value={deals}
          onChange={(event) => setDeals(event.target.value)}
        />
      </FilterBar>

      {error && !shown ? (
        <QueryError refetch={refetch} />
      ) : !connection ? (
        <div className="companies__loading">
          <Spinner size="large" label={t('list.loading')} />
        </div>
      ) : (
        <>
          {error && <ErrorMessage>{tc('errors.generic')}</ErrorMessage>}
          <CompaniesTable
            companies={connection.nodes}
            sort={sort}
            onSortChange={setSort}
            busy={loading}
            empty={
              filtered ? (
                <EmptyState
                  title={t('list.noMatchTitle')}
                  clear={{ label: t('list.clearFilters'), onClear: clearFilters }}
                >
                  {t('list.noMatchText')}
                </EmptyState>
              ) : (
                <EmptyState title={t('list.emptyTitle')} action={newButton}>
                  {t('list.emptyText')}
                </EmptyState>
              )
            }
          />
          <ConnectionPager
            connection={connection}
            page={page}
            summary={t('list.count', { count: connection.totalCount })}
            hideWhenEmpty
          />
        </>
      )}

      <CompanyFormDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(company) => void navigate(`/companies/${company.id}`)}
      />
    </div>
  );
}
