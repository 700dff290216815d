import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CompanyOption, CompanyPicker } from '../../../components/pickers/CompanyPicker';
import { FormDialog } from '../../../components/ui/FormDialog';
import { SelectField } from '../../../components/ui/SelectField';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import { TextField } from '../../../components/ui/TextField';
import { useMutationForm } from '../../../lib/forms/useMutationForm';
import { CONTACT_CHOICES } from '../../../lib/pagination/useListPage';
import { MeetingContactsQuery, MissionAgendaQuery, PlanMeetingMutation } from '../graphql/agenda';
import { zonedToUtc } from '../hooks/time';
import { useMissionFormat } from '../hooks/useMissionFormat';

const DURATIONS = [15, 20, 30, 45, 60, 90, 120];
const FIELDS = ['exporterId', 'counterpartId', 'subject', 'startsAt', 'endsAt', 'place', 'contactIds', 'notes'];

export interface PlanMeetingDialogProps {
  missionId: string;
  timeZone: string;
  days: readonly string[];
  defaultDay: string;
  defaultExporterId: string;
  /** The exporters of the delegation who can meet (not withdrawn). */
  exporters: readonly { id: string; name: string }[];
  /** The meeting the new one clashes with, and its day. */
  onConflict: (existingId: string, day: string) => void;
  onPlanned: (day: string) => void;
  onClose: () => void;
}

