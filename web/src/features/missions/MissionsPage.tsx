import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { ConnectionPager } from '../../components/ui/ConnectionPager';
import { type Column, DataTable, type SortState } from '../../components/ui/DataTable';
import { EmptyState } from '../../components/ui/EmptyState';
import { FilterBar } from '../../components/ui/FilterBar';
import { PageHeader } from '../../components/ui/PageHeader';
import { SelectField } from '../../components/ui/SelectField';
import { Spinner } from '../../components/ui/Spinner';
import { TextField } from '../../components/ui/TextField';
import type { MissionFilter, MissionKind, MissionOrderField, MissionsListQuery as Q } from '../../gql/graphql';
import { useListPage } from '../../lib/pagination/useListPage';
import { canEdit } from '../../lib/session/roles';
import { useViewer } from '../../lib/session/useViewer';
import { missionStatusTone } from '../../lib/status/tones';
import { MissionFormDialog } from './components/MissionFormDialog';
import { MissionsListQuery } from './graphql/missions';
import { MISSION_KINDS, MISSION_STATUSES, useMissionFormat } from './hooks/useMissionFormat';
import { usePageTitle } from './hooks/usePageTitle';
import './missions.css';
import { QueryError } from '../../components/ui/QueryError';
import { useDebouncedValue } from '../../lib/hooks/useDebouncedValue';

type Row = Q['missions']['nodes'][number];

export function MissionsPage() {
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const { viewer } = useViewer();
  const editable = canEdit(viewer?.role);
  const fmt = useMissionFormat();
  usePageTitle(t('list.title'));

  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const [kind, setKind] = useState('');
  const [country, setCountry] = useState('');
  const [startsFrom, setStartsFrom] = useState('');
  const [startsTo, setStartsTo] = useState('');
  const [sort, setSort] = useState<SortState<MissionOrderField>>({ field: 'STARTS_ON', direction: 'DESC' });
  const [creating, setCreating] = useState(false);
  const debouncedSearch = useDebouncedValue(search.trim());

  const filter = useMemo<MissionFilter>(() => {
    const f: MissionFilter = {};
    if (debouncedSearch) f.nameContains = debouncedSearch;
    if (status) f.statuses = [status as (typeof MISSION_STATUSES)[number]];
    if (kind) f.kinds = [kind as MissionKind];
    if (country) f.hostCountries = [country];
    if (startsFrom) f.startsFrom = startsFrom;
    if (startsTo) f.startsTo = startsTo;
    return f;
  }, [debouncedSearch, status, kind, country, startsFrom, startsTo]);

  const page = useListPage([filter, sort]);

  const { data, previousData, loading, error, refetch } = useQuery(MissionsListQuery, {
    variables: { filter, orderBy: sort, ...page.variables },
  });
  const shown = data ?? previousData;
  const filtered = Object.keys(filter).length > 0;

  const columns: Column<Row, MissionOrderField>[] = [
    {
      key: 'name',
      header: t('columns.name'),
      sortField: 'NAME',
      render: (m) => (
        <div className="missions-cell-main">
          <Link to={`/missions/${m.id}`} className="missions-link-strong">
            {m.name}
          </Link>
          <span className="missions-muted">{t(`kind.${m.kind}`)}</span>
        </div>
      ),
    },
    {
      key: 'status',
      header: t('columns.status'),
      render: (m) => <Badge tone={missionStatusTone[m.status]}>{t(`status.${m.status}`)}</Badge>,
    },
    {
      key: 'place',
      header: t('columns.place'),
      render: (m) => [m.city, fmt.countryName(m.hostCountry)].filter(Boolean).join(', '),
    },
    {
      key: 'dates',
      header: t('columns.dates'),
      sortField: 'STARTS_ON',
      render: (m) =>
        m.startsOn ? (
          <span>
            {fmt.formatDateRange(m.startsOn, m.endsOn)}
            {m.datesApproximate && <span className="missions-muted"> ({t('mission.approximate')})</span>}
          </span>
        ) : (
          <span className="missions-muted">{t('mission.noDates')}</span>
        ),
    },
    {
      key: 'delegation',
      header: t('columns.delegation'),
      align: 'end',
      secondary: true,
      render: (m) => fmt.formatNumber(m.participants.totalCount),
    },
    {
      key: 'lead',
      header: t('columns.lead'),
      secondary: true,
      render: (m) => m.lead?.fullName ?? <span className="missions-muted">{tc('common.unknown')}</span>,
    },
  ];

  const clear = () => {
    setSearch('');
    setStatus('');
    setKind('');
    setCountry('');
    setStartsFrom('');
    setStartsTo('');
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
            value={search}
            onChange={(e) => setSearch(e.target.value)}
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

      {error && !shown ? (
        <QueryError refetch={refetch} />
      ) : !shown ? (
        <Spinner size="large" label={t('list.loading')} />
      ) : (
        <>
          <DataTable
            caption={t('list.caption')}
            columns={columns}
            rows={shown.missions.nodes}
            rowKey={(m) => m.id}
            sort={sort}
            onSortChange={setSort}
            busy={loading}
            empty={
              filtered ? (
                <EmptyState
                  title={t('list.emptyFiltered')}
                  action={
                    <Button variant="secondary" onClick={clear}>
                      {t('list.clearFilters')}
                    </Button>
                  }
                />
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
          <ConnectionPager
            connection={shown.missions}
            page={page}
            summary={t('list.count', { count: shown.missions.totalCount })}
          />
        </>
      )}
      <MissionFormDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
