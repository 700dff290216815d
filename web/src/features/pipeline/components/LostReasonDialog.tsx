import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
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
  const formId = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
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
    <Dialog
      open={request !== null}
      title={t('lost.title')}
      onClose={cancel}
      closeLabel={tc('common.close')}
      footer={
        <>
          <Button variant="secondary" onClick={cancel}>
            {tc('common.cancel')}
          </Button>
          <Button type="submit" form={formId} variant="danger">
            {t('lost.confirm')}
          </Button>
        </>
      }
    >
      {request && (
        <form id={formId} onSubmit={submit} noValidate className="pipeline-form">
          <p className="pipeline-form__intro">
            {t('lost.intro', { title: request.dealTitle, stage: request.stageName })}
          </p>
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
        </form>
      )}
    </Dialog>
  );
}
