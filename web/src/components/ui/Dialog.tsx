import { type ReactNode, useEffect, useId, useRef } from 'react';
import { classNames } from './classNames';
import './ui.css';
import { IconButton } from './IconButton';

export interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom (submit, cancel). */
  footer?: ReactNode;
  /** 'drawer' slides in from the right and is taller: a record's details beside the list. */
  variant?: 'modal' | 'drawer';
  /** Label of the close button (translated by the caller). */
  closeLabel: string;
  className?: string;
}

/**
 * A modal on the native <dialog>: focus trapping, Escape and the top layer come from the browser.
 * Closed dialogs are not rendered at all, so their forms start fresh each time.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
  variant = 'modal',
  closeLabel,
  className,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog) return;
    // jsdom lacks showModal; an open attribute is enough there.
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else dialog.setAttribute('open', '');
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    };
  }, [open]);

  if (!open) return null;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the click is on the backdrop only; Escape closes through the native cancel event
    <dialog
      ref={ref}
      className={classNames('ui-dialog', `ui-dialog--${variant}`, className)}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="ui-dialog__box">
        <header className="ui-dialog__header">
          <h2 id={titleId} className="ui-dialog__title">
            {title}
          </h2>
          <IconButton className="ui-dialog__close" label={closeLabel} onClick={onClose} />
        </header>
        <div className="ui-dialog__body">{children}</div>
        {footer && <footer className="ui-dialog__footer">{footer}</footer>}
      </div>
    </dialog>
  );
}
