import type { ComponentPropsWithRef, ReactNode } from 'react';
import { Field } from './Field';

export interface TextFieldProps extends ComponentPropsWithRef<'input'> {
  label: string;
  /** Shown under the input and tied to it with aria-describedby; also marks it invalid. */
  error?: string | null;
  hint?: ReactNode;
}

export function TextField({ label, error, hint, id, className, type = 'text', ...rest }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} id={id} className={className} describedBy={rest['aria-describedby']}>
      {(control) => <input {...rest} {...control} type={type} className="ui-field__input" />}
    </Field>
  );
}
