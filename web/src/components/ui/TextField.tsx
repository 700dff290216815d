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

/** An e-mail address: the e-mail keyboard on phones, no capital first letter, no spell-checking. */
export function EmailField(props: Omit<TextFieldProps, 'type'>) {
  return <TextField type="email" inputMode="email" autoCapitalize="none" spellCheck={false} {...props} />;
}
