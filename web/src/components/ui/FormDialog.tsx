import { type FormEvent, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { Dialog, type DialogProps } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import './ui.css';

export interface FormDialogProps extends Pick<DialogProps, 'title' | 'onClose' | 'variant' | 'className'> {
  /** Closed dialogs render nothing, so their forms start fresh each time. */
  open?: boolean;
  /** Called on submit (Enter or the submit button); the page does not reload. */
  onSubmit: () => void | Promise<void>;
  submitLabel: string;
  submitVariant?: 'primary' | 'danger';
  /** The submit button shows its loading state. */
  saving?: boolean;
  /** Messages not tied to a field (splitUserErrors' `form`, a network failure), above the fields. */
  formErrors?: readonly string[] | string | null;
  /** After the messages, inside the same alert (a link to the record that already exists). */
  formErrorsExtra?: ReactNode;
  /** A sentence above the messages and fields. */
  intro?: ReactNode;
  /** The feature's form layout (rows, spacing). */
  formClassName?: string;
  /**
   * Once the form has done its work, what it made (a one-time link, a secret) in place of the
   * form, with a single button that closes the dialog.
   */
  result?: { content: ReactNode; doneLabel: string } | null;
  children: ReactNode;
}

/** A dialog holding a form: form-level errors on top, the fields, then Cancel and submit. */
export function FormDialog({
  open = true,
  title,
  onClose,
  variant,
  className,
  onSubmit,
  submitLabel,
  submitVariant = 'primary',
  saving = false,
  formErrors,
  formErrorsExtra,
  intro,
  formClassName,
  result,
  children,
}: FormDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  const messages = formErrors == null ? [] : typeof formErrors === 'string' ? [formErrors] : formErrors;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void onSubmit();
  }

  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      closeLabel={t('common.close')}
      variant={variant}
      className={className}
      footer={
        result ? (
          <Button onClick={onClose}>{result.doneLabel}</Button>
        ) : (
          <>
            <Button variant="secondary" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" form={formId} variant={submitVariant} loading={saving}>
              {submitLabel}
            </Button>
          </>
        )
      }
    >
      {result ? (
        result.content
      ) : (
        <form id={formId} className={formClassName ?? 'ui-form-dialog__form'} onSubmit={submit} noValidate>
          {intro}
          {messages.length > 0 && (
            <ErrorMessage>
              {messages.join(' ')}
              {formErrorsExtra && <> {formErrorsExtra}</>}
            </ErrorMessage>
          )}
          {children}
        </form>
      )}
    </Dialog>
  );
}
