import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UserSelect } from '../../components/pickers/UserSelect';
import { Button } from '../../components/ui/Button';
import { ConnectionPager } from '../../components/ui/ConnectionPager';
import { type Column, DataTable, type SortState } from '../../components/ui/DataTable';
import { EmptyState } from '../../components/ui/EmptyState';
import { FilterBar } from '../../components/ui/FilterBar';
import { PageHeader } from '../../components/ui/PageHeader';
import { SelectField } from '../../components/ui/SelectField';
import { Spinner } from '../../components/ui/Spinner';
import { TextField } from '../../components/ui/TextField';
import type { AuditEventOrderField, AuditEventsQuery as AuditEventsQueryType } from '../../gql/graphql';
import { useFormat } from '../../lib/i18n/useFormat';
import { useListPage } from '../../lib/pagination/useListPage';
import { AuditChanges } from './components/AuditChanges';
import { AuditEventsQuery } from './graphql/audit';
import './admin.css';
import { QueryError } from '../../components/ui/QueryError';
import { useDebouncedValue } from '../../lib/hooks/useDebouncedValue';

type EventRow = AuditEventsQueryType['auditEvents']['nodes'][number];

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

/** Where an entity's own page is, for a link from its events. */
function entityPath(entity: string, id: string): string | null {
  switch (entity) {
    case 'Company':
      return `/companies/${encodeURIComponent(id)}`;
    case 'Mission':
      return `/missions/${encodeURIComponent(id)}`;
    case 'Deal':
      return `/pipeline?deal=${encodeURIComponent(id)}`;
    default:
      return null;
  }
}

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
  const { formatDate, formatNumber } = useFormat();

  const [actorId, setActorId] = useState('');
  const [entity, setEntity] = useState('');
  const [actionInput, setActionInput] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [sort, setSort] = useState<SortState<AuditEventOrderField>>({ field: 'AT', direction: 'DESC' });
  const action = useDebouncedValue(actionInput.trim());

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
  const shown = data ?? previousData;

  const columns: Column<EventRow, AuditEventOrderField>[] = [
    {
      key: 'at',
      header: t('audit.columns.at'),
      sortField: 'AT',
      render: (event) => (
        <time dateTime={event.at} className="audit-time">
          {formatDate(event.at, { dateStyle: 'medium', timeStyle: 'medium' })}
        </time>
      ),
    },
    {
      key: 'actor',
      header: t('audit.columns.actor'),
      render: (event) =>
        event.actor ? (
          <span title={event.actor.email}>{event.actor.fullName}</span>
        ) : (
          <span className="admin-muted">{t('audit.unknownActor')}</span>
        ),
    },
    {
      key: 'action',
      header: t('audit.columns.action'),
      render: (event) => <code className="admin-code">{event.action}</code>,
    },
    {
      key: 'entity',
      header: t('audit.columns.entity'),
      render: (event) => {
        const path = entityPath(event.entity, event.entityId);
        const label = t(`audit.entities.${event.entity}` as 'audit.entities.Company', { defaultValue: event.entity });
        return (
          <span className="audit-entity">
            <span>{label}</span>
            {path ? (
              <Link to={path} className="audit-entity__id" aria-label={t('audit.open', { entity: label })}>
                {shortId(event.entityId)}
              </Link>
            ) : (
              <span className="audit-entity__id admin-muted" title={event.entityId}>
                {shortId(event.entityId)}
              </span>
            )}
          </span>
        );
      },
    },
    {
      key: 'changes',
      header: t('audit.columns.changes'),
      render: (event) => (
        <AuditChanges
          changes={event.changes}
          summary={t('audit.changedFields', { count: Object.keys(event.changes).length })}
        />
      ),
    },
  ];

  const filtered = Boolean(actorId || entity || action || from || to);
  function clear() {
    setActorId('');
    setEntity('');
    setActionInput('');
    setFrom('');
    setTo('');
  }

  const connection = shown?.auditEvents;
  return (
    <div className="admin-page">
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
          value={actionInput}
          onChange={(event) => setActionInput(event.target.value)}
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

      {error && !shown ? (
        <QueryError refetch={refetch} />
      ) : !connection ? (
        rangeInvalid ? null : (
          <Spinner size="large" label={t('audit.loading')} />
        )
      ) : (
        <>
          <DataTable
            caption={t('audit.title')}
            columns={columns}
            rows={connection.nodes}
            rowKey={(event) => event.id}
            sort={sort}
            onSortChange={setSort}
            busy={loading}
            empty={
              filtered ? (
                <EmptyState
                  title={t('audit.emptyFiltered')}
                  action={
                    <Button variant="secondary" onClick={clear}>
                      {t('audit.clear')}
                    </Button>
                  }
                />
              ) : (
                <EmptyState title={t('audit.empty')}>{t('audit.emptyHint')}</EmptyState>
              )
            }
          />
          <ConnectionPager
            connection={connection}
            page={page}
            summary={t('audit.count', { count: connection.totalCount, formatted: formatNumber(connection.totalCount) })}
            hideWhenEmpty
          />
        </>
      )}
    </div>
  );
}

function shortId(id: string): string {
  return id.length > 10 ? `…${id.slice(-8)}` : id;
}
