import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type CompanyOption, CompanyPicker } from '../../../components/pickers/CompanyPicker';
import { Button } from '../../../components/ui/Button';
import { classNames } from '../../../components/ui/classNames';
import { Dialog } from '../../../components/ui/Dialog';
import { FormDialog } from '../../../components/ui/FormDialog';
import { IconButton } from '../../../components/ui/IconButton';
import { CheckIcon } from '../../../components/ui/icons';
import { SelectField } from '../../../components/ui/SelectField';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import { TextField } from '../../../components/ui/TextField';
import type { CompanyKind, InteractionKind, LogInteractionInput, Outcome } from '../../../gql/graphql';
import { fromLocalInput, toLocalInput } from '../../../lib/dates/local';
import { useMutationForm } from '../../../lib/forms/useMutationForm';
import { useFormat } from '../../../lib/i18n/useFormat';
import { roundedNow } from '../dateTime';
import { LogInteractionMutation, QuickLogContextQuery } from '../graphql/quickLog';

const KINDS: readonly InteractionKind[] = ['MEETING', 'CALL', 'EMAIL', 'VISIT', 'NOTE'];
const COUNTERPART_KINDS: readonly CompanyKind[] = ['BUYER', 'DISTRIBUTOR', 'RETAILER', 'INSTITUTION', 'PARTNER'];
const DURATIONS = [15, 30, 45, 60, 90, 120] as const;
const OUTCOMES: readonly Outcome[] = ['POSITIVE', 'NEUTRAL', 'NEGATIVE'];
type Status = 'HELD' | 'PLANNED';

type FormField =
  | 'kind'
  | 'exporter'
  | 'counterpart'
  | 'mission'
  | 'when'
  | 'duration'
  | 'status'
  | 'subject'
  | 'outcome'
  | 'notes';

/** The input's field names (as the server reports them) → the form's fields. */
const SERVER_FIELDS: Record<string, FormField> = {
  kind: 'kind',
  exporterId: 'exporter',
  counterpartId: 'counterpart',
  missionId: 'mission',
  occurredAt: 'when',
  startsAt: 'when',
  endsAt: 'duration',
  status: 'status',
  subject: 'subject',
  outcome: 'outcome',
  notes: 'notes',
};

interface Logged {
  id: string;
  kind: InteractionKind;
  subject: string;
  occurredAt: string;
}

export interface QuickLogDialogProps {
  /** The company page it was opened on, if any. */
  companyId: string | null;
  /** The mission page it was opened on, if any. */
  missionId: string | null;
  onClose: () => void;
}

