import type { ReactNode } from 'react';
import { FormDialog } from '../../../components/ui/FormDialog';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  loading?: boolean;
  /** Why the server refused: the dialog stays open with the message. */
  error?: string | null;
  tone?: 'danger' | 'primary';
}

/** Asks before an action that cannot be taken back (Cancel, or confirm): a FormDialog without fields. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  loading,
  error,
  tone = 'danger',
}: ConfirmDialogProps) {
  return (
    <FormDialog
      open={open}
      title={title}
      onClose={onClose}
      onSubmit={onConfirm}
      submitLabel={confirmLabel}
      submitVariant={tone}
      saving={loading}
      formErrors={error}
      formClassName="ui-stack ui-stack--tight admin-confirm"
    >
      <div className="admin-confirm__text">{children}</div>
    </FormDialog>
  );
}
