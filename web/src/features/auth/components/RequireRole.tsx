import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '../../../gql/graphql';
import { useViewer } from '../../../lib/session/useViewer';

/**
 * Shows its children to the given roles only. The server refuses the operations anyway;
 * this keeps other roles from landing on a screen that can only fail.
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  if (viewer && roles.includes(viewer.role)) return children;
  return (
    <div className="route-state" role="alert">
      <h1 className="route-state__title">{t('errors.forbidden')}</h1>
      <Link to="/">{t('errors.backHome')}</Link>
    </div>
  );
}
