import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SignOutButton } from '../../features/auth/components/SignOutButton';
import { useViewer } from '../../lib/session/useViewer';
import { initials } from '../../lib/text/initials';

/** A disclosure (button + panel) rather than an ARIA menu: it holds text and one action. */
export function UserMenu() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  if (!viewer) return null;

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('userMenu.open', { name: viewer.fullName })}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="user-menu__avatar" aria-hidden="true">
          {initials(viewer.fullName)}
        </span>
        <span className="user-menu__name" aria-hidden="true">
          {viewer.fullName}
        </span>
        <svg className="user-menu__chevron" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M5.8 7.5 10 11.7l4.2-4.2 1.3 1.3-5.5 5.5-5.5-5.5 1.3-1.3Z" />
        </svg>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <p className="user-menu__full-name">{viewer.fullName}</p>
        <p className="user-menu__detail">{viewer.email}</p>
        <p className="user-menu__detail">
          {t(`roles.${viewer.role}`)} · {viewer.agency.name}
        </p>
        <SignOutButton size="small" className="user-menu__sign-out" />
      </div>
    </div>
  );
}
