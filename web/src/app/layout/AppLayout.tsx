import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { Spinner } from '../../components/ui/Spinner';
import { QuickLogButton } from '../../features/interactions/QuickLogButton';
import { SearchPalette } from '../../features/search/SearchPalette';
import { useViewer } from '../../lib/session/useViewer';
import { LanguageSwitch } from './LanguageSwitch';
import { navFor } from './navItems';
import { UserMenu } from './UserMenu';
import './layout.css';

export function AppLayout() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const sections = navFor(viewer?.role);
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
        <nav aria-label={t('nav.label')} className="sidebar__sections">
          {sections.map((section) => (
            <div key={section.label ?? 'main'} className="sidebar__section">
              {section.label && <p className="sidebar__section-title">{t(`nav.sections.${section.label}`)}</p>}
              <ul className="sidebar__nav">
                {section.items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end} className="sidebar__link" title={t(`nav.${item.label}`)}>
                      {item.icon}
                      <span className="sidebar__link-label">{t(`nav.${item.label}`)}</span>
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
      </aside>
      <div className="app-shell__main">
        <header className="topbar">
          <SearchPalette />
          <div className="topbar__spacer" />
          <QuickLogButton />
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
