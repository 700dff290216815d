import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/ui/FormDialog';
import { SelectField } from '../../../components/ui/SelectField';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import type { Outcome } from '../../../gql/graphql';
import { useMutationForm } from '../../../lib/forms/useMutationForm';
import { UpdateMeetingMutation } from '../graphql/agenda';
import { OUTCOMES } from '../hooks/useMissionFormat';

export interface MeetingOutcomeDialogProps {
  interactionId: string;
  title: string;
  outcome: Outcome | null;
  notes: string | null;
  onClose: () => void;
}

/** The outcome and notes of a held meeting. */
export function MeetingOutcomeDialog({ interactionId, title, outcome, notes, onClose }: MeetingOutcomeDialogProps) {
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const [value, setValue] = useState<string>(outcome ?? '');
  const [text, setText] = useState(notes ?? '');
  const { errors, formErrors, saving, submit: send } = useMutationForm(['outcome', 'notes']);
  const [update] = useMutation(UpdateMeetingMutation);

  function submit() {
    return send(
      async () => {
        const result = await update({
          variables: {
            input: { interactionId, outcome: (value || null) as Outcome | null, notes: text.trim() || null },
          },
          refetchQueries: ['MissionMeetings', 'MissionOutcome'],
        });
        return result.data?.updateInteraction;
      },
      { onSuccess: onClose },
    );
  }

  return (
    <FormDialog
      onClose={onClose}
      title={t('outcomeDialog.title')}
      onSubmit={submit}
      submitLabel={tc('common.save')}
      saving={saving}
      formErrors={formErrors}
      formClassName="missions-form"
      intro={<p className="missions-muted">{title}</p>}
    >
      <SelectField
        label={t('outcomeDialog.outcome')}
        value={value}
        placeholder={tc('common.none')}
        onChange={(e) => setValue(e.target.value)}
        options={OUTCOMES.map((o) => ({ value: o, label: t(`outcomeValue.${o}`) }))}
        error={errors.outcome}
      />
      <TextAreaField
        label={t('outcomeDialog.notes')}
        value={text}
        rows={5}
        onChange={(e) => setText(e.target.value)}
        error={errors.notes}
      />
    </FormDialog>
  );
}
