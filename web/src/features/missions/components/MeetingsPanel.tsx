import { useFragment, useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportMenu } from '../../../components/export/ExportMenu';
import { Badge } from '../../../components/ui/Badge';
import { ConnectionPager } from '../../../components/ui/ConnectionPager';
import { type Column, DataTable, type SortState } from '../../../components/ui/DataTable';
import { EmptyState } from '../../../components/ui/EmptyState';
import { FilterBar } from '../../../components/ui/FilterBar';
import { Panel } from '../../../components/ui/Panel';
import { QueryError } from '../../../components/ui/QueryError';
import { SelectField } from '../../../components/ui/SelectField';
import { Spinner } from '../../../components/ui/Spinner';
import { graphql } from '../../../gql';
import type {
  InteractionFilter,
  InteractionOrderField,
  MeetingStatus,
  Outcome,
  MissionMeetingsPanel_InteractionFragment as Row,
} from '../../../gql/graphql';
import { fragmentRows } from '../../../lib/apollo/fragmentRows';
import { useListPage } from '../../../lib/pagination/useListPage';
import { meetingStatusTone, outcomeTone } from '../../../lib/status/tones';
import { MissionMeetingsQuery } from '../graphql/meetings';
import { OUTCOMES, useMissionFormat } from '../hooks/useMissionFormat';
import { MeetingOutcomeDialog } from './MeetingOutcomeDialog';

export const MissionMeetingsPanelFragment = graphql(`
  fragment MissionMeetingsPanel_interaction on Interaction {
    id
    kind
    subject
    occurredAt
    startsAt
    status
    outcome
    notes
    exporter {
      id
      name
    }
    counterpart {
      id
      name
    }
  }
`);

const STATUSES: MeetingStatus[] = ['PLANNED', 'HELD', 'NO_SHOW', 'CANCELLED'];

export function MeetingsPanel({
  missionId,
  timeZone,
  editable,
}: {
  missionId: string;
  timeZone: string;
  editable: boolean;
}) {
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const fmt = useMissionFormat();
  const [status, setStatus] = useState('');
  const [outcome, setOutcome] = useState('');
  const [sort, setSort] = useState<SortState<InteractionOrderField>>({ field: 'OCCURRED_AT', direction: 'ASC' });
  const [editingRow, setEditingRow] = useState<Row | null>(null);

  const filter = useMemo<InteractionFilter>(
    () => ({
      missionIds: [missionId],
      ...(status ? { statuses: [status as MeetingStatus] } : {}),
      ...(outcome ? { outcomes: [outcome as Outcome] } : {}),
    }),
    [missionId, status, outcome],
  );
  const page = useListPage([filter, sort]);

  const { data, previousData, loading, error, refetch } = useQuery(MissionMeetingsQuery, {
    variables: { filter, orderBy: sort, ...page.variables },
  });
  const shown = data ?? previousData;
  const { data: rowData } = useFragment({
    fragment: MissionMeetingsPanelFragment,
    from: [...(shown?.interactions.nodes ?? [])],
  });
  const rows = fragmentRows<Row>(rowData);

  const columns: Column<Row, InteractionOrderField>[] = [
    {
      key: 'when',
      header: t('meetings.when'),
      sortField: 'OCCURRED_AT',
      render: (i) => (
        <span className="missions-nowrap">{fmt.formatDateTime(i.startsAt ?? i.occurredAt, timeZone)}</span>
      ),
    },
    {
      key: 'who',
      header: t('meetings.exporterCounterpart'),
      render: (i) => (
        <div className="missions-cell-main">
          <span>
            <Link to={`/companies/${i.exporter.id}`}>{i.exporter.name}</Link>
            {i.counterpart && (
              <>
                {' → '}
                <Link to={`/companies/${i.counterpart.id}`}>{i.counterpart.name}</Link>
              </>
            )}
          </span>
          <span className="missions-muted">
            {t(`interactionKind.${i.kind}`)} · {i.subject}
          </span>
        </div>
      ),
    },
    {
      key: 'status',
      header: t('meetings.status'),
      render: (i) =>
        i.status ? <Badge tone={meetingStatusTone[i.status]}>{t(`meetingStatus.${i.status}`)}</Badge> : null,
    },
    {
      key: 'outcome',
      header: t('meetings.outcome'),
      render: (i) =>
        i.outcome ? (
          <Badge tone={outcomeTone[i.outcome]}>{t(`outcomeValue.${i.outcome}`)}</Badge>
        ) : (
          <span className="missions-muted">{tc('common.unknown')}</span>
        ),
    },
    {
      key: 'notes',
      header: t('meetings.notes'),
      secondary: true,
      render: (i) => <span className="missions-notes-cell">{i.notes ?? ''}</span>,
    },
    {
      key: 'actions',
      header: tc('common.actions'),
      render: (i) =>
        i.kind === 'MEETING' && i.status !== 'HELD' ? null : (
          <div className="missions-row-actions">
            {editable && (
              <button
                type="button"
                className="missions-link-button"
                aria-label={t('agenda.recordOutcomeFor', { name: i.counterpart?.name ?? i.subject, time: '' })}
                onClick={() => setEditingRow(i)}
              >
                {t('meetings.outcomeAction')}
              </button>
            )}
            {editable && <Link to={`/pipeline?fromInteraction=${i.id}`}>{t('meetings.createDeal')}</Link>}
          </div>
        ),
    },
  ];

  return (
    <Panel
      title={t('meetings.title')}
      actions={
        <ExportMenu list="interactions" filter={filter} orderBy={{ field: sort.field, direction: sort.direction }} />
      }
    >
      <FilterBar label={t('meetings.filters')} variant="plain" className="missions-meetings-filters">
        <SelectField
          label={t('meetings.status')}
          value={status}
          placeholder={tc('common.all')}
          onChange={(e) => setStatus(e.target.value)}
          options={STATUSES.map((s) => ({ value: s, label: t(`meetingStatus.${s}`) }))}
        />
        <SelectField
          label={t('meetings.outcome')}
          value={outcome}
          placeholder={tc('common.all')}
          onChange={(e) => setOutcome(e.target.value)}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`outcomeValue.${o}`) }))}
        />
      </FilterBar>
      {error && !shown ? (
        <QueryError refetch={refetch} />
      ) : !shown ? (
        <Spinner label={t('meetings.loading')} />
      ) : (
        <>
          <DataTable
            caption={t('meetings.title')}
            columns={columns}
            rows={rows}
            rowKey={(i) => i.id}
            sort={sort}
            onSortChange={setSort}
            busy={loading}
            empty={<EmptyState title={t('meetings.emptyTitle')}>{t('meetings.emptyText')}</EmptyState>}
          />
          <ConnectionPager
            connection={shown.interactions}
            page={page}
            summary={t('meetings.count', { count: shown.interactions.totalCount })}
          />
        </>
      )}
      {editingRow && (
        <MeetingOutcomeDialog
          interactionId={editingRow.id}
          title={`${fmt.formatDateTime(editingRow.startsAt ?? editingRow.occurredAt, timeZone)} · ${editingRow.subject}`}
          outcome={editingRow.outcome}
          notes={editingRow.notes}
          onClose={() => setEditingRow(null)}
        />
      )}
    </Panel>
  );
}
