import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ConnectionPager } from '../../components/ui/ConnectionPager';
import { EmptyState } from '../../components/ui/EmptyState';
import { PageHeader } from '../../components/ui/PageHeader';
import { QueryError } from '../../components/ui/QueryError';
import { Spinner } from '../../components/ui/Spinner';
import { Tabs, tabId } from '../../components/ui/Tabs';
import type { DuplicateKind } from '../../gql/graphql';
import { DUPLICATES_PAGE_SIZE, useListPage } from '../../lib/pagination/useListPage';
import { CandidateList } from './components/CandidateList';
import { CompanyMergeDialog } from './components/CompanyMergeDialog';
import { ContactMergeDialog } from './components/ContactMergeDialog';
import { DuplicateCandidatesQuery } from './graphql/merge';
import './merge.css';

const KINDS: readonly DuplicateKind[] = ['COMPANY', 'CONTACT'];
const PARAM: Record<DuplicateKind, string> = { COMPANY: 'companies', CONTACT: 'contacts' };
/** At most this many records merge at once (the server's limit is the kept one and 10 more). */
const MAX_IDS = 11;

/**
 * Likely duplicate companies and contacts for editors to review, likeliest first. `?merge=<id>,<id>`
 * opens the review dialog for those records (the company page's "Merge with…" leads here).
 */
export function DuplicatesPage() {
  const { t } = useTranslation('merge');
  const [params, setParams] = useSearchParams();
  const kind: DuplicateKind = params.get('kind') === PARAM.CONTACT ? 'CONTACT' : 'COMPANY';
  const mergeIds = [...new Set((params.get('merge') ?? '').split(',').filter(Boolean))].slice(0, MAX_IDS);
  // Offset cursors: forward only, so the way back is kept.
  const page = useListPage(kind, { pageSize: DUPLICATES_PAGE_SIZE, forwardOnly: true });
  const { first, after } = page.variables;

  const { data, previousData, error, refetch } = useQuery(DuplicateCandidatesQuery, {
    variables: { kind, first, after },
  });
  const shown = data ?? previousData;
  const connection = shown?.duplicateCandidates;

  function selectKind(next: DuplicateKind) {
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        copy.set('kind', PARAM[next]);
        copy.delete('merge');
        return copy;
      },
      { replace: true },
    );
  }

  function review(ids: string[]) {
    setParams((current) => {
      const copy = new URLSearchParams(current);
      copy.set('merge', ids.join(','));
      return copy;
    });
  }

  function closeReview() {
    setParams((current) => {
      const copy = new URLSearchParams(current);
      copy.delete('merge');
      return copy;
    });
  }

  return (
    <div className="merge-page">
      <PageHeader title={t('page.title')} subtitle={t('page.subtitle')} />
      <Tabs
        label={t('page.tabsLabel')}
        prefix="merge"
        items={KINDS.map((name) => ({ id: name, label: t(`page.tabs.${name}`) }))}
        selected={kind}
        onSelect={selectKind}
        panelId="merge-panel"
      />
      <div role="tabpanel" id="merge-panel" aria-labelledby={tabId('merge', kind)} className="merge-page__panel">
        {error && !connection ? (
          <QueryError refetch={refetch} />
        ) : !connection ? (
          <div className="merge-page__loading">
            <Spinner size="large" label={t('page.loading')} />
          </div>
        ) : connection.totalCount === 0 && page.isFirstPage ? (
          <EmptyState title={t('page.emptyTitle')}>
            {kind === 'COMPANY' ? t('page.emptyCompanies') : t('page.emptyContacts')}
          </EmptyState>
        ) : (
          <>
            <CandidateList kind={kind} candidates={connection.nodes} onReview={review} />
            <ConnectionPager
              connection={connection}
              page={page}
              summary={t('page.count', { count: connection.totalCount })}
            />
          </>
        )}
      </div>
      {mergeIds.length >= 2 &&
        (kind === 'COMPANY' ? (
          <CompanyMergeDialog key={mergeIds.join(',')} ids={mergeIds} onClose={closeReview} />
        ) : (
          <ContactMergeDialog key={mergeIds.join(',')} ids={mergeIds} onClose={closeReview} />
        ))}
    </div>
  );
}
