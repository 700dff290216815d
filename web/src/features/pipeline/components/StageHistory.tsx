import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import { useFormat } from '../../../lib/i18n/useFormat';
import { MAX_PAGE_SIZE } from '../../../lib/pagination/useListPage';

export const StageHistoryFragment = graphql(`
  fragment StageHistory_deal on Deal {
    id
    stageHistory(first: $stageChanges) {
      totalCount
      nodes {
        ...StageChange_change @unmask
      }
    }
  }
`);

/** The deal's moves, latest first. */
export function StageHistory({ deal }: { deal: FragmentType<typeof StageHistoryFragment> }) {
  const { t } = useTranslation('pipeline');
  const { formatDate } = useFormat();
  const { data, complete } = useFragment({
    fragment: StageHistoryFragment,
    fragmentName: 'StageHistory_deal',
    from: deal,
    variables: { stageChanges: MAX_PAGE_SIZE },
  });
  if (!complete) return null;
  const changes = [...data.stageHistory.nodes].reverse();
  if (changes.length === 0) return <p className="ui-note drawer-section__empty">{t('history.empty')}</p>;

  return (
    <ol className="ui-stack ui-stack--tight ui-plain-list stage-history">
      {changes.map((change) => (
        <li key={change.id} className="stage-history__item">
          <span className={`stage-history__dot stage-history__dot--${change.toStage.category.toLowerCase()}`} />
          <div>
            <p className="stage-history__move">
              {change.fromStage
                ? t('history.moved', { from: change.fromStage.name, to: change.toStage.name })
                : t('history.created', { stage: change.toStage.name })}
            </p>
            <p className="stage-history__meta">
              {change.changedBy?.fullName ?? t('history.deletedUser')} ·{' '}
              <time dateTime={change.changedAt}>
                {formatDate(change.changedAt, { dateStyle: 'medium', timeStyle: 'short' })}
              </time>
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
