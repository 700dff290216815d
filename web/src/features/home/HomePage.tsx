import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ui/ErrorMessage';
import { Spinner } from '../../components/ui/Spinner';
import { ViewerProfile } from './components/ViewerProfile';
import { HomePageQuery } from './graphql/homePage';
import './home.css';

export interface HomePageProps {
  /** Session actions (sign-out), composed in by the app: features do not import each other. */
  actions?: ReactNode;
}

export function HomePage({ actions }: HomePageProps) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(HomePageQuery);

  if (loading && !data) return <Spinner size="large" label={t('app.loading')} />;
  if (error || !data?.viewer) {
    return (
      <ErrorMessage retry={{ label: t('errors.retry'), onRetry: () => void refetch().catch(() => {}) }}>
        {t('errors.generic')}
      </ErrorMessage>
    );
  }

  return (
    <div className="home">
      <h1 className="home__title">{t('home.title', { name: data.viewer.fullName })}</h1>
      <section className="home__card" aria-labelledby="home-profile-heading">
        <h2 id="home-profile-heading" className="home__card-title">
          {t('home.profile')}
        </h2>
        <ViewerProfile user={data.viewer} />
        {actions && <div className="home__actions">{actions}</div>}
      </section>
    </div>
  );
}
