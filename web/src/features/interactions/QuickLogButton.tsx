import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatch } from 'react-router';
import { canEdit } from '../../lib/session/roles';
import { useViewer } from '../../lib/session/useViewer';
import { isTypingTarget } from './dateTime';
import './interactions.css';

// The form (and its pickers) loads the first time it is opened, not with the shell.
const QuickLogDialog = lazy(() => import('./components/QuickLogDialog').then((m) => ({ default: m.QuickLogDialog })));

const SHORTCUT = 'L';

/**
 * The top bar's "Log interaction" launcher: a button, and the L key anywhere but in a text field.
 * On a company or mission page the form starts with that company or mission.
 */
export function QuickLogButton() {
  const { t } = useTranslation('interactions');
  const { viewer } = useViewer();
  const [open, setOpen] = useState(false);
  const companyMatch = useMatch('/companies/:companyId');
  const missionMatch = useMatch('/missions/:missionId');
  const allowed = canEdit(viewer?.role);

  useEffect(() => {
    if (!allowed) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key.toUpperCase() !== SHORTCUT || event.repeat) return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target)) return;
      // Another dialog has the user's attention.
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      setOpen(true);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [allowed]);

  if (!allowed) return null;

  return (
    <>
      <button
        type="button"
        className="quick-log__button"
        title={t('launcher.title', { key: SHORTCUT })}
        aria-keyshortcuts={SHORTCUT}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M9.2 4h1.6v5.2H16v1.6h-5.2V16H9.2v-5.2H4V9.2h5.2z" />
        </svg>
        <span className="quick-log__label">{t('launcher.label')}</span>
        <span className="quick-log__kbd" aria-hidden="true">
          {SHORTCUT}
        </span>
      </button>
      {open && (
        <Suspense fallback={null}>
          <QuickLogDialog
            companyId={companyMatch?.params.companyId ?? null}
            missionId={missionMatch?.params.missionId ?? null}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}