export function PlanMeetingDialog({
  missionId,
  timeZone,
  days,
  defaultDay,
  defaultExporterId,
  exporters,
  onConflict,
  onPlanned,
  onClose,
}: PlanMeetingDialogProps) {
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const fmt = useMissionFormat();
  const [exporterId, setExporterId] = useState(defaultExporterId);
  const [counterpart, setCounterpart] = useState<CompanyOption | null>(null);
  const [subject, setSubject] = useState('');
  const [day, setDay] = useState(defaultDay);
  const [time, setTime] = useState('');
  const [duration, setDuration] = useState(30);
  const [place, setPlace] = useState('');
  const [contactIds, setContactIds] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const { errors, formErrors, saving, submit: send, showChecks } = useMutationForm(FIELDS);
  const [conflictId, setConflictId] = useState<string | null>(null);
  const [plan] = useMutation(PlanMeetingMutation);

  const exporter = exporters.find((company) => company.id === exporterId) ?? null;
  const defaultSubject =
    exporter && counterpart ? t('plan.defaultSubject', { exporter: exporter.name, counterpart: counterpart.name }) : '';

  const companyIds = [exporterId, counterpart?.id].filter((id): id is string => Boolean(id));
  const contacts = useQuery(MeetingContactsQuery, {
    variables: { companyIds, first: CONTACT_CHOICES },
    skip: companyIds.length === 0,
  });
  const availableContacts = (contacts.data?.contacts.nodes ?? []).filter((c) => companyIds.includes(c.company.id));

  // The day's agenda (usually cached by the panel): names the meeting a conflict is with.
  const dayAgenda = useQuery(MissionAgendaQuery, { variables: { id: missionId, day }, skip: !conflictId });
  const clashing = dayAgenda.data?.mission?.agenda.find((m) => m.id === conflictId) ?? null;
  const clashingLabel = clashing
    ? `${clashing.startsAt ? fmt.formatTime(clashing.startsAt, timeZone) : ''}${
        clashing.endsAt ? `–${fmt.formatTime(clashing.endsAt, timeZone)}` : ''
      } · ${clashing.exporter.name}${clashing.counterpart ? ` – ${clashing.counterpart.name}` : ''}`
    : null;

  function submit() {
    const local: Record<string, string> = {};
    if (!exporterId) local.exporterId = tc('common.required');
    if (!counterpart) local.counterpartId = tc('common.required');
    if (!day) local.day = tc('common.required');
    if (!time) local.startsAt = tc('common.required');
    setConflictId(null);
    if (!counterpart) {
      showChecks(local);
      return;
    }

    const startsAt = zonedToUtc(day, time, timeZone);
    const endsAt = new Date(startsAt.getTime() + duration * 60_000);
    return send(
      async () => {
        const result = await plan({
          variables: {
            input: {
              kind: 'MEETING',
              status: 'PLANNED',
              missionId,
              exporterId,
              counterpartId: counterpart.id,
              subject: subject.trim() || defaultSubject,
              startsAt: startsAt.toISOString(),
              endsAt: endsAt.toISOString(),
              place: place.trim() || null,
              contactIds,
              notes: notes.trim() || null,
            },
          },
          refetchQueries: ['MissionAgenda', 'MissionPage', 'MissionMeetings', 'MissionOutcome'],
        });
        return result.data?.logInteraction;
      },
      {
        check: local,
        onSuccess: () => {
          onPlanned(day);
          onClose();
        },
        // A clash with a known meeting names it next to the time; an unknown one is the time's error.
        handle: (userErrors) =>
          userErrors.flatMap((error) => {
            if (error.code !== 'CONFLICT') return [error];
            if (!error.existingId) return [{ ...error, field: ['input', 'startsAt'] }];
            setConflictId(error.existingId);
            onConflict(error.existingId, day);
            return [];
          }),
      },
    );
  }

  const timeError = conflictId
    ? clashingLabel
      ? t('plan.conflictWith', { meeting: clashingLabel })
      : t('plan.conflict')
    : (errors.startsAt ?? errors.endsAt);
  return (
    <FormDialog
      onClose={onClose}
      title={t('plan.title')}
      onSubmit={submit}
      submitLabel={t('plan.submit')}
      saving={saving}
      formErrors={formErrors}
      formClassName="missions-form"
    >
      <SelectField
        label={t('plan.exporter')}
        value={exporterId}
        placeholder={tc('common.choose')}
        onChange={(e) => {
          setExporterId(e.target.value);
          setContactIds([]);
        }}
        options={exporters.map((company) => ({ value: company.id, label: company.name }))}
        error={errors.exporterId}
        required
      />
      <CompanyPicker
        label={t('plan.counterpart')}
        kinds={['BUYER', 'DISTRIBUTOR', 'RETAILER', 'INSTITUTION', 'PARTNER']}
        value={counterpart}
        onChange={(c) => {
          setCounterpart(c);
          setContactIds([]);
        }}
        error={errors.counterpartId}
        required
      />
      <div className="missions-form__row missions-form__row--3">
        {days.length > 0 ? (
          <SelectField
            label={t('plan.day')}
            value={day}
            onChange={(e) => setDay(e.target.value)}
            options={days.map((d) => ({
              value: d,
              label: fmt.formatDay(d, { weekday: 'short', day: 'numeric', month: 'short' }),
            }))}
            error={errors.day}
          />
        ) : (
          <TextField
            type="date"
            label={t('plan.day')}
            value={day}
            onChange={(e) => setDay(e.target.value)}
            error={errors.day}
          />
        )}
        <TextField
          type="time"
          label={t('plan.startTime')}
          value={time}
          step={300}
          onChange={(e) => {
            setTime(e.target.value);
            setConflictId(null);
          }}
          error={timeError}
          hint={t('plan.timeZoneHint', { zone: timeZone })}
          required
        />
        <SelectField
          label={t('plan.duration')}
          value={String(duration)}
          onChange={(e) => setDuration(Number(e.target.value))}
          options={DURATIONS.map((d) => ({ value: String(d), label: t('plan.minutes', { count: d }) }))}
        />
      </div>
      <TextField
        label={t('plan.subject')}
        value={subject}
        placeholder={defaultSubject}
        onChange={(e) => setSubject(e.target.value)}
        error={errors.subject}
      />
      <TextField
        label={t('plan.place')}
        value={place}
        placeholder={t('plan.placePlaceholder')}
        onChange={(e) => setPlace(e.target.value)}
        error={errors.place}
      />
      {availableContacts.length > 0 && (
        <fieldset className="missions-fieldset">
          <legend>{t('plan.contacts')}</legend>
          {availableContacts.map((c) => (
            <label key={c.id} className="missions-checkbox">
              <input
                type="checkbox"
                checked={contactIds.includes(c.id)}
                onChange={(e) =>
                  setContactIds((ids) => (e.target.checked ? [...ids, c.id] : ids.filter((id) => id !== c.id)))
                }
              />
              <span className="missions-checkbox__text">
                {c.fullName}
                <span className="missions-muted">
                  {' '}
                  · {c.company.name}
                  {c.jobTitle ? `, ${c.jobTitle}` : ''}
                </span>
              </span>
            </label>
          ))}
          {errors.contactIds && <p className="ui-field__error">{errors.contactIds}</p>}
        </fieldset>
      )}
      <TextAreaField label={t('plan.notes')} value={notes} onChange={(e) => setNotes(e.target.value)} />
    </FormDialog>
  );
}
