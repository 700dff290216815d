import { useQuery } from '@apollo/client/react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { EmptyState } from '../../components/ui/EmptyState';
import { PageHeader } from '../../components/ui/PageHeader';
import { Spinner } from '../../components/ui/Spinner';
import { CreatePipelineDialog } from './components/CreatePipelineDialog';
import { StagesEditor } from './components/StagesEditor';
import { AdminPipelinesQuery } from './graphql/pipelines';
import './admin.css';
import { QueryError } from '../../components/ui/QueryError';
import { MAX_PAGE_SIZE } from '../../lib/pagination/useListPage';

export function PipelinesAdminPage() {
  const { t } = useTranslation('admin');
  const { data, loading, error, refetch } = useQuery(AdminPipelinesQuery, { variables: { first: MAX_PAGE_SIZE } });
  const [creating, setCreating] = useState(false);

  let body: ReactNode;
  if (loading && !data) body = <Spinner size="large" label={t('pipelines.loading')} />;
  else if (error || !data) {
    body = <QueryError refetch={refetch} />;
  } else if (data.pipelines.nodes.length === 0) {
    body = (
      <EmptyState
        title={t('pipelines.empty')}
        action={<Button onClick={() => setCreating(true)}>{t('pipelines.create')}</Button>}
      >
        {t('pipelines.emptyHint')}
      </EmptyState>
    );
  } else {
    body = (
      <div className="admin-stack">
        {data.pipelines.nodes.map((pipeline) => (
          <div key={pipeline.id} className="ui-panel admin-pipeline">
            <StagesEditor pipeline={pipeline} />
          </div>
        ))}
      </div>
    );
  }

  return (
    <div className="ui-stack admin-page">
      <PageHeader
        title={t('pipelines.title')}
        subtitle={t('pipelines.subtitle')}
        actions={<Button onClick={() => setCreating(true)}>{t('pipelines.create')}</Button>}
      />
      {body}
      <CreatePipelineDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
