import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../components/ui/Button';
import { ConnectionList } from '../../components/ui/ConnectionList';
import type { SortState } from '../../components/ui/DataTable';
import { EmptyState } from '../../components/ui/EmptyState';
import { FilterBar } from '../../components/ui/FilterBar';
import { NoMatch } from '../../components/ui/NoMatch';
import { PageHeader } from '../../components/ui/PageHeader';
import { SelectField } from '../../components/ui/SelectField';
import { TextField } from '../../components/ui/TextField';
import type { MissionFilter, MissionKind, MissionOrderField, MissionStatus } from '../../gql/graphql';
import { useUrlParam, useUrlSearch } from '../../lib/hooks/useUrlSearch';
import { useUrlSort } from '../../lib/hooks/useUrlSort';
import { useListPage } from '../../lib/pagination/useListPage';
import { canEdit } from '../../lib/session/roles';
import { useViewer } from '../../lib/session/useViewer';
import { MissionFormDialog } from './components/MissionFormDialog';
import { MissionsTable } from './components/MissionsTable';
import { MissionsListQuery } from './graphql/missions';
import { MISSION_KINDS, MISSION_STATUSES, useMissionFormat } from './hooks/useMissionFormat';
import { usePageTitle } from './hooks/usePageTitle';
import './missions.css';

const SORT_FIELDS: Record<string, MissionOrderField> = { name: 'NAME', starts: 'STARTS_ON' };
const DEFAULT_SORT: SortState<MissionOrderField> = { field: 'STARTS_ON', direction: 'DESC' };
/** A day as the URL keeps it (YYYY-MM-DD); anything else is no filter. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function MissionsPage() {
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const editable = canEdit(viewer?.role);
  const fmt = useMissionFormat();
  usePageTitle(t('list.title'));

  const search = useUrlSearch();
  const [status, setStatus] = useUrlParam('status');
  const [kind, setKind] = useUrlParam('kind');
  const [country, setCountry] = useUrlParam('country');
  const [startsFrom, setStartsFrom] = useUrlParam('from');
  const [startsTo, setStartsTo] = useUrlParam('to');
  const [sort, setSort] = useUrlSort(SORT_FIELDS, DEFAULT_SORT);
  const [creating, setCreating] = useState(false);

  const filter: MissionFilter = {
    nameContains: search.search || undefined,
    statuses: MISSION_STATUSES.includes(status as MissionStatus) ? [status as MissionStatus] : undefined,
    kinds: MISSION_KINDS.includes(kind as MissionKind) ? [kind as MissionKind] : undefined,
    hostCountries: country ? [country] : undefined,
    startsFrom: DAY.test(startsFrom) ? startsFrom : undefined,
    startsTo: DAY.test(startsTo) ? startsTo : undefined,
  };
  const page = useListPage([filter, sort]);

  const { data, previousData, loading, error, refetch } = useQuery(MissionsListQuery, {
    variables: { filter, orderBy: sort, ...page.variables },
  });
  const shown = data ?? previousData;
  const filtered = Object.values(filter).some((value) => value !== undefined);

  const clear = () => {
    search.clear();
    void navigate({ search: '' });
  };

  return (
    <div className="missions-page">
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        actions={editable && <Button onClick={() => setCreating(true)}>{t('list.new')}</Button>}
      />
      <FilterBar
        label={t('list.filters')}
        search={
          <TextField
            type="search"
            label={t('list.searchLabel')}
            placeholder={t('list.searchPlaceholder')}
            value={search.text}
            onChange={(e) => search.setText(e.target.value)}
          />
        }
        clear={filtered ? { label: t('list.clearFilters'), onClear: clear } : null}
      >
        <SelectField
          label={t('list.statusLabel')}
          value={status}
          placeholder={tc('common.all')}
          onChange={(e) => setStatus(e.target.value)}
          options={MISSION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <SelectField
          label={t('list.kindLabel')}
          value={kind}
          placeholder={tc('common.all')}
          onChange={(e) => setKind(e.target.value)}
          options={MISSION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <SelectField
          label={t('list.countryLabel')}
          value={country}
          placeholder={tc('common.all')}
          onChange={(e) => setCountry(e.target.value)}
          options={fmt.countries}
        />
        <TextField
          type="date"
          label={t('list.startsFrom')}
          value={startsFrom}
          onChange={(e) => setStartsFrom(e.target.value)}
        />
        <TextField
          type="date"
          label={t('list.startsTo')}
          value={startsTo}
          onChange={(e) => setStartsTo(e.target.value)}
        />
      </FilterBar>

      <ConnectionList
        connection={shown?.missions}
        error={error}
        refetch={refetch}
        loadingLabel={t('list.loading')}
        page={page}
        summary={(count) => t('list.count', { count })}
      >
        {(missions) => (
          <MissionsTable
            missions={missions.nodes}
            sort={sort}
            onSortChange={setSort}
            busy={loading}
            empty={
              filtered ? (
                <NoMatch title={t('list.emptyFiltered')} clearLabel={t('list.clearFilters')} onClear={clear} />
              ) : (
                <EmptyState
                  title={t('list.emptyTitle')}
                  action={editable && <Button onClick={() => setCreating(true)}>{t('list.new')}</Button>}
                >
                  {t('list.emptyText')}
                </EmptyState>
              )
            }
          />
        )}
      </ConnectionList>
      <MissionFormDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
