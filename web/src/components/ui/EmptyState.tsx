import type { ReactNode } from 'react';
import { Button } from './Button';
import './ui.css';

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  /** What to do about it: usually a button that creates the first record. */
  action?: ReactNode;
  /** A filtered list that matched nothing: the button that clears its filters (as FilterBar's `clear`). */
  clear?: { label: string; onClear: () => void };
}

export function EmptyState({ title, children, action, clear }: EmptyStateProps) {
  const shownAction =
    action ??
    (clear && (
      <Button variant="secondary" onClick={clear.onClear}>
        {clear.label}
      </Button>
    ));
  return (
    <div className="ui-empty">
      <p className="ui-empty__title">{title}</p>
      {children && <div className="ui-empty__text">{children}</div>}
      {shownAction && <div className="ui-empty__action">{shownAction}</div>}
    </div>
  );
}
