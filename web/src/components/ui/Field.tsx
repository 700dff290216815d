import { type ReactElement, type ReactNode, useId } from 'react';
import { classNames } from './classNames';
import './ui.css';

export interface FieldControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

export interface FieldProps {
  label: string;
  /** Shown under the control and tied to it with aria-describedby; also marks it invalid. */
  error?: string | null;
  hint?: ReactNode;
  id?: string;
  className?: string;
  /** Extra ids the control is described by (besides the hint and the error). */
  describedBy?: string;
  /** Renders the control with the id and ARIA attributes that tie it to its label, hint and error. */
  children: (control: FieldControlProps) => ReactElement;
}

/** Label, hint and error around any form control: inputs, selects and text areas share it. */
export function Field({ label, error, hint, id, className, describedBy, children }: FieldProps) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const described = [describedBy, hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={classNames('ui-field', error && 'ui-field--invalid', className)}>
      <label className="ui-field__label" htmlFor={controlId}>
        {label}
      </label>
      {children({ id: controlId, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
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
