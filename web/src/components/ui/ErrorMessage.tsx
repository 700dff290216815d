import type { ReactNode } from 'react';
import { Button } from './Button';
import { classNames } from './classNames';
import './ui.css';

export interface ErrorMessageProps {
  children: ReactNode;
  title?: string;
  /** With a label, renders a retry button. */
  retry?: { label: string; onRetry: () => void };
  className?: string;
}

/** An error announced to screen readers as soon as it appears. */
export function ErrorMessage({ children, title, retry, className }: ErrorMessageProps) {
  return (
    <div role="alert" className={classNames('ui-error', className)}>
      <svg className="ui-error__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M10 1.667a8.333 8.333 0 1 0 0 16.666 8.333 8.333 0 0 0 0-16.666Zm.833 12.5H9.167V12.5h1.666v1.667Zm0-3.334H9.167v-5h1.666v5Z"
        />
      </svg>
      <div className="ui-error__body">
        {title && <p className="ui-error__title">{title}</p>}
        <div>{children}</div>
        {retry && (
          <Button variant="secondary" size="small" className="ui-error__retry" onClick={retry.onRetry}>
            {retry.label}
          </Button>
        )}
      </div>
    </div>
  );
}
