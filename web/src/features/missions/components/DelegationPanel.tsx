import type { FragmentType } from '@apollo/client';
import { useFragment, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportMenu } from '../../../components/export/ExportMenu';
import { type CompanyOption, CompanyPicker } from '../../../components/pickers/CompanyPicker';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { type Column, DataTable } from '../../../components/ui/DataTable';
import { EmptyState } from '../../../components/ui/EmptyState';
import { FormDialog } from '../../../components/ui/FormDialog';
import { Panel } from '../../../components/ui/Panel';
import { SelectField } from '../../../components/ui/SelectField';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import { graphql } from '../../../gql';
import type { DelegationPanel_ParticipantFragment as Participant, ParticipantStatus } from '../../../gql/graphql';
import { fragmentRows } from '../../../lib/apollo/fragmentRows';
import { useMutationForm } from '../../../lib/forms/useMutationForm';
import { participantStatusTone } from '../../../lib/status/tones';
import { AddMissionParticipantMutation, UpdateMissionParticipantMutation } from '../graphql/mission';
import { PARTICIPANT_STATUSES, useMissionFormat } from '../hooks/useMissionFormat';

export const DelegationPanelParticipantFragment = graphql(`
  fragment DelegationPanel_participant on MissionParticipant {
    id
    status
    notes
    company {
      id
      name
      city
      country
    }
    meetings(first: 1) {
      totalCount
    }
  }
`);

export interface DelegationPanelProps {
  missionId: string;
  participants: readonly FragmentType<typeof DelegationPanelParticipantFragment>[];
  editable: boolean;
}

export function DelegationPanel({ missionId, participants: refs, editable }: DelegationPanelProps) {
  const { data } = useFragment({ fragment: DelegationPanelParticipantFragment, from: [...refs] });
  const participants = fragmentRows<Participant>(data);
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const fmt = useMissionFormat();
  const [adding, setAdding] = useState(false);

  const columns: Column<Participant>[] = [
    {
      key: 'company',
      header: t('delegation.exporter'),
      render: (p) => (
        <div className="missions-cell-main">
          <Link to={`/companies/${p.company.id}`} className="missions-link-strong">
            {p.company.name}
          </Link>
          <span className="missions-muted">
            {[p.company.city, fmt.countryName(p.company.country)].filter(Boolean).join(', ')}
          </span>
        </div>
      ),
    },
    {
      key: 'status',
      header: t('delegation.status'),
      render: (p) =>
        editable ? (
          <ParticipantStatusSelect participant={p} />
        ) : (
          <Badge tone={participantStatusTone[p.status]}>{t(`participantStatus.${p.status}`)}</Badge>
        ),
    },
    {
      key: 'meetings',
      header: t('delegation.meetings'),
      align: 'end',
      render: (p) => fmt.formatNumber(p.meetings.totalCount),
    },
    {
      key: 'notes',
      header: t('delegation.notes'),
      secondary: true,
      render: (p) => p.notes ?? <span className="missions-muted">{tc('common.unknown')}</span>,
    },
    {
      key: 'agenda',
      header: t('delegation.agenda'),
      render: (p) => (
        <Link
          to={`/missions/${missionId}/agenda/${p.company.id}/print`}
          target="_blank"
          rel="noopener"
          aria-label={t('delegation.printAgendaOf', { name: p.company.name })}
        >
          {t('delegation.printAgenda')}
        </Link>
      ),
    },
  ];

  return (
    <Panel
      title={t('delegation.title', { count: participants.length })}
      actions={
        <>
          <ExportMenu list="delegation" missionId={missionId} />
          {editable && (
            <Link
              to={`/import?kind=DELEGATION&missionId=${encodeURIComponent(missionId)}`}
              className="ui-button ui-button--secondary ui-button--medium"
            >
              {t('delegation.import')}
            </Link>
          )}
          {editable && <Button onClick={() => setAdding(true)}>{t('delegation.add')}</Button>}
        </>
      }
    >
      <DataTable
        caption={t('delegation.caption')}
        columns={columns}
        rows={participants}
        rowKey={(p) => p.id}
        empty={
          <EmptyState
            title={t('delegation.emptyTitle')}
            action={editable && <Button onClick={() => setAdding(true)}>{t('delegation.add')}</Button>}
          >
            {t('delegation.emptyText')}
          </EmptyState>
        }
      />
      {adding && <AddParticipantDialog missionId={missionId} onClose={() => setAdding(false)} />}
    </Panel>
  );
}

function ParticipantStatusSelect({ participant }: { participant: Participant }) {
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const [update, { loading }] = useMutation(UpdateMissionParticipantMutation);
  const [error, setError] = useState<string | null>(null);

  async function change(status: ParticipantStatus) {
    setError(null);
    try {
      const result = await update({
        variables: { input: { participantId: participant.id, status } },
        refetchQueries: ['MissionOutcome'],
      });
      const errors = result.data?.updateMissionParticipant.userErrors ?? [];
      if (errors.length > 0) setError(errors.map((e) => e.message).join(' '));
    } catch {
      setError(tc('errors.generic'));
    }
  }

  return (
    <div className="missions-inline-select">
      <select
        className={`ui-field__input ui-field__select missions-status-select missions-status-select--${participantStatusTone[participant.status]}`}
        aria-label={t('delegation.statusOf', { name: participant.company.name })}
        value={participant.status}
        disabled={loading}
        aria-invalid={error ? true : undefined}
        onChange={(e) => void change(e.target.value as ParticipantStatus)}
      >
        {PARTICIPANT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`participantStatus.${s}`)}
          </option>
        ))}
      </select>
      {error && (
        <p role="alert" className="ui-field__error">
          {error}
        </p>
      )}
    </div>
  );
}

function AddParticipantDialog({ missionId, onClose }: { missionId: string; onClose: () => void }) {
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const [company, setCompany] = useState<CompanyOption | null>(null);
  const [status, setStatus] = useState<ParticipantStatus>('INVITED');
  const [notes, setNotes] = useState('');
  const { errors, formErrors, saving, submit: send } = useMutationForm(['companyId', 'status', 'notes']);
  const [add] = useMutation(AddMissionParticipantMutation);

  function submit() {
    return send(
      async () => {
        if (!company) return null;
        const result = await add({
          variables: { input: { missionId, companyId: company.id, status, notes: notes.trim() || null } },
          refetchQueries: ['MissionPage', 'MissionOutcome'],
          awaitRefetchQueries: true,
        });
        return result.data?.addMissionParticipant;
      },
      { check: { companyId: company ? undefined : tc('common.required') }, onSuccess: onClose },
    );
  }

  return (
    <FormDialog
      onClose={onClose}
      title={t('delegation.addTitle')}
      onSubmit={submit}
      submitLabel={t('delegation.addSubmit')}
      saving={saving}
      formErrors={formErrors}
      formClassName="missions-form"
    >
      <CompanyPicker
        label={t('delegation.exporter')}
        kinds={['EXPORTER']}
        value={company}
        onChange={setCompany}
        error={errors.companyId}
        required
      />
      <SelectField
        label={t('delegation.status')}
        value={status}
        onChange={(e) => setStatus(e.target.value as ParticipantStatus)}
        options={PARTICIPANT_STATUSES.map((s) => ({ value: s, label: t(`participantStatus.${s}`) }))}
        error={errors.status}
      />
      <TextAreaField
        label={t('delegation.notes')}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        error={errors.notes}
      />
    </FormDialog>
  );
}
