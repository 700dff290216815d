import type { FragmentType } from '@apollo/client';
import { useFragment, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ExportMenu } from '../../../components/export/ExportMenu';
import { Button } from '../../../components/ui/Button';
import { EmptyState } from '../../../components/ui/EmptyState';
import { ErrorMessage } from '../../../components/ui/ErrorMessage';
import { Panel } from '../../../components/ui/Panel';
import { QueryError } from '../../../components/ui/QueryError';
import { Spinner } from '../../../components/ui/Spinner';
import { TextField } from '../../../components/ui/TextField';
import { graphql } from '../../../gql';
import type { AgendaPanel_MeetingFragment, AgendaPanel_ParticipantFragment } from '../../../gql/graphql';
import { fragmentRows } from '../../../lib/apollo/fragmentRows';
import { today } from '../../../lib/dates/local';
import { useViewer } from '../../../lib/session/useViewer';
import { InteractionLoggedSubscription, MissionAgendaQuery } from '../graphql/agenda';
import { daysBetween, findClashes } from '../hooks/time';
import { useMissionFormat } from '../hooks/useMissionFormat';
import { AgendaMeeting } from './AgendaMeeting';
import { PlanMeetingDialog } from './PlanMeetingDialog';
import { SuggestedMeetings } from './SuggestedMeetings';

export const AgendaPanelParticipantFragment = graphql(`
  fragment AgendaPanel_participant on MissionParticipant {
    id
    status
    company {
      id
      name
    }
  }
`);

/** A meeting of the day (MissionAgendaQuery selects it unmasked): where it goes, and its card. */
/** @public A document graphql-codegen reads; queries spread it by name. */
export const AgendaPanelMeetingFragment = graphql(`
  fragment AgendaPanel_meeting on Interaction {
    id
    startsAt
    endsAt
    status
    subject
    exporter {
      id
      name
    }
    counterpart {
      id
      name
    }
    contacts {
      id
    }
    ...AgendaMeeting_interaction
  }
`);

export interface AgendaPanelProps {
  missionId: string;
  timeZone: string;
  startsOn: string | null;
  endsOn: string | null;
  participants: readonly FragmentType<typeof AgendaPanelParticipantFragment>[];
  editable: boolean;
}

interface Lane {
  exporter: { id: string; name: string };
  meetings: AgendaPanel_MeetingFragment[];
}

