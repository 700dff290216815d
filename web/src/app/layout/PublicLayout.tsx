import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { Spinner } from '../../components/ui/Spinner';
import { LanguageSwitch } from './LanguageSwitch';
import './layout.css';

/** The frame for pages seen before signing in. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <div className="public-shell">
      <header className="public-shell__header">
        <div className="public-shell__brand">
          <span className="sidebar__logo" aria-hidden="true">
            EC
          </span>
          <span>{t('app.name')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main id="main" className="public-shell__main">
        <Suspense fallback={<Spinner size="large" label={t('app.loading')} />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
