import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { Spinner } from '../../components/ui/Spinner';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';
import './layout.css';

function HomeIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M10 2.5 2.5 8.75V17.5h5v-5h5v5h5V8.75L10 2.5Z" />
    </svg>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <aside className="sidebar">
        <div className="sidebar__brand">
          <span className="sidebar__logo" aria-hidden="true">
            EC
          </span>
          <span className="sidebar__name">{t('app.name')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul className="sidebar__nav">
            <li>
              <NavLink to="/" end className="sidebar__link">
                <HomeIcon />
                <span>{t('nav.home')}</span>
              </NavLink>
            </li>
          </ul>
        </nav>
      </aside>
      <div className="app-shell__main">
        <header className="topbar">
          <div className="topbar__spacer" />
          <LanguageSwitch />
          <UserMenu />
        </header>
        <main id="main" className="content" tabIndex={-1}>
          <Suspense fallback={<Spinner size="large" label={t('app.loading')} />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
