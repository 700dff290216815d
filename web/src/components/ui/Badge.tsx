import type { ReactNode } from 'react';
import { classNames } from './classNames';
import './ui.css';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={classNames('ui-badge', `ui-badge--${tone}`)}>{children}</span>;
}
