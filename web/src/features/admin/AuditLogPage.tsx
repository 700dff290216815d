import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { UserSelect } from '../../components/pickers/UserSelect';
import { ConnectionList } from '../../components/ui/ConnectionList';
import type { SortState } from '../../components/ui/DataTable';
import { EmptyState } from '../../components/ui/EmptyState';
import { FilterBar } from '../../components/ui/FilterBar';
import { PageHeader } from '../../components/ui/PageHeader';
import { SelectField } from '../../components/ui/SelectField';
import { TextField } from '../../components/ui/TextField';
import type { AuditEventOrderField } from '../../gql/graphql';
import { useUrlParam, useUrlSearch } from '../../lib/hooks/useUrlSearch';
import { useUrlSort } from '../../lib/hooks/useUrlSort';
import { useFormat } from '../../lib/i18n/useFormat';
import { useListPage } from '../../lib/pagination/useListPage';
import { AuditEventsTable } from './components/AuditEventsTable';
import { AuditEventsQuery } from './graphql/audit';
import './admin.css';

/** The entities the server audits (AuditEvent.entity). */
const ENTITIES = [
  'Company',
  'Contact',
  'Mission',
  'MissionParticipant',
  'Interaction',
  'Deal',
  'Task',
  'Pipeline',
  'Sector',
  'ExchangeRate',
  'User',
  'ApiToken',
] as const;

const SORT_FIELDS: Record<string, AuditEventOrderField> = { at: 'AT' };
const DEFAULT_SORT: SortState<AuditEventOrderField> = { field: 'AT', direction: 'DESC' };

/** A local calendar day as the instant it starts. */
function startOfDay(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}

function startOfNextDay(day: string): string {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}

export function AuditLogPage() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { formatNumber } = useFormat();
  const navigate = useNavigate();

  const [actorId, setActorId] = useUrlParam('actor');
  const [entity, setEntity] = useUrlParam('entity');
  const actionInput = useUrlSearch('action');
  const [from, setFrom] = useUrlParam('from');
  const [to, setTo] = useUrlParam('to');
  const [sort, setSort] = useUrlSort(SORT_FIELDS, DEFAULT_SORT);
  const action = actionInput.search;

  const filter = {
    actorIds: actorId ? [actorId] : undefined,
    entities: entity ? [entity] : undefined,
    actions: action ? [action] : undefined,
    atFrom: from ? startOfDay(from) : undefined,
    atTo: to ? startOfNextDay(to) : undefined,
  };
  const page = useListPage([filter, sort]);

  const rangeInvalid = Boolean(from && to && from > to);
  const { data, previousData, loading, error, refetch } = useQuery(AuditEventsQuery, {
    variables: {
      filter,
      orderBy: sort,
      ...page.variables,
    },
    skip: rangeInvalid,
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.auditEvents;

  const filtered = Boolean(actorId || entity || action || from || to);
  function clear() {
    actionInput.clear();
    void navigate({ search: '' });
  }

  return (
    <div className="ui-stack admin-page">
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <FilterBar label={t('audit.filters')} clear={filtered ? { label: t('audit.clear'), onClear: clear } : null}>
        <UserSelect
          includeInactive
          label={t('audit.actor')}
          placeholder={t('audit.anyone')}
          value={actorId}
          onChange={setActorId}
        />
        <SelectField
          label={t('audit.entity')}
          placeholder={tc('common.all')}
          value={entity}
          onChange={(event) => setEntity(event.target.value)}
          options={ENTITIES.map((value) => ({ value, label: t(`audit.entities.${value}`) }))}
        />
        <TextField
          label={t('audit.action')}
          placeholder="setUserRole"
          spellCheck={false}
          autoCapitalize="none"
          value={actionInput.text}
          onChange={(event) => actionInput.setText(event.target.value)}
        />
        <TextField
          label={t('audit.from')}
          type="date"
          value={from}
          max={to || undefined}
          onChange={(event) => setFrom(event.target.value)}
        />
        <TextField
          label={t('audit.to')}
          type="date"
          value={to}
          min={from || undefined}
          onChange={(event) => setTo(event.target.value)}
          error={rangeInvalid ? t('audit.rangeInvalid') : null}
        />
      </FilterBar>

      {rangeInvalid && !connection ? null : (
        <ConnectionList
          connection={connection}
          error={error}
          refetch={refetch}
          loadingLabel={t('audit.loading')}
          page={page}
          summary={(count) => t('audit.count', { count, formatted: formatNumber(count) })}
        >
          {(events) => (
            <AuditEventsTable
              events={events.nodes}
              sort={sort}
              onSortChange={setSort}
              busy={loading}
              empty={
                filtered ? (
                  <EmptyState title={t('audit.emptyFiltered')} clear={{ label: t('audit.clear'), onClear: clear }} />
                ) : (
                  <EmptyState title={t('audit.empty')}>{t('audit.emptyHint')}</EmptyState>
                )
              }
            />
          )}
        </ConnectionList>
      )}
    </div>
  );
}
