import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge';
import { graphql } from '../../../gql';
import { useFormat } from '../../../lib/i18n/useFormat';
import { meetingStatusTone } from '../../../lib/status/tones';

export const MeetingItemFragment = graphql(`
  fragment MeetingItem_interaction on Interaction {
    id
    subject
    occurredAt
    startsAt
    endsAt
    status
    place
    exporter {
      id
      name
    }
    counterpart {
      id
      name
    }
    mission {
      id
      name
    }
  }
`);

function MeetingItem({ meeting }: { meeting: FragmentType<typeof MeetingItemFragment> }) {
  const { t } = useTranslation('dashboard');
  const { formatDate } = useFormat();
  const { data, complete } = useFragment({ fragment: MeetingItemFragment, from: meeting });
  if (!complete) return null;

  const start = data.startsAt ?? data.occurredAt;
  return (
    <li className="dash-meeting">
      <time className="dash-meeting__when" dateTime={start}>
        <span className="dash-meeting__day">{formatDate(start, { weekday: 'short', day: 'numeric' })}</span>
        <span className="dash-meeting__time">
          {formatDate(start, { hour: '2-digit', minute: '2-digit' })}
          {data.endsAt && `–${formatDate(data.endsAt, { hour: '2-digit', minute: '2-digit' })}`}
        </span>
      </time>
      <div className="dash-meeting__body">
        <p className="dash-meeting__parties">
          <Link to={`/companies/${data.exporter.id}`}>{data.exporter.name}</Link>
          {data.counterpart && (
            <>
              <span className="dash-meeting__arrow" aria-hidden="true">
                {' ↔ '}
              </span>
              <span className="ui-visually-hidden"> {t('meetings.with')} </span>
              <Link to={`/companies/${data.counterpart.id}`}>{data.counterpart.name}</Link>
            </>
          )}
        </p>
        <p className="dash-meeting__meta">
          {data.mission ? <Link to={`/missions/${data.mission.id}`}>{data.mission.name}</Link> : data.subject}
          {data.place && <span> · {data.place}</span>}
        </p>
      </div>
      {data.status && <Badge tone={meetingStatusTone[data.status]}>{t(`meetings.status.${data.status}`)}</Badge>}
    </li>
  );
}

export function WeekMeetings({
  meetings,
}: {
  meetings: readonly ({ id: string } & FragmentType<typeof MeetingItemFragment>)[];
}) {
  return (
    <ul className="dash-meetings">
      {meetings.map((meeting) => (
        <MeetingItem key={meeting.id} meeting={meeting} />
      ))}
    </ul>
  );
}
