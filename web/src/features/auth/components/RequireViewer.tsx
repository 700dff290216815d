import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ErrorMessage } from '../../../components/ui/ErrorMessage';
import { Spinner } from '../../../components/ui/Spinner';
import { isUnauthenticated } from '../../../lib/apollo/unauthenticated';
import { useViewer } from '../../../lib/session/useViewer';
import { useViewerLanguage } from '../../../lib/session/useViewerLanguage';
import { signInPath } from '../signInPath';
import './RequireViewer.css';

/** Renders its children for a signed-in user; sends everyone else to sign in and back. */
export function RequireViewer({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { viewer, loading, error, refetch } = useViewer();
  // Held back until the UI is in the viewer's language, so no page shows in another one first.
  const languageReady = useViewerLanguage(viewer?.locale);
  const here = `${location.pathname}${location.search}${location.hash}`;

  if (loading || (viewer && !languageReady)) {
    return (
      <div className="auth-pending">
        <Spinner size="large" label={t('app.loading')} />
      </div>
    );
  }
  if (error && !isUnauthenticated(error)) {
    return (
      <div className="auth-pending">
        <ErrorMessage retry={{ label: t('errors.retry'), onRetry: () => void refetch().catch(() => {}) }}>
          {CombinedGraphQLErrors.is(error) ? t('errors.generic') : t('errors.network')}
        </ErrorMessage>
      </div>
    );
  }
  if (!viewer) return <Navigate to={signInPath(here)} replace />;
  return children;
}
