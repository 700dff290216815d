import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/ui/FormDialog';
import { TextAreaField } from '../../../components/ui/TextAreaField';

export interface LostReasonDialogProps {
  /** The deal and the LOST stage it is about to enter; null when closed. */
  request: { dealTitle: string; stageName: string } | null;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}

/** Entering a LOST stage needs a reason: asked before the move is sent. */
export function LostReasonDialog({ request, onCancel, onConfirm }: LostReasonDialogProps) {
  const { t } = useTranslation('pipeline');
  const { t: tc } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit() {
    const trimmed = reason.trim();
    if (!trimmed) {
      setError(tc('common.required'));
      return;
    }
    setReason('');
    setError(null);
    onConfirm(trimmed);
  }

  function cancel() {
    setReason('');
    setError(null);
    onCancel();
  }

  return (
    <FormDialog
      open={request !== null}
      title={t('lost.title')}
      onClose={cancel}
      onSubmit={submit}
      submitLabel={t('lost.confirm')}
      submitVariant="danger"
      formClassName="ui-stack ui-stack--tight pipeline-form"
      intro={
        request && (
          <p className="ui-note pipeline-form__intro">
            {t('lost.intro', { title: request.dealTitle, stage: request.stageName })}
          </p>
        )
      }
    >
      <TextAreaField
        label={t('lost.reason')}
        hint={t('lost.hint')}
        value={reason}
        onChange={(event) => {
          setReason(event.target.value);
          if (error) setError(null);
        }}
        error={error}
        required
        autoFocus
      />
    </FormDialog>
  );
}
