import type { FragmentType } from '@apollo/client';
import { useFragment, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { classNames } from '../../../components/ui/classNames';
import { graphql } from '../../../gql';
import type { MeetingStatus } from '../../../gql/graphql';
import { meetingStatusTone, outcomeTone } from '../../../lib/status/tones';
import { UpdateMeetingMutation } from '../graphql/agenda';
import { useMissionFormat } from '../hooks/useMissionFormat';
import { MeetingOutcomeDialog } from './MeetingOutcomeDialog';

export const AgendaMeetingFragment = graphql(`
  fragment AgendaMeeting_interaction on Interaction {
    id
    subject
    startsAt
    endsAt
    status
    outcome
    notes
    place
    counterpart {
      id
      name
      kind
    }
    contacts {
      id
      fullName
    }
  }
`);

export interface AgendaMeetingProps {
  meeting: FragmentType<typeof AgendaMeetingFragment>;
  timeZone: string;
  editable: boolean;
  /** The meeting a new one clashed with: shown outlined. */
  highlighted?: boolean;
  /** It overlaps another meeting of the same exporter, counterpart or contact. */
  clash?: boolean;
}

export function AgendaMeeting({ meeting, timeZone, editable, highlighted, clash }: AgendaMeetingProps) {
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const fmt = useMissionFormat();
  const { data: m, complete } = useFragment({ fragment: AgendaMeetingFragment, from: meeting });
  const [update, { loading }] = useMutation(UpdateMeetingMutation);
  const [pending, setPending] = useState<MeetingStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  if (!complete) return null;

  const time = m.startsAt
    ? `${fmt.formatTime(m.startsAt, timeZone)}${m.endsAt ? `–${fmt.formatTime(m.endsAt, timeZone)}` : ''}`
    : '';
  const who = m.counterpart?.name ?? m.subject;
  const meetingId = m.id;

  async function mark(status: MeetingStatus) {
    setError(null);
    setPending(status);
    try {
      const result = await update({
        variables: { input: { interactionId: meetingId, status } },
        refetchQueries: ['MissionOutcome', 'MissionMeetings'],
      });
      const errors = result.data?.updateInteraction.userErrors ?? [];
      if (errors.length > 0) setError(errors.map((e) => e.message).join(' '));
    } catch {
      setError(tc('errors.generic'));
    } finally {
      setPending(null);
    }
  }

  return (
    <article
      id={`meeting-${m.id}`}
      className={classNames(
        'agenda-meeting',
        m.status && `agenda-meeting--${m.status.toLowerCase()}`,
        clash && 'agenda-meeting--clash',
        highlighted && 'agenda-meeting--highlighted',
      )}
      aria-label={`${time} ${who}`}
      tabIndex={highlighted ? -1 : undefined}
    >
      <header className="agenda-meeting__head">
        <time className="agenda-meeting__time" dateTime={m.startsAt ?? undefined}>
          {time}
        </time>
        {m.status && <Badge tone={meetingStatusTone[m.status]}>{t(`meetingStatus.${m.status}`)}</Badge>}
      </header>
      <p className="agenda-meeting__who">
        {m.counterpart ? <Link to={`/companies/${m.counterpart.id}`}>{m.counterpart.name}</Link> : m.subject}
      </p>
      {m.counterpart && <p className="agenda-meeting__meta">{t(`companyKind.${m.counterpart.kind}`)}</p>}
      {m.contacts.length > 0 && <p className="agenda-meeting__meta">{m.contacts.map((c) => c.fullName).join(', ')}</p>}
      {m.place && <p className="agenda-meeting__meta">{m.place}</p>}
      {(highlighted || clash) && (
        <p className="agenda-meeting__flag">
          <Badge tone="danger">{highlighted ? t('agenda.clashingMeeting') : t('agenda.overlap')}</Badge>
        </p>
      )}
      {m.status === 'HELD' && m.outcome && (
        <p className="agenda-meeting__meta">
          <Badge tone={outcomeTone[m.outcome]}>{t(`outcomeValue.${m.outcome}`)}</Badge>
        </p>
      )}
      {m.status === 'HELD' && m.notes && <p className="agenda-meeting__notes">{m.notes}</p>}
      {editable && (
        <div className="agenda-meeting__actions">
          {m.status !== 'HELD' && (
            <Button
              size="small"
              variant="secondary"
              loading={loading && pending === 'HELD'}
              disabled={loading}
              aria-label={t('agenda.markHeldFor', { name: who, time })}
              onClick={() => void mark('HELD')}
            >
              {t('agenda.markHeld')}
            </Button>
          )}
          {m.status === 'PLANNED' && (
            <Button
              size="small"
              variant="ghost"
              loading={loading && pending === 'NO_SHOW'}
              disabled={loading}
              aria-label={t('agenda.markNoShowFor', { name: who, time })}
              onClick={() => void mark('NO_SHOW')}
            >
              {t('agenda.markNoShow')}
            </Button>
          )}
          {m.status === 'HELD' && (
            <>
              <Button
                size="small"
                variant="secondary"
                aria-label={t('agenda.recordOutcomeFor', { name: who, time })}
                onClick={() => setRecording(true)}
              >
                {m.outcome || m.notes ? t('agenda.editOutcome') : t('agenda.recordOutcome')}
              </Button>
              <Link className="agenda-meeting__deal" to={`/pipeline?fromInteraction=${m.id}`}>
                {t('meetings.createDeal')}
              </Link>
            </>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="ui-field__error">
          {error}
        </p>
      )}
      {recording && (
        <MeetingOutcomeDialog
          interactionId={m.id}
          title={`${time} · ${who}`}
          outcome={m.outcome}
          notes={m.notes}
          onClose={() => setRecording(false)}
        />
      )}
    </article>
  );
}
