import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Column, DataTable, type SortState } from '../../../components/ui/DataTable';
import { graphql } from '../../../gql';
import type { AuditEventOrderField, AuditEventsTable_EventFragment } from '../../../gql/graphql';
import { fragmentRows } from '../../../lib/apollo/fragmentRows';
import { useFormat } from '../../../lib/i18n/useFormat';
import { AuditChanges } from './AuditChanges';

export const AuditEventsTableFragment = graphql(`
  fragment AuditEventsTable_event on AuditEvent {
    id
    at
    action
    entity
    entityId
    changes
    actor {
      id
      fullName
      email
    }
  }
`);

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

function shortId(id: string): string {
  return id.length > 10 ? `…${id.slice(-8)}` : id;
}

export interface AuditEventsTableProps {
  events: readonly FragmentType<typeof AuditEventsTableFragment>[];
  sort: SortState<AuditEventOrderField>;
  onSortChange: (sort: SortState<AuditEventOrderField>) => void;
  busy?: boolean;
  empty: ReactNode;
}

export function AuditEventsTable({ events, sort, onSortChange, busy, empty }: AuditEventsTableProps) {
  const { t } = useTranslation('admin');
  const { formatDate } = useFormat();
  const { data } = useFragment({ fragment: AuditEventsTableFragment, from: [...events] });
  const rows = fragmentRows<AuditEventsTable_EventFragment>(data);

  const columns: Column<AuditEventsTable_EventFragment, AuditEventOrderField>[] = [
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

  return (
    <DataTable
      caption={t('audit.title')}
      columns={columns}
      rows={rows}
      rowKey={(event) => event.id}
      sort={sort}
      onSortChange={onSortChange}
      busy={busy}
      empty={empty}
    />
  );
}
