import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { QueryError } from '../../../components/ui/QueryError';
import { Spinner } from '../../../components/ui/Spinner';
import type { MissionSuggestionsQuery as MissionSuggestionsData } from '../../../gql/graphql';
import { intlLocale } from '../../../lib/i18n/languages';
import { useLanguage } from '../../../lib/i18n/useLanguage';
import { useSectorName } from '../../../lib/i18n/useSectorName';
import {
  DismissMeetingSuggestionMutation,
  MissionSuggestionsQuery,
  PlanSuggestedMeetingMutation,
} from '../graphql/suggestions';
import { dayInZone } from '../hooks/time';
import { useMissionFormat } from '../hooks/useMissionFormat';

/** Suggestions shown first, and at most after "show more". */
const FIRST = 5;
const MORE = 20;

type Suggestion = NonNullable<MissionSuggestionsData['mission']>['suggestedMeetings'][number];
type Reason = Suggestion['reasons'][number];

export interface SuggestedMeetingsProps {
  missionId: string;
  timeZone: string;
  exporter: { id: string; name: string };
  /** Who may plan and dismiss (ADMIN, ACCOUNT_MANAGER). */
  editable: boolean;
  /** A suggestion was planned: the day (in the mission's zone) the agenda should show. */
  onPlanned: (day: string) => void;
}