export function QuickLogDialog({ companyId, missionId, onClose }: QuickLogDialogProps) {
  const { t } = useTranslation('interactions');
  const { t: tc } = useTranslation();
  const { formatDate, formatNumber } = useFormat();
  const navigate = useNavigate();
  const client = useApolloClient();
  const firstRadio = useRef<HTMLInputElement>(null);
  const nextAction = useRef<HTMLButtonElement>(null);

  const [kind, setKind] = useState<InteractionKind>('MEETING');
  const [exporter, setExporter] = useState<CompanyOption | null>(null);
  const [counterpart, setCounterpart] = useState<CompanyOption | null>(null);
  const [mission, setMission] = useState<{ id: string; name: string } | null>(null);
  const [when, setWhen] = useState(() => toLocalInput(roundedNow()));
  const [duration, setDuration] = useState('30');
  const [status, setStatus] = useState<Status | null>(null);
  const [subject, setSubject] = useState('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [notes, setNotes] = useState('');
  const { errors, formErrors, saving: loading, submit, showChecks } = useMutationForm(SERVER_FIELDS);
  const [logged, setLogged] = useState<Logged | null>(null);
  const [logInteraction] = useMutation(LogInteractionMutation);

  const context = useQuery(QuickLogContextQuery, {
    variables: {
      companyId: companyId ?? '',
      missionId: missionId ?? '',
      withCompany: Boolean(companyId),
      withMission: Boolean(missionId),
    },
    skip: !companyId && !missionId,
  });
  const prefilled = useRef(false);
  useEffect(() => {
    const data = context.data;
    if (!data || prefilled.current) return;
    prefilled.current = true;
    if (data.company) {
      const option = { id: data.company.id, name: data.company.name };
      if (data.company.kind === 'EXPORTER') setExporter((value) => value ?? option);
      else setCounterpart((value) => value ?? option);
    }
    if (data.mission) setMission((value) => value ?? { id: data.mission?.id ?? '', name: data.mission?.name ?? '' });
  }, [context.data]);

  // After the dialog has opened (and the browser has placed focus), start on the kind.
  useEffect(() => {
    firstRadio.current?.focus();
  }, []);

  // Once logged, the next step is one key away.
  useEffect(() => {
    if (logged) nextAction.current?.focus();
  }, [logged]);

  const whenDate = fromLocalInput(when);
  const isMeeting = kind === 'MEETING';
  // Until the user chooses, a meeting in the future is planned and one in the past was held.
  const effectiveStatus: Status = status ?? (whenDate && whenDate.getTime() > Date.now() ? 'PLANNED' : 'HELD');
  const planned = isMeeting && effectiveStatus === 'PLANNED';
  const about = counterpart?.name ?? exporter?.name;
  const autoSubject = about ? t(`autoSubject.${kind}`, { name: about }) : t(`kinds.${kind}`);

  function onSubmit() {
    const required: Partial<Record<FormField, string>> = {};
    if (!exporter) required.exporter = tc('common.required');
    if (!whenDate) required.when = tc('common.required');
    if (!exporter || !whenDate) {
      showChecks(required);
      return;
    }

    const at = whenDate.toISOString();
    const input: LogInteractionInput = {
      kind,
      exporterId: exporter.id,
      counterpartId: counterpart?.id,
      missionId: mission?.id,
      subject: subject.trim() || autoSubject,
      notes: notes.trim() || undefined,
      occurredAt: at,
      outcome: !planned && outcome ? outcome : undefined,
    };
    if (isMeeting) {
      input.startsAt = at;
      input.endsAt = new Date(whenDate.getTime() + Number(duration) * 60_000).toISOString();
      input.status = effectiveStatus;
    }

    return submit(async () => (await logInteraction({ variables: { input } })).data?.logInteraction, {
      check: required,
      onSuccess: ({ interaction }) => {
        if (!interaction) return;
        setLogged(interaction);
        // Timelines, agendas and the dashboard on screen show the new entry.
        void client.refetchQueries({ include: 'active' }).catch(() => {});
      },
    });
  }

  if (logged) {
    const createLabel = logged.kind === 'MEETING' ? t('success.createDealFromMeeting') : t('success.createDeal');
    return (
      <Dialog
        open
        title={t('dialog.title')}
        closeLabel={tc('common.close')}
        onClose={onClose}
        footer={
          <>
            <Button variant="secondary" onClick={onClose}>
              {t('success.done')}
            </Button>
            <Button
              ref={nextAction}
              onClick={() => {
                onClose();
                void navigate(`/pipeline?fromInteraction=${encodeURIComponent(logged.id)}`);
              }}
            >
              {createLabel}
            </Button>
          </>
        }
      >
        <div className="quick-log__success" role="status">
          <span className="quick-log__success-icon">
            <CheckIcon />
          </span>
          <div>
            <p className="quick-log__success-title">{t(`success.title.${logged.kind}`)}</p>
            <p className="quick-log__success-text">
              {logged.subject} · {formatDate(logged.occurredAt, { dateStyle: 'medium', timeStyle: 'short' })}
            </p>
          </div>
        </div>
        <p className="ui-note quick-log__hint">{t('success.next')}</p>
      </Dialog>
    );
  }

  return (
    <FormDialog
      title={t('dialog.title')}
      onClose={onClose}
      className="quick-log"
      onSubmit={onSubmit}
      submitLabel={loading ? tc('common.saving') : t(`dialog.submit.${kind}`)}
      saving={loading}
      formErrors={formErrors}
      formClassName="ui-stack quick-log__form"
    >
      <fieldset className="quick-log__kinds">
        <legend className="ui-field__label">{t('fields.kind')}</legend>
        <div className="quick-log__segmented">
          {KINDS.map((value) => (
            <label key={value} className={classNames('quick-log__segment', kind === value && 'is-checked')}>
              <input
                ref={kind === value ? firstRadio : undefined}
                type="radio"
                name="kind"
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              {t(`kinds.${value}`)}
            </label>
          ))}
        </div>
        {errors.kind && <p className="ui-field__error">{errors.kind}</p>}
      </fieldset>

      <div className="quick-log__row">
        <CompanyPicker
          label={t('fields.exporter')}
          kinds={['EXPORTER']}
          value={exporter}
          onChange={setExporter}
          error={errors.exporter}
          required
        />
        <CompanyPicker
          label={t('fields.counterpart')}
          kinds={COUNTERPART_KINDS}
          value={counterpart}
          onChange={setCounterpart}
          error={errors.counterpart}
        />
      </div>

      {mission && (
        <div className="quick-log__mission">
          <span className="quick-log__mission-label">{t('fields.mission')}</span>
          <span className="quick-log__chip">
            {mission.name}
            <IconButton
              className="quick-log__chip-remove"
              label={t('fields.detachMission', { name: mission.name })}
              onClick={() => setMission(null)}
            />
          </span>
          {errors.mission && <p className="ui-field__error">{errors.mission}</p>}
        </div>
      )}

      <div className="quick-log__row">
        <TextField
          label={t('fields.when')}
          type="datetime-local"
          step={900}
          required
          value={when}
          onChange={(event) => setWhen(event.target.value)}
          error={errors.when}
        />
        {isMeeting && (
          <SelectField
            label={t('fields.duration')}
            value={duration}
            onChange={(event) => setDuration(event.target.value)}
            options={DURATIONS.map((minutes) => ({
              value: String(minutes),
              label: formatNumber(minutes, { style: 'unit', unit: 'minute', unitDisplay: 'short' }),
            }))}
            error={errors.duration}
          />
        )}
      </div>

      {isMeeting && (
        <fieldset className="quick-log__kinds">
          <legend className="ui-field__label">{t('fields.status')}</legend>
          <div className="quick-log__segmented">
            {(['HELD', 'PLANNED'] as const).map((value) => (
              <label
                key={value}
                className={classNames('quick-log__segment', effectiveStatus === value && 'is-checked')}
              >
                <input
                  type="radio"
                  name="status"
                  value={value}
                  checked={effectiveStatus === value}
                  onChange={() => setStatus(value)}
                />
                {t(`status.${value}`)}
              </label>
            ))}
          </div>
          {errors.status && <p className="ui-field__error">{errors.status}</p>}
        </fieldset>
      )}

      <TextField
        label={t('fields.subject')}
        value={subject}
        placeholder={autoSubject}
        hint={t('fields.subjectHint')}
        onChange={(event) => setSubject(event.target.value)}
        error={errors.subject}
        maxLength={200}
      />

      {!planned && (
        <SelectField
          label={t('fields.outcome')}
          value={outcome}
          placeholder={tc('common.none')}
          onChange={(event) => setOutcome(event.target.value as Outcome | '')}
          options={OUTCOMES.map((value) => ({ value, label: t(`outcomes.${value}`) }))}
          error={errors.outcome}
        />
      )}

      <TextAreaField
        label={planned ? t('fields.agenda') : t('fields.notes')}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
        error={errors.notes}
        rows={3}
      />
    </FormDialog>
  );
}
