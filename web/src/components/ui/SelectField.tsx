import type { ComponentPropsWithRef, ReactNode } from 'react';
import { Field } from './Field';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectFieldProps extends Omit<ComponentPropsWithRef<'select'>, 'children'> {
  label: string;
  options: readonly SelectOption[];
  /** A first, empty choice ("All", "None", "Choose…"): its value is ''. */
  placeholder?: string;
  error?: string | null;
  hint?: ReactNode;
}

export function SelectField({ label, options, placeholder, error, hint, id, className, ...rest }: SelectFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} id={id} className={className} describedBy={rest['aria-describedby']}>
      {(control) => (
        <select {...rest} {...control} className="ui-field__input ui-field__select">
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
