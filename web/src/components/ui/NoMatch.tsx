import type { ReactNode } from 'react';
import { Button } from './Button';
import { EmptyState } from './EmptyState';

export interface NoMatchProps {
  /** "No mission matches these filters." */
  title: string;
  /** The button's label: "Clear filters". */
  clearLabel: string;
  onClear: () => void;
  children?: ReactNode;
}

/** The empty state of a filtered list that matched nothing, with the way back to the whole list. */
export function NoMatch({ title, clearLabel, onClear, children }: NoMatchProps) {
  return (
    <EmptyState
      title={title}
      action={
        <Button variant="secondary" onClick={onClear}>
          {clearLabel}
        </Button>
      }
    >
      {children}
    </EmptyState>
  );
}
