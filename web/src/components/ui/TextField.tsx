import { type ComponentPropsWithRef, useId } from 'react';
import { classNames } from './classNames';
import './ui.css';

export interface TextFieldProps extends ComponentPropsWithRef<'input'> {
  label: string;
  /** Shown under the input and tied to it with aria-describedby; also marks it invalid. */
  error?: string | null;
  hint?: string;
}

export function TextField({ label, error, hint, id, className, type = 'text', ...rest }: TextFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [rest['aria-describedby'], hintId, errorId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={classNames('ui-field', error && 'ui-field--invalid', className)}>
      <label className="ui-field__label" htmlFor={inputId}>
        {label}
      </label>
      <input
        {...rest}
        id={inputId}
        type={type}
        className="ui-field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint && (
        <p id={hintId} className="ui-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="ui-field__error">
          {error}
        </p>
      )}
    </div>
  );
}
