import { useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { ErrorMessage } from '../../../components/ui/ErrorMessage';
import { SelectField } from '../../../components/ui/SelectField';
import { TextAreaField } from '../../../components/ui/TextAreaField';
import type { Outcome } from '../../../gql/graphql';
import { splitUserErrors } from '../../../lib/forms/userErrors';
import { UpdateMeetingMutation } from '../graphql/mission';
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [update, { loading }] = useMutation(UpdateMeetingMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormErrors([]);
    try {
      const result = await update({
        variables: {
          input: { interactionId, outcome: (value || null) as Outcome | null, notes: text.trim() || null },
        },
        refetchQueries: ['MissionMeetings', 'MissionOutcome'],
      });
      const payload = result.data?.updateInteraction;
      if (payload && payload.userErrors.length > 0) {
        const split = splitUserErrors(payload.userErrors, ['outcome', 'notes']);
        setErrors(split.fields);
        setFormErrors(split.form);
        return;
      }
      onClose();
    } catch {
      setFormErrors([tc('errors.generic')]);
    }
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('outcomeDialog.title')}
      closeLabel={tc('common.close')}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {tc('common.cancel')}
          </Button>
          <Button type="submit" form={`outcome-form-${interactionId}`} loading={loading}>
            {tc('common.save')}
          </Button>
        </>
      }
    >
      <form id={`outcome-form-${interactionId}`} className="missions-form" onSubmit={submit} noValidate>
        <p className="missions-muted">{title}</p>
        {formErrors.length > 0 && <ErrorMessage>{formErrors.join(' ')}</ErrorMessage>}
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
      </form>
    </Dialog>
  );
}
