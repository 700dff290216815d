import type { ComponentPropsWithRef, ReactNode } from 'react';
import { Field } from './Field';

export interface TextAreaFieldProps extends ComponentPropsWithRef<'textarea'> {
  label: string;
  error?: string | null;
  hint?: ReactNode;
}

export function TextAreaField({ label, error, hint, id, className, rows = 3, ...rest }: TextAreaFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} id={id} className={className} describedBy={rest['aria-describedby']}>
      {(control) => <textarea {...rest} {...control} rows={rows} className="ui-field__input ui-field__textarea" />}
    </Field>
  );
}
