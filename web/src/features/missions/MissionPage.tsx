import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Button } from '../../components/ui/Button';
import { EmptyState } from '../../components/ui/EmptyState';
import { Spinner } from '../../components/ui/Spinner';
import { Tabs, tabId } from '../../components/ui/Tabs';
import { MAX_PAGE_SIZE } from '../../lib/pagination/useListPage';
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
  const { data, loading, error, refetch } = useQuery(MissionPageQuery, {
    variables: { id: missionId, participants: MAX_PAGE_SIZE },
  });
  usePageTitle(data?.mission?.name);

  const selectTab = (next: Tab) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        copy.set('tab', next);
        if (next !== 'agenda') copy.delete('day');
        if (next !== 'outcome') copy.delete('confirmed');
        return copy;
      },
      { replace: true },
    );

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
      <Tabs
        label={t('tabs.label')}
        prefix="mission"
        items={TABS.map((name) => ({
          id: name,
          label: t(`tabs.${name}`),
          count: name === 'delegation' ? mission.participants.totalCount : undefined,
        }))}
        selected={tab}
        onSelect={selectTab}
        panelId={(name) => `mission-panel-${name}`}
      />
      <div
        role="tabpanel"
        id={`mission-panel-${tab}`}
        aria-labelledby={tabId('mission', tab)}
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
