import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { Button } from '../../components/ui/Button';
import { EmptyState } from '../../components/ui/EmptyState';
import { Panel } from '../../components/ui/Panel';
import { Spinner } from '../../components/ui/Spinner';
import { CompanyAbout } from './components/CompanyAbout';
import { CompanyFormDialog } from './components/CompanyFormDialog';
import { CompanyHeader } from './components/CompanyHeader';
import { CompanyTimeline } from './components/CompanyTimeline';
import { ContactsPanel } from './components/ContactsPanel';
import { DealsPanel } from './components/DealsPanel';
import { MergeWithDialog } from './components/MergeWithDialog';
import { MissionsPanel } from './components/MissionsPanel';
import { CompanyPageQuery } from './graphql/company';
import { useCanEdit } from './hooks/useCanEdit';
import './companies.css';
import { QueryError } from '../../components/ui/QueryError';
import {
  COMPANY_MISSIONS,
  COMPANY_PANEL_ROWS,
  MAX_PAGE_SIZE,
  TIMELINE_STAGE_CHANGES,
} from '../../lib/pagination/useListPage';

export function CompanyPage() {
  const { companyId = '' } = useParams();
  const { t } = useTranslation('companies');
  const editable = useCanEdit();
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const location = useLocation();
  const mergedFrom = (location.state as { mergedFrom?: unknown } | null)?.mergedFrom;
  const { data, loading, error, refetch } = useQuery(CompanyPageQuery, {
    variables: {
      id: companyId,
      panelRows: COMPANY_PANEL_ROWS,
      interactionRows: MAX_PAGE_SIZE,
      missionRows: COMPANY_MISSIONS,
      stageChanges: TIMELINE_STAGE_CHANGES,
    },
  });

  if (loading && !data) {
    return (
      <div className="companies__loading">
        <Spinner size="large" label={t('company.loading')} />
      </div>
    );
  }
  if (error && !data) {
    return <QueryError refetch={refetch} />;
  }
  const company = data?.company;
  if (!company) {
    return (
      <EmptyState
        title={t('company.notFoundTitle')}
        action={
          <Link className="ui-button ui-button--secondary ui-button--medium" to="/companies">
            {t('company.back')}
          </Link>
        }
      >
        {t('company.notFoundText')}
      </EmptyState>
    );
  }

  // A merged (archived) company: its link leads to the company it became.
  if (company.mergedInto) {
    return (
      <>
        <p role="status">
          {t('company.mergedInto', { name: company.mergedInto.name })}{' '}
          <Link to={`/companies/${company.mergedInto.id}`}>
            {t('company.mergedIntoLink', { name: company.mergedInto.name })}
          </Link>
        </p>
        <Navigate to={`/companies/${company.mergedInto.id}`} replace state={{ mergedFrom: company.name }} />
      </>
    );
  }

  const deals = [...(data.asExporter.nodes ?? []), ...(data.asBuyer.nodes ?? [])];
  const dealTotal = new Set(deals.map((deal) => deal.id)).size;

  return (
    <div className="company-page">
      <CompanyHeader
        company={company}
        actions={
          editable ? (
            <>
              <Button variant="secondary" onClick={() => setMerging(true)}>
                {t('company.mergeWith')}
              </Button>
              <Button variant="secondary" onClick={() => setEditing(true)}>
                {t('company.edit')}
              </Button>
            </>
          ) : null
        }
      />

      {typeof mergedFrom === 'string' && (
        <p role="status" className="company-page__merged">
          {t('company.mergedNotice', { name: mergedFrom })}
        </p>
      )}

      <div className="company-page__grid">
        <div className="ui-stack company-page__main">
          <Panel title={t('timeline.title')}>
            <CompanyTimeline
              companyId={company.id}
              interactions={company.interactions.nodes}
              deals={deals}
              tasks={company.tasks.nodes}
              canEdit={editable}
            />
          </Panel>
        </div>
        <aside className="ui-stack company-page__side" aria-label={t('company.sideLabel')}>
          <ContactsPanel
            company={{ id: company.id, name: company.name }}
            contacts={company.contacts.nodes}
            total={company.contacts.totalCount}
            canEdit={editable}
          />
          <DealsPanel companyId={company.id} deals={deals} total={dealTotal} />
          <MissionsPanel missions={company.missions.nodes} total={company.missions.totalCount} />
          <CompanyAbout company={company} />
        </aside>
      </div>

      {merging && (
        <MergeWithDialog company={{ id: company.id, name: company.name }} onClose={() => setMerging(false)} />
      )}
      <CompanyFormDialog open={editing} onClose={() => setEditing(false)} company={company} />
    </div>
  );
}
