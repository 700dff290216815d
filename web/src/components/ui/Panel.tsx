import { type ReactNode, useId } from 'react';
import { classNames } from './classNames';
import './ui.css';

export interface PanelProps {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** A titled card: a section of a page, labelled by its heading. */
export function Panel({ title, actions, children, className }: PanelProps) {
  const headingId = useId();
  return (
    <section className={classNames('ui-panel', className)} aria-labelledby={headingId}>
      <header className="ui-panel__header">
        <h2 id={headingId} className="ui-panel__title">
          {title}
        </h2>
        {actions && <div className="ui-panel__actions">{actions}</div>}
      </header>
      <div className="ui-panel__body">{children}</div>
    </section>
  );
}
