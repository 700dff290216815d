import type { FragmentType } from '@apollo/client';
import { useFragment, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { UserSelect } from '../../../components/pickers/UserSelect';
import { FormDialog } from '../../../components/ui/FormDialog';
import { SelectField } from '../../../components/ui/SelectField';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import { TextField } from '../../../components/ui/TextField';
import type { MissionKind, MissionStatus } from '../../../gql/graphql';
import { useMutationForm } from '../../../lib/forms/useMutationForm';
import { CreateMissionMutation, MissionFormFieldsFragment, UpdateMissionMutation } from '../graphql/missions';
import { MISSION_KINDS, MISSION_STATUSES, useMissionFormat } from '../hooks/useMissionFormat';

const FIELDS = [
  'name',
  'kind',
  'status',
  'hostCountry',
  'city',
  'startsOn',
  'endsOn',
  'datesApproximate',
  'leadId',
  'budget',
  'budget.amount',
  'budget.currency',
  'description',
];

interface Values {
  name: string;
  kind: MissionKind;
  status: MissionStatus;
  hostCountry: string;
  city: string;
  startsOn: string;
  endsOn: string;
  datesApproximate: boolean;
  leadId: string;
  budgetAmount: string;
  budgetCurrency: string;
  description: string;
}

const EMPTY: Values = {
  name: '',
  kind: 'TRADE_MISSION',
  status: 'PLANNED',
  hostCountry: '',
  city: '',
  startsOn: '',
  endsOn: '',
  datesApproximate: false,
  leadId: '',
  budgetAmount: '',
  budgetCurrency: 'RUB',
  description: '',
};

export interface MissionFormDialogProps {
  open: boolean;
  onClose: () => void;
  /** The mission to edit; without it the dialog creates one and opens it. */
  mission?: FragmentType<typeof MissionFormFieldsFragment>;
}

export function MissionFormDialog(props: MissionFormDialogProps) {
  if (!props.open) return null;
  return <MissionFormDialogContent {...props} />;
}

function MissionFormDialogContent({ open, onClose, mission }: MissionFormDialogProps) {
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const { countries } = useMissionFormat();
  const { data: existing } = useFragment({
    fragment: MissionFormFieldsFragment,
    fragmentName: 'MissionForm_mission',
    from: mission ?? null,
  });
  const editing = Boolean(mission && existing?.id);
  const [values, setValues] = useState<Values>(() =>
    editing && existing?.id
      ? {
          name: existing.name ?? '',
          kind: existing.kind ?? 'TRADE_MISSION',
          status: existing.status ?? 'PLANNED',
          hostCountry: existing.hostCountry ?? '',
          city: existing.city ?? '',
          startsOn: existing.startsOn ?? '',
          endsOn: existing.endsOn ?? '',
          datesApproximate: existing.datesApproximate ?? false,
          leadId: existing.lead?.id ?? '',
          budgetAmount: existing.budget?.amount ?? '',
          budgetCurrency: existing.budget?.currency ?? 'RUB',
          description: existing.description ?? '',
        }
      : EMPTY,
  );
  const { errors, formErrors, saving, submit: send } = useMutationForm(FIELDS);
  const [createMission] = useMutation(CreateMissionMutation);
  const [updateMission] = useMutation(UpdateMissionMutation);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  function submit() {
    const local: Record<string, string> = {};
    if (!values.name.trim()) local.name = tc('common.required');
    if (!values.hostCountry) local.hostCountry = tc('common.required');
    if (values.startsOn && values.endsOn && values.endsOn < values.startsOn) local.endsOn = t('form.endBeforeStart');
    if (values.budgetAmount.trim() && !/^\d+(\.\d{1,2})?$/.test(values.budgetAmount.trim()))
      local['budget.amount'] = t('form.invalidAmount');
    const budget = values.budgetAmount.trim()
      ? { amount: values.budgetAmount.trim(), currency: values.budgetCurrency.trim().toUpperCase() || 'RUB' }
      : null;
    const common = {
      name: values.name.trim(),
      kind: values.kind,
      status: values.status,
      hostCountry: values.hostCountry,
      city: values.city.trim() || null,
      startsOn: values.startsOn || null,
      endsOn: values.endsOn || null,
      datesApproximate: values.datesApproximate,
      leadId: values.leadId || null,
      description: values.description.trim() || null,
    };
    if (editing && existing?.id) {
      const missionId = existing.id;
      return send(
        async () => {
          const result = await updateMission({
            variables: { input: { missionId, ...common, ...(budget ? { budget } : { budget: null }) } },
          });
          return result.data?.updateMission;
        },
        { check: local, onSuccess: onClose },
      );
    }
    return send(
      async () => {
        const result = await createMission({
          variables: { input: { ...common, ...(budget ? { budget } : {}) } },
          refetchQueries: ['MissionsList'],
        });
        return result.data?.createMission;
      },
      {
        check: local,
        onSuccess: (payload) => {
          if (payload.mission) navigate(`/missions/${payload.mission.id}`);
          onClose();
        },
      },
    );
  }

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={editing ? t('form.editTitle') : t('form.createTitle')}
      onSubmit={submit}
      submitLabel={saving ? tc('common.saving') : editing ? tc('common.save') : t('form.create')}
      saving={saving}
      formErrors={formErrors}
      formClassName="missions-form"
    >
      <TextField
        label={t('form.name')}
        value={values.name}
        onChange={(e) => set('name', e.target.value)}
        error={errors.name}
        required
        autoFocus
      />
      <div className="missions-form__row">
        <SelectField
          label={t('form.kind')}
          value={values.kind}
          onChange={(e) => set('kind', e.target.value as MissionKind)}
          options={MISSION_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
          error={errors.kind}
        />
        <SelectField
          label={t('form.status')}
          value={values.status}
          onChange={(e) => set('status', e.target.value as MissionStatus)}
          options={MISSION_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          error={errors.status}
        />
      </div>
      <div className="missions-form__row">
        <SelectField
          label={t('form.hostCountry')}
          value={values.hostCountry}
          onChange={(e) => set('hostCountry', e.target.value)}
          options={countries}
          placeholder={tc('common.choose')}
          error={errors.hostCountry}
          hint={t('form.timeZoneHint')}
          required
        />
        <TextField
          label={t('form.city')}
          value={values.city}
          onChange={(e) => set('city', e.target.value)}
          error={errors.city}
        />
      </div>
      <div className="missions-form__row">
        <TextField
          type="date"
          label={t('form.startsOn')}
          value={values.startsOn}
          onChange={(e) => set('startsOn', e.target.value)}
          error={errors.startsOn}
        />
        <TextField
          type="date"
          label={t('form.endsOn')}
          value={values.endsOn}
          min={values.startsOn || undefined}
          onChange={(e) => set('endsOn', e.target.value)}
          error={errors.endsOn}
        />
      </div>
      <label className="missions-checkbox">
        <input
          type="checkbox"
          checked={values.datesApproximate}
          onChange={(e) => set('datesApproximate', e.target.checked)}
        />
        {t('form.datesApproximate')}
      </label>
      <div className="missions-form__row">
        <UserSelect
          label={t('form.lead')}
          value={values.leadId}
          onChange={(id) => set('leadId', id)}
          placeholder={tc('common.none')}
          error={errors.leadId}
        />
      </div>
      <div className="missions-form__row">
        <TextField
          label={t('form.budgetAmount')}
          inputMode="decimal"
          value={values.budgetAmount}
          onChange={(e) => set('budgetAmount', e.target.value)}
          error={errors['budget.amount'] ?? errors.budget}
        />
        <TextField
          label={t('form.budgetCurrency')}
          value={values.budgetCurrency}
          maxLength={3}
          onChange={(e) => set('budgetCurrency', e.target.value.toUpperCase())}
          error={errors['budget.currency']}
        />
      </div>
      <TextAreaField
        label={t('form.description')}
        value={values.description}
        onChange={(e) => set('description', e.target.value)}
        error={errors.description}
      />
    </FormDialog>
  );
}