/** One exporter's suggested counterparts at the mission, loaded when the section is opened. */
export function SuggestedMeetings({ missionId, timeZone, exporter, editable, onPlanned }: SuggestedMeetingsProps) {
  const { t } = useTranslation('missions');
  const { t: tc } = useTranslation();
  const fmt = useMissionFormat();
  const [language] = useLanguage();
  const sectorName = useSectorName();
  const listFormat = useMemo(
    () => new Intl.ListFormat(intlLocale(language), { style: 'long', type: 'conjunction' }),
    [language],
  );
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [more, setMore] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [dismissedIds, setDismissedIds] = useState<readonly string[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const first = more ? MORE : FIRST;
  const { data, previousData, error, refetch } = useQuery(MissionSuggestionsQuery, {
    variables: { missionId, exporterId: exporter.id, first },
    skip: !open,
  });
  const [plan] = useMutation(PlanSuggestedMeetingMutation);
  const [dismiss] = useMutation(DismissMeetingSuggestionMutation);
  const shown = data ?? previousData;
  const suggestions = (shown?.mission?.suggestedMeetings ?? []).filter((s) => !dismissedIds.includes(s.counterpart.id));

  const reasonText = (reason: Reason, counterpartKind: Suggestion['counterpart']['kind']): string => {
    const count = reason.count ?? 0;
    switch (reason.kind) {
      case 'SHARED_SECTORS':
        return t('suggestions.reason.SHARED_SECTORS', {
          sectors: listFormat.format(reason.sectors.map(sectorName)),
        });
      case 'KIND_FIT':
        return t(`suggestions.kindFit.${counterpartKind}`);
      case 'POSITIVE_MEETINGS':
        return t('suggestions.reason.POSITIVE_MEETINGS', { count });
      case 'DEALS_WON':
        return t('suggestions.reason.DEALS_WON', { count });
      case 'NO_SHOWS':
        return t('suggestions.reason.NO_SHOWS', { count });
      case 'BUSY':
        return t('suggestions.reason.BUSY', { count });
      case 'DISMISSED':
        return t('suggestions.reason.DISMISSED', { count });
      case 'MET_RECENTLY':
        return t('suggestions.reason.MET_RECENTLY');
      case 'OPEN_DEAL':
        return t('suggestions.reason.OPEN_DEAL');
      case 'MISSION_PARTNER':
        return t('suggestions.reason.MISSION_PARTNER');
    }
  };

  const input = (counterpartId: string) => ({ missionId, exporterId: exporter.id, counterpartId });

  async function onPlan(suggestion: Suggestion) {
    setBusyId(suggestion.counterpart.id);
    setNote(null);
    setProblem(null);
    try {
      const result = await plan({
        variables: { input: input(suggestion.counterpart.id) },
        refetchQueries: ['MissionAgenda', 'MissionPage', 'MissionSuggestions'],
        awaitRefetchQueries: true,
      });
      const payload = result.data?.planSuggestedMeeting;
      const planned = payload?.interaction;
      if (payload && payload.userErrors.length > 0) {
        setProblem(payload.userErrors.map((e) => e.message).join(' '));
      } else if (planned?.startsAt) {
        setNote(
          t('suggestions.planned', {
            name: planned.counterpart?.name ?? suggestion.counterpart.name,
            when: fmt.formatDateTime(planned.startsAt, timeZone),
            zone: timeZone,
          }),
        );
        onPlanned(dayInZone(planned.startsAt, timeZone));
      }
    } catch {
      setProblem(tc('errors.generic'));
    } finally {
      setBusyId(null);
    }
  }

  async function onDismiss(suggestion: Suggestion) {
    const id = suggestion.counterpart.id;
    setBusyId(id);
    setNote(null);
    setProblem(null);
    try {
      const result = await dismiss({ variables: { input: input(id) } });
      const payload = result.data?.dismissMeetingSuggestion;
      if (payload && payload.userErrors.length > 0) {
        setProblem(payload.userErrors.map((e) => e.message).join(' '));
        return;
      }
      setDismissedIds((ids) => [...ids, id]);
      await refetch();
    } catch {
      setProblem(tc('errors.generic'));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <div className="agenda-suggestions">
      <Button
        size="small"
        variant="ghost"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={t('suggestions.toggleFor', { name: exporter.name })}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? '▾' : '▸'} {t('suggestions.toggle')}
      </Button>
      <div id={listId} hidden={!open} className="agenda-suggestions__body">
        <p role="status" className="missions-muted agenda-suggestions__note">
          {note}
        </p>
        {problem && (
          <p role="alert" className="agenda-suggestions__problem">
            {problem}
          </p>
        )}
        {open &&
          (error && !shown ? (
            <QueryError refetch={refetch} />
          ) : !shown ? (
            <Spinner label={t('suggestions.loading')} />
          ) : suggestions.length === 0 ? (
            <p className="missions-muted">{t('suggestions.empty')}</p>
          ) : (
            <ol className="agenda-suggestions__list">
              {suggestions.map((s) => (
                <li
                  key={s.counterpart.id}
                  className="agenda-suggestion"
                  aria-label={s.counterpart.name}
                  aria-busy={busyId === s.counterpart.id || undefined}
                >
                  <div className="agenda-suggestion__head">
                    <Link to={`/companies/${s.counterpart.id}`} className="missions-link-strong">
                      {s.counterpart.name}
                    </Link>
                    <span className="missions-muted">
                      {[t(`companyKind.${s.counterpart.kind}`), s.counterpart.city].filter(Boolean).join(' · ')}
                    </span>
                    <span className="agenda-suggestion__score">
                      {t('suggestions.score', { score: fmt.formatNumber(s.score, { maximumFractionDigits: 1 }) })}
                    </span>
                    {editable && (
                      <span className="agenda-suggestion__actions">
                        <Button
                          size="small"
                          aria-label={t('suggestions.planFor', { name: s.counterpart.name })}
                          loading={busyId === s.counterpart.id}
                          disabled={busyId !== null}
                          onClick={() => void onPlan(s)}
                        >
                          {t('suggestions.plan')}
                        </Button>
                        <Button
                          size="small"
                          variant="secondary"
                          aria-label={t('suggestions.dismissFor', { name: s.counterpart.name })}
                          disabled={busyId !== null}
                          onClick={() => void onDismiss(s)}
                        >
                          {t('suggestions.dismiss')}
                        </Button>
                      </span>
                    )}
                  </div>
                  <ul className="agenda-suggestion__reasons">
                    {s.reasons.map((reason) => {
                      const against = reason.points < 0;
                      return (
                        <li
                          key={reason.kind}
                          className={`agenda-suggestion__reason${against ? ' agenda-suggestion__reason--against' : ''}`}
                        >
                          <span className="agenda-suggestion__points" aria-hidden="true">
                            {against ? '−' : '+'}
                            {fmt.formatNumber(Math.abs(reason.points), { maximumFractionDigits: 1 })}
                          </span>{' '}
                          {against && <Badge tone="danger">{t('suggestions.against')}</Badge>}{' '}
                          {reasonText(reason, s.counterpart.kind)}
                        </li>
                      );
                    })}
                  </ul>
                </li>
              ))}
            </ol>
          ))}
        {open && shown && !more && (shown.mission?.suggestedMeetings.length ?? 0) >= FIRST && (
          <Button size="small" variant="ghost" onClick={() => setMore(true)}>
            {t('suggestions.showMore')}
          </Button>
        )}
      </div>
    </div>
  );
}
