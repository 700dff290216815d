import { classNames } from './classNames';
import './ui.css';

export interface SpinnerProps {
  /** Announced to assistive technology; omit when the surrounding control already says it is busy. */
  label?: string;
  size?: 'small' | 'medium' | 'large';
  className?: string;
}

export function Spinner({ label, size = 'medium', className }: SpinnerProps) {
  const spinner = <span className={classNames('ui-spinner', `ui-spinner--${size}`, className)} aria-hidden="true" />;
  if (!label) return spinner;
  return (
    <span role="status" className="ui-spinner-status">
      {spinner}
      <span className="ui-visually-hidden">{label}</span>
    </span>
  );
}
