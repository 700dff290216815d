import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Badge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { EmptyState } from '../../components/ui/EmptyState';
import { Spinner } from '../../components/ui/Spinner';
import { graphql } from '../../gql';
import type { PrintAgenda_MeetingFragment as Meeting } from '../../gql/graphql';
import { MAX_PAGE_SIZE } from '../../lib/pagination/useListPage';
import { meetingStatusTone } from '../../lib/status/tones';
import { PrintAgendaQuery } from './graphql/agenda';
import { dayInZone } from './hooks/time';
import { useMissionFormat } from './hooks/useMissionFormat';
import { usePageTitle } from './hooks/usePageTitle';
import './print.css';
import { QueryError } from '../../components/ui/QueryError';

/** @public A document graphql-codegen reads; PrintAgendaQuery spreads it unmasked (this page runs it). */
export const PrintAgendaMeetingFragment = graphql(`
  fragment PrintAgenda_meeting on Interaction {
    id
    subject
    startsAt
    endsAt
    occurredAt
    status
    place
    counterpart {
      id
      name
      kind
      city
    }
    contacts {
      id
      fullName
      jobTitle
      phone
      company {
        id
      }
    }
  }
`);

export function PrintAgendaPage() {
  const { missionId = '', companyId = '' } = useParams();
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const fmt = useMissionFormat();
  const { data, loading, error, refetch } = useQuery(PrintAgendaQuery, {
    variables: { missionId, companyId, first: MAX_PAGE_SIZE },
  });
  const mission = data?.mission;
  const company = data?.company;
  usePageTitle(mission && company ? `${company.name} — ${mission.name}` : null);

  const days = useMemo(() => {
    if (!mission) return [];
    const byDay = new Map<string, Meeting[]>();
    const sorted = [...mission.interactions.nodes].sort((a, b) =>
      (a.startsAt ?? a.occurredAt).localeCompare(b.startsAt ?? b.occurredAt),
    );
    for (const m of sorted) {
      const day = dayInZone(m.startsAt ?? m.occurredAt, mission.timeZone);
      const list = byDay.get(day) ?? [];
      list.push(m);
      byDay.set(day, list);
    }
    return [...byDay.entries()];
  }, [mission]);

  if (loading && !data) {
    return (
      <div className="print-agenda">
        <Spinner size="large" label={t('print.loading')} />
      </div>
    );
  }
  if (error && !data) {
    return (
      <div className="print-agenda">
        <QueryError refetch={refetch} />
      </div>
    );
  }
  if (!mission || !company) {
    return (
      <div className="print-agenda">
        <EmptyState title={t('print.notFound')} action={<Link to="/missions">{t('mission.backToList')}</Link>} />
      </div>
    );
  }

  const place = [mission.city, fmt.countryName(mission.hostCountry)].filter(Boolean).join(', ');
  return (
    <div className="print-agenda">
      <div className="print-agenda__toolbar">
        <Link to={`/missions/${mission.id}?tab=agenda`}>← {t('print.backToMission')}</Link>
        <Button onClick={() => window.print()}>{tc('common.print')}</Button>
      </div>
      <header className="print-agenda__header">
        <p className="print-agenda__eyebrow">{t('print.eyebrow')}</p>
        <h1 className="print-agenda__title">{company.name}</h1>
        <p className="print-agenda__mission">
          <strong>{mission.name}</strong>
          <br />
          {place}
          {mission.startsOn && ` · ${fmt.formatDateRange(mission.startsOn, mission.endsOn)}`}
        </p>
        <p className="print-agenda__zone">{t('print.timesIn', { zone: mission.timeZone })}</p>
      </header>
      {days.length === 0 ? (
        <EmptyState title={t('print.empty')} />
      ) : (
        days.map(([day, meetings]) => (
          <section key={day} className="print-agenda__day" aria-labelledby={`print-day-${day}`}>
            <h2 id={`print-day-${day}`} className="print-agenda__day-title">
              {fmt.formatDay(day, { dateStyle: 'full' })}
            </h2>
            <table className="print-agenda__table">
              <thead>
                <tr>
                  <th scope="col">{t('print.time')}</th>
                  <th scope="col">{t('print.counterpart')}</th>
                  <th scope="col">{t('print.contacts')}</th>
                  <th scope="col">{t('print.place')}</th>
                </tr>
              </thead>
              <tbody>
                {meetings.map((m) => {
                  const start = m.startsAt ?? m.occurredAt;
                  return (
                    <tr key={m.id}>
                      <td className="print-agenda__time">
                        {fmt.formatTime(start, mission.timeZone)}
                        {m.endsAt && `–${fmt.formatTime(m.endsAt, mission.timeZone)}`}
                        {m.status && m.status !== 'PLANNED' && (
                          <span className="print-agenda__status">
                            <Badge tone={meetingStatusTone[m.status]}>{t(`meetingStatus.${m.status}`)}</Badge>
                          </span>
                        )}
                      </td>
                      <td>
                        <strong>{m.counterpart?.name ?? m.subject}</strong>
                        {m.counterpart && (
                          <div className="print-agenda__muted">
                            {t(`companyKind.${m.counterpart.kind}`)}
                            {m.counterpart.city && ` · ${m.counterpart.city}`}
                          </div>
                        )}
                      </td>
                      <td>
                        {m.contacts.filter((c) => c.company.id !== companyId).length === 0
                          ? tc('common.unknown')
                          : m.contacts
                              .filter((c) => c.company.id !== companyId)
                              .map((c) => (
                                <div key={c.id}>
                                  {c.fullName}
                                  {(c.jobTitle || c.phone) && (
                                    <span className="print-agenda__muted">
                                      {' '}
                                      {[c.jobTitle, c.phone].filter(Boolean).join(' · ')}
                                    </span>
                                  )}
                                </div>
                              ))}
                      </td>
                      <td>{m.place ?? tc('common.unknown')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        ))
      )}
    </div>
  );
}
