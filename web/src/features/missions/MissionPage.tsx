import { useQuery } from '@apollo/client/react';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Button } from '../../components/ui/Button';
import { EmptyState } from '../../components/ui/EmptyState';
import { Spinner } from '../../components/ui/Spinner';
import { canEdit } from '../../lib/session/roles';
import { useViewer } from '../../lib/session/useViewer';
import { AgendaPanel } from './components/AgendaPanel';
import { DealsPanel } from './components/DealsPanel';
import { DelegationPanel } from './components/DelegationPanel';
import { MeetingsPanel } from './components/MeetingsPanel';
import { MissionFormDialog } from './components/MissionFormDialog';
import { MissionHeader } from './components/MissionHeader';
import { OutcomePanel } from './components/OutcomePanel';
import { TasksPanel } from './components/TasksPanel';
import { MissionPageQuery } from './graphql/mission';
import { usePageTitle } from './hooks/usePageTitle';
import './missions.css';
import { QueryError } from '../../components/ui/QueryError';

const TABS = ['delegation', 'agenda', 'meetings', 'deals', 'tasks', 'outcome'] as const;
type Tab = (typeof TABS)[number];

function isTab(value: string | null): value is Tab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

export function MissionPage() {
  const { missionId = '' } = useParams();
  const { t } = useTranslation('missions');
  const { viewer } = useViewer();
  const editable = canEdit(viewer?.role);
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: Tab = isTab(tabParam) ? tabParam : 'delegation';
  const [editing, setEditing] = useState(false);
  const { data, loading, error, refetch } = useQuery(MissionPageQuery, { variables: { id: missionId } });
  usePageTitle(data?.mission?.name);

  const selectTab = (next: Tab) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        copy.set('tab', next);
        if (next !== 'agenda') copy.delete('day');
        return copy;
      },
      { replace: true },
    );

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.indexOf(tab);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (index + 1) % TABS.length;
    if (event.key === 'ArrowLeft') next = (index - 1 + TABS.length) % TABS.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = TABS.length - 1;
    if (next === null) return;
    event.preventDefault();
    selectTab(TABS[next]);
    document.getElementById(`mission-tab-${TABS[next]}`)?.focus();
  };

  if (loading && !data) return <Spinner size="large" label={t('mission.loading')} />;
  if (error && !data) {
    return <QueryError refetch={refetch} />;
  }
  const mission = data?.mission;
  if (!mission) {
    return <EmptyState title={t('mission.notFound')} action={<Link to="/missions">{t('mission.backToList')}</Link>} />;
  }
  const participants = mission.participants.nodes;

  return (
    <div className="missions-page mission-page">
      <MissionHeader
        mission={mission}
        actions={
          editable && (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t('mission.edit')}
            </Button>
          )
        }
      />
      <div role="tablist" aria-label={t('tabs.label')} className="mission-tabs" onKeyDown={onTabKey} tabIndex={-1}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`mission-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`mission-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="mission-tabs__tab"
            onClick={() => selectTab(name)}
          >
            {t(`tabs.${name}`)}
            {name === 'delegation' && <span className="mission-tabs__count">{mission.participants.totalCount}</span>}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`mission-panel-${tab}`}
        aria-labelledby={`mission-tab-${tab}`}
        className="mission-tabpanel"
      >
        {tab === 'delegation' && (
          <DelegationPanel missionId={mission.id} participants={participants} editable={editable} />
        )}
        {tab === 'agenda' && (
          <AgendaPanel
            missionId={mission.id}
            timeZone={mission.timeZone}
            startsOn={mission.startsOn}
            endsOn={mission.endsOn}
            participants={participants}
            editable={editable}
          />
        )}
        {tab === 'meetings' && <MeetingsPanel missionId={mission.id} timeZone={mission.timeZone} editable={editable} />}
        {tab === 'deals' && <DealsPanel missionId={mission.id} />}
        {tab === 'tasks' && <TasksPanel missionId={mission.id} editable={editable} />}
        {tab === 'outcome' && <OutcomePanel missionId={mission.id} />}
      </div>
      <MissionFormDialog open={editing} onClose={() => setEditing(false)} mission={mission} />
    </div>
  );
}
