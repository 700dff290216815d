import type { ComponentPropsWithRef } from 'react';
import { classNames } from './classNames';
import { CloseIcon } from './icons';
import './ui.css';

export interface IconButtonProps extends Omit<ComponentPropsWithRef<'button'>, 'aria-label'> {
  /** The button's accessible name: it shows only an icon. */
  label: string;
}

/** A small, borderless button showing an icon (× by default): close, clear, dismiss, remove. */
export function IconButton({ label, className, children, type = 'button', ...rest }: IconButtonProps) {
  return (
    <button {...rest} type={type} className={classNames('ui-icon-button', className)} aria-label={label}>
      {children ?? <CloseIcon />}
    </button>
  );
}
