import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './layout/layout.css';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="route-state">
      <h1 className="route-state__title">{t('errors.notFound')}</h1>
      <Link to="/">{t('errors.backHome')}</Link>
    </div>
  );
}
