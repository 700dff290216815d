import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorMessage } from '../components/ui/ErrorMessage';
import './layout/layout.css';

/**
 * Route-level error boundary. The usual cause after a deployment is a lazy page whose
 * chunk no longer exists: reloading fetches the new build.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;

  return (
    <div className="route-state">
      <ErrorMessage
        retry={notFound ? undefined : { label: t('errors.retry'), onRetry: () => window.location.reload() }}
      >
        {notFound ? t('errors.notFound') : t('errors.generic')}
      </ErrorMessage>
      <Link to="/">{t('errors.backHome')}</Link>
    </div>
  );
}
