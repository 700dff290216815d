import type { ReactNode } from 'react';
import { Button } from './Button';
import { classNames } from './classNames';
import './ui.css';

export interface FilterBarProps {
  /** The bar's accessible name ("Filters"), translated by the caller. */
  label: string;
  /** The search field, first and two columns wide. */
  search?: ReactNode;
  /** The other filter controls (SelectField, TextField, pickers): one grid cell each. */
  children?: ReactNode;
  /** A "Clear filters" button after the controls; pass it only while a filter is set. */
  clear?: { label: string; onClear: () => void } | null;
  /** 'panel' (default) sits in a bordered box above a list; 'plain' sits in a toolbar or a panel. */
  variant?: 'panel' | 'plain';
  className?: string;
}

/**
 * The filters above a list, laid out on a responsive grid: as many 160 px+ columns as fit,
 * the search field spanning two, so no single field takes a whole line.
 */
export function FilterBar({ label, search, children, clear, variant = 'panel', className }: FilterBarProps) {
  return (
    <search className={classNames('ui-filter-bar', `ui-filter-bar--${variant}`, className)} aria-label={label}>
      {search && <div className="ui-filter-bar__search">{search}</div>}
      {children}
      {clear && (
        <Button variant="ghost" size="small" className="ui-filter-bar__clear" onClick={clear.onClear}>
          {clear.label}
        </Button>
      )}
    </search>
  );
}
