import type { ReactNode } from 'react';
import './ui.css';

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  /** What to do about it: usually a button that creates the first record. */
  action?: ReactNode;
}

export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className="ui-empty">
      <p className="ui-empty__title">{title}</p>
      {children && <div className="ui-empty__text">{children}</div>}
      {action && <div className="ui-empty__action">{action}</div>}
    </div>
  );
}