export function AgendaPanel({ missionId, timeZone, startsOn, endsOn, participants: refs, editable }: AgendaPanelProps) {
  const { data: participantData } = useFragment({ fragment: AgendaPanelParticipantFragment, from: [...refs] });
  const participants = fragmentRows<AgendaPanel_ParticipantFragment>(participantData);
  const { t } = useTranslation('missions');
  const fmt = useMissionFormat();
  const [params, setParams] = useSearchParams();
  const days = useMemo(() => daysBetween(startsOn, endsOn), [startsOn, endsOn]);
  const now = today();
  const defaultDay = days.includes(now) ? now : (days[0] ?? now);
  const dayParam = params.get('day');
  const day = dayParam && /^\d{4}-\d{2}-\d{2}$/.test(dayParam) ? dayParam : defaultDay;
  const [planning, setPlanning] = useState<{ exporterId: string } | null>(null);
  const [highlightId, setHighlightId] = useState<string | null>(null);

  const setDay = (next: string) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        copy.set('tab', 'agenda');
        copy.set('day', next);
        return copy;
      },
      { replace: true },
    );

  const { data, previousData, loading, error, refetch } = useQuery(MissionAgendaQuery, {
    variables: { id: missionId, day },
  });
  // A colleague's new meeting appears at once (issue 15): the day reloads, and a note says who planned it.
  const { viewer } = useViewer();
  const [colleagueNote, setColleagueNote] = useState<string | null>(null);
  useSubscription(InteractionLoggedSubscription, {
    variables: { missionId },
    onData: ({ data: event }) => {
      const by = event.data?.interactionLogged.by;
      if (!event.data || by?.id === viewer?.id) return;
      setColleagueNote(t('agenda.colleaguePlanned', { name: by?.fullName ?? t('agenda.colleague') }));
      void refetch();
    },
  });
  const shown = data ?? previousData;
  const agenda = shown?.mission?.agenda ?? [];
  const clashes = useMemo(() => findClashes(agenda), [agenda]);

  // The meeting a new one clashed with comes into view once the dialog is closed (and the day loaded).
  // biome-ignore lint/correctness/useExhaustiveDependencies: data is the trigger once the day's meetings arrive
  useEffect(() => {
    if (!highlightId || planning) return;
    const element = document.getElementById(`meeting-${highlightId}`);
    element?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    element?.focus?.();
  }, [highlightId, planning, data]);

  const lanes = useMemo<Lane[]>(() => {
    const byExporter = new Map<string, Lane>();
    for (const p of participants) {
      if (p.status === 'WITHDREW') continue;
      byExporter.set(p.company.id, { exporter: p.company, meetings: [] });
    }
    for (const m of agenda) {
      let lane = byExporter.get(m.exporter.id);
      if (!lane) {
        lane = { exporter: m.exporter, meetings: [] };
        byExporter.set(m.exporter.id, lane);
      }
      lane.meetings.push(m);
    }
    return [...byExporter.values()];
  }, [participants, agenda]);

  const activeParticipants = participants.filter((p) => p.status !== 'WITHDREW');

  return (
    <Panel
      title={t('agenda.title')}
      actions={
        <>
          <ExportMenu list="agenda" missionId={missionId} day={day} />
          {editable && activeParticipants.length > 0 && (
            <Button onClick={() => setPlanning({ exporterId: '' })}>{t('agenda.plan')}</Button>
          )}
        </>
      }
    >
      <div className="agenda-toolbar">
        {days.length > 0 ? (
          <fieldset className="agenda-days" aria-label={t('agenda.days')}>
            {days.map((d) => (
              <button
                key={d}
                type="button"
                className="agenda-days__day"
                aria-pressed={d === day}
                onClick={() => setDay(d)}
              >
                {fmt.formatDay(d, { weekday: 'short', day: 'numeric', month: 'short' })}
              </button>
            ))}
            {!days.includes(day) && (
              <span className="agenda-days__day" aria-current="date">
                {fmt.formatDay(day)}
              </span>
            )}
          </fieldset>
        ) : (
          <TextField
            type="date"
            label={t('agenda.day')}
            value={day}
            onChange={(e) => e.target.value && setDay(e.target.value)}
          />
        )}
        <p className="missions-muted agenda-toolbar__zone">{t('agenda.timesIn', { zone: timeZone })}</p>
      </div>
      <p role="status" className="missions-muted agenda-live-note">
        {colleagueNote}
      </p>

      {clashes.size > 0 && (
        <ErrorMessage title={t('agenda.clashesTitle')}>{t('agenda.clashesText', { count: clashes.size })}</ErrorMessage>
      )}

      {error && !shown ? (
        <QueryError refetch={refetch} />
      ) : !shown ? (
        <Spinner label={t('agenda.loading')} />
      ) : lanes.length === 0 ? (
        <EmptyState title={t('agenda.noDelegationTitle')}>{t('agenda.noDelegationText')}</EmptyState>
      ) : (
        <div className="agenda-lanes" aria-busy={loading || undefined}>
          {agenda.length === 0 && (
            <EmptyState
              title={t('agenda.emptyTitle', { day: fmt.formatDay(day) })}
              action={
                editable && (
                  <Button variant="secondary" onClick={() => setPlanning({ exporterId: '' })}>
                    {t('agenda.plan')}
                  </Button>
                )
              }
            />
          )}
          {lanes.map((lane) => (
            <section key={lane.exporter.id} className="agenda-lane" aria-label={lane.exporter.name}>
              <div className="agenda-lane__head">
                <Link to={`/companies/${lane.exporter.id}`} className="missions-link-strong">
                  {lane.exporter.name}
                </Link>
                <span className="missions-muted">{t('agenda.meetingsCount', { count: lane.meetings.length })}</span>
                <div className="agenda-lane__links">
                  <Link
                    to={`/missions/${missionId}/agenda/${lane.exporter.id}/print`}
                    target="_blank"
                    rel="noopener"
                    aria-label={t('delegation.printAgendaOf', { name: lane.exporter.name })}
                  >
                    {t('delegation.printAgenda')}
                  </Link>
                  {editable && (
                    <Button
                      size="small"
                      variant="ghost"
                      aria-label={t('agenda.planFor', { name: lane.exporter.name })}
                      onClick={() => setPlanning({ exporterId: lane.exporter.id })}
                    >
                      + {t('agenda.planShort')}
                    </Button>
                  )}
                </div>
              </div>
              {lane.meetings.length === 0 ? (
                <p className="missions-muted agenda-lane__empty">{t('agenda.laneEmpty')}</p>
              ) : (
                <div className="agenda-lane__meetings">
                  {lane.meetings.map((m) => (
                    <AgendaMeeting
                      key={m.id}
                      meeting={m}
                      timeZone={timeZone}
                      editable={editable}
                      highlighted={m.id === highlightId}
                      clash={clashes.has(m.id)}
                    />
                  ))}
                </div>
              )}
              <SuggestedMeetings
                missionId={missionId}
                timeZone={timeZone}
                exporter={lane.exporter}
                editable={editable}
                onPlanned={(plannedDay) => {
                  if (plannedDay !== day) setDay(plannedDay);
                }}
              />
            </section>
          ))}
        </div>
      )}
      {planning && (
        <PlanMeetingDialog
          missionId={missionId}
          timeZone={timeZone}
          days={days}
          defaultDay={day}
          defaultExporterId={planning.exporterId}
          exporters={activeParticipants.map((p) => p.company)}
          onConflict={(existingId, conflictDay) => {
            setHighlightId(existingId);
            if (conflictDay !== day) setDay(conflictDay);
          }}
          onPlanned={(plannedDay) => {
            setHighlightId(null);
            if (plannedDay !== day) setDay(plannedDay);
          }}
          onClose={() => setPlanning(null)}
        />
      )}
    </Panel>
  );
}
