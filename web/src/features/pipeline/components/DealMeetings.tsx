import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge';
import { graphql } from '../../../gql';
import { useFormat } from '../../../lib/i18n/useFormat';
import { DEAL_MEETINGS } from '../../../lib/pagination/useListPage';

export const DealMeetingsFragment = graphql(`
  fragment DealMeetings_deal on Deal {
    id
    sourceMission {
      id
      name
    }
    sourceInteraction {
      id
      kind
      subject
      occurredAt
      mission {
        id
        name
      }
      counterpart {
        id
        name
      }
    }
    interactions(first: $meetings) {
      totalCount
      nodes {
        id
        kind
        subject
        occurredAt
        status
        mission {
          id
          name
        }
        exporter {
          id
          name
        }
        counterpart {
          id
          name
        }
      }
    }
  }
`);

/** Where the lead was born and the deal's meetings, calls and notes, with links to their missions and companies. */
export function DealMeetings({ deal }: { deal: FragmentType<typeof DealMeetingsFragment> }) {
  const { t } = useTranslation('pipeline');
  const { formatDate } = useFormat();
  const { data, complete } = useFragment({
    fragment: DealMeetingsFragment,
    from: deal,
    variables: { meetings: DEAL_MEETINGS },
  });
  if (!complete) return null;
  const source = data.sourceInteraction;
  const items = data.interactions.nodes;

  return (
    <div className="ui-stack ui-stack--tight deal-meetings">
      {(data.sourceMission || source) && (
        <dl className="deal-meetings__source">
          {data.sourceMission && (
            <div>
              <dt>{t('meetings.sourceMission')}</dt>
              <dd>
                <Link to={`/missions/${data.sourceMission.id}`}>{data.sourceMission.name}</Link>
              </dd>
            </div>
          )}
          {source && (
            <div>
              <dt>{t('meetings.sourceMeeting')}</dt>
              <dd>
                {source.subject}
                <span className="deal-meetings__meta">
                  {' · '}
                  {formatDate(source.occurredAt, { dateStyle: 'medium' })}
                  {source.counterpart && (
                    <>
                      {' · '}
                      <Link to={`/companies/${source.counterpart.id}`}>{source.counterpart.name}</Link>
                    </>
                  )}
                  {source.mission && (
                    <>
                      {' · '}
                      <Link to={`/missions/${source.mission.id}`}>{source.mission.name}</Link>
                    </>
                  )}
                </span>
              </dd>
            </div>
          )}
        </dl>
      )}
      {items.length === 0 ? (
        !source && <p className="ui-note drawer-section__empty">{t('meetings.empty')}</p>
      ) : (
        <ul className="deal-meetings__list">
          {items.map((item) => (
            <li key={item.id} className="deal-meetings__item">
              <div className="deal-meetings__head">
                <Badge tone="info">{t(`kinds.${item.kind}`)}</Badge>
                <span className="deal-meetings__subject">{item.subject}</span>
              </div>
              <p className="deal-meetings__meta">
                <time dateTime={item.occurredAt}>{formatDate(item.occurredAt, { dateStyle: 'medium' })}</time>
                {item.status && ` · ${t(`status.${item.status}`)}`}
                {' · '}
                <Link to={`/companies/${item.exporter.id}`}>{item.exporter.name}</Link>
                {item.counterpart && (
                  <>
                    {' → '}
                    <Link to={`/companies/${item.counterpart.id}`}>{item.counterpart.name}</Link>
                  </>
                )}
                {item.mission && (
                  <>
                    {' · '}
                    <Link to={`/missions/${item.mission.id}`}>{item.mission.name}</Link>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
