import { useQuery } from '@apollo/client/react';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorMessage } from '../../components/ui/ErrorMessage';
import { PageHeader } from '../../components/ui/PageHeader';
import { Panel } from '../../components/ui/Panel';
import { Spinner } from '../../components/ui/Spinner';
import { parseIsoDay, toIsoDay } from '../../lib/dates/local';
import { useUrlParam } from '../../lib/hooks/useUrlSearch';
import { useFormat } from '../../lib/i18n/useFormat';
import { DASHBOARD_MEETINGS, DASHBOARD_PIPELINES, DASHBOARD_TASKS } from '../../lib/pagination/useListPage';
import { canEdit } from '../../lib/session/roles';
import { useViewer } from '../../lib/session/useViewer';
import type { FunnelStep } from './components/FunnelChart';
import { splitHalfYear } from './components/halfYear';
import { KpiCards, type WinRate } from './components/KpiCards';
import { MyTasks } from './components/MyTasks';
import { TopMissions } from './components/TopMissions';
import { WeekMeetings } from './components/WeekMeetings';
import { halfYearWindow, weekRange } from './dates';
import { halfYearPoints, kpiFigures, topMissions } from './figures';
import {
  DashboardAnalyticsQuery as AnalyticsQuery,
  DashboardFunnelQuery,
  DashboardWorkQuery,
} from './graphql/dashboard';
import './dashboard.css';

// The charting library is most of this page's weight: tasks, meetings and KPIs show first, the
// charts follow in their own chunk.
const ValueWonChart = lazy(() => import('./components/ValueWonChart').then((m) => ({ default: m.ValueWonChart })));
const FunnelChart = lazy(() => import('./components/FunnelChart').then((m) => ({ default: m.FunnelChart })));

function greetingKey(hour: number) {
  if (hour < 12) return 'greeting.morning' as const;
  if (hour < 18) return 'greeting.afternoon' as const;
  return 'greeting.evening' as const;
}

/** Loading and error states shared by a section's panel. */
function SectionStatus({ loading, error, onRetry }: { loading: boolean; error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (error) {
    return <ErrorMessage retry={{ label: t('errors.retry'), onRetry }}>{t('errors.generic')}</ErrorMessage>;
  }
  if (loading) {
    return (
      <div className="dash-loading">
        <Spinner label={t('app.loading')} />
      </div>
    );
  }
  return null;
}

export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const { formatDate } = useFormat();
  const { viewer } = useViewer();
  const [now] = useState(() => new Date());
  const today = toIsoDay(now);
  const week = weekRange(now);
  const range = halfYearWindow(now);
  const editable = canEdit(viewer?.role);
  // "Confirmed only" (kept in the URL): value won counts only the deals their exporters confirmed.
  const [confirmedParam, setConfirmedParam] = useUrlParam('confirmed');
  const confirmedOnly = confirmedParam === '1';

  const work = useQuery(DashboardWorkQuery, {
    variables: {
      viewerId: viewer?.id ?? '',
      weekFrom: week.from.toISOString(),
      weekTo: week.to.toISOString(),
      tasks: DASHBOARD_TASKS,
      meetings: DASHBOARD_MEETINGS,
    },
    skip: !viewer,
  });
  const analytics = useQuery(AnalyticsQuery, {
    variables: { from: range.from, to: range.to, pipelines: DASHBOARD_PIPELINES, confirmedOnly },
  });
  const pipelines = analytics.data?.pipelines.nodes ?? [];
  const defaultPipeline = pipelines.find((pipeline) => pipeline.isDefault) ?? pipelines[0];
  const funnel = useQuery(DashboardFunnelQuery, {
    variables: { pipelineId: defaultPipeline?.id ?? '', from: range.from, to: range.to },
    skip: !defaultPipeline,
  });

  const retryWork = () => void work.refetch().catch(() => {});
  const retryAnalytics = () => void analytics.refetch().catch(() => {});
  const retryFunnel = () => void funnel.refetch().catch(() => {});
  const since = formatDate(parseIsoDay(range.from), { day: 'numeric', month: 'long', year: 'numeric' });

  const workData = work.data;
  const analyticsData = analytics.data;
  const funnelData = funnel.data?.pipelineFunnel;
  const workLoading = !workData && (work.loading || !viewer);
  const analyticsLoading = !analyticsData && analytics.loading;

  let winRate: WinRate = { state: 'unavailable' };
  if (funnelData)
    winRate = { state: 'ready', percent: funnelData.winRatePercent, won: funnelData.won, deals: funnelData.deals };
  else if (analyticsLoading || (defaultPipeline && funnel.loading)) winRate = { state: 'loading' };

  const funnelSteps: FunnelStep[] = (funnelData?.stages ?? [])
    .filter((step) => step.stage.category !== 'LOST' && !(step.stage.retired && step.reached === 0))
    .map((step) => ({
      id: step.stage.id,
      name: step.stage.name,
      won: step.stage.category === 'WON',
      reached: step.reached,
      current: step.current,
      conversionToNextPercent: step.conversionToNextPercent,
    }));

  const tasks = workData?.tasks;
  const meetings = workData?.interactions;
  const currency = analyticsData?.byHalfYear.baseCurrency ?? '';
  const missing = analyticsData?.byHalfYear.total;
  let figures: ReactNode = null;
  if (analyticsData) {
    const kpis = kpiFigures(analyticsData.byHalfYear, analyticsData.pipelines.nodes, range.currentHalfStart);
    kpis.halfYear.label = t('halfYear', splitHalfYear(kpis.halfYear.label));
    figures = <KpiCards figures={kpis} winRate={winRate} since={since} />;
  }
  const missions = analyticsData ? topMissions(analyticsData.byMission) : [];
  // What the figures on screen count, as the server answered (not the switch, which may be ahead).
  const confirmedShown = analyticsData?.byHalfYear.confirmedOnly ?? false;

  return (
    <div className="dash">
      <PageHeader
        title={t(greetingKey(now.getHours()), { name: viewer?.fullName ?? '' })}
        subtitle={formatDate(now, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}
        actions={
          <label className="dash-toggle">
            <input
              type="checkbox"
              checked={confirmedOnly}
              onChange={(event) => setConfirmedParam(event.target.checked ? '1' : '')}
            />
            {t('confirmedOnly')}
          </label>
        }
      />

      <section className="dash-section" aria-label={t('kpi.label')}>
        <SectionStatus loading={analyticsLoading} error={analytics.error && !analyticsData} onRetry={retryAnalytics} />
        {analyticsData && confirmedShown && <p className="dash-confirmed-note">{t('confirmedNote')}</p>}
        {figures}
      </section>

      <div className="dash-grid">
        <Panel
          title={t('tasks.title')}
          actions={tasks && tasks.totalCount > 0 ? <span className="dash-count">{tasks.totalCount}</span> : undefined}
        >
          <SectionStatus loading={workLoading} error={work.error && !workData} onRetry={retryWork} />
          {tasks &&
            (tasks.nodes.length === 0 ? (
              <EmptyState title={t('tasks.emptyTitle')}>{t('tasks.emptyText')}</EmptyState>
            ) : (
              <MyTasks tasks={tasks.nodes} totalCount={tasks.totalCount} today={today} editable={editable} />
            ))}
        </Panel>

        <Panel
          title={t('meetings.title')}
          actions={
            <span className="dash-panel-note">
              {formatDate(week.from, { day: 'numeric', month: 'short' })} –{' '}
              {formatDate(new Date(week.to.getTime() - 1), { day: 'numeric', month: 'short' })}
            </span>
          }
        >
          <SectionStatus loading={workLoading} error={work.error && !workData} onRetry={retryWork} />
          {meetings &&
            (meetings.nodes.length === 0 ? (
              <EmptyState title={t('meetings.emptyTitle')}>
                {editable ? t('meetings.emptyText') : t('meetings.emptyTextReadOnly')}
              </EmptyState>
            ) : (
              <WeekMeetings meetings={meetings.nodes} />
            ))}
        </Panel>
      </div>

      <div className="dash-grid dash-grid--charts">
        <Panel
          title={confirmedShown ? t('chart.titleConfirmed') : t('chart.title')}
          actions={<span className="dash-panel-note">{t('since', { date: since })}</span>}
        >
          <SectionStatus
            loading={analyticsLoading}
            error={analytics.error && !analyticsData}
            onRetry={retryAnalytics}
          />
          {analyticsData &&
            (analyticsData.byHalfYear.total.dealsWon === 0 ? (
              confirmedShown ? (
                <EmptyState title={t('chart.emptyTitleConfirmed')}>{t('chart.emptyTextConfirmed')}</EmptyState>
              ) : (
                <EmptyState title={t('chart.emptyTitle')}>{t('chart.emptyText')}</EmptyState>
              )
            ) : (
              <>
                <Suspense fallback={<Spinner label={t('chart.loading')} />}>
                  <ValueWonChart
                    points={halfYearPoints(analyticsData.byHalfYear, range.currentHalfStart)}
                    currency={currency}
                  />
                </Suspense>
                {missing && missing.dealsWithoutRate > 0 && (
                  <p className="dash-warning">
                    {t('chart.withoutRate', {
                      count: missing.dealsWithoutRate,
                      currencies: missing.currenciesWithoutRate.join(', '),
                    })}
                  </p>
                )}
              </>
            ))}
        </Panel>

        <Panel
          title={t('funnel.title')}
          actions={defaultPipeline && <span className="dash-panel-note">{defaultPipeline.name}</span>}
        >
          <SectionStatus
            loading={analyticsLoading || (!funnelData && funnel.loading)}
            error={(analytics.error && !analyticsData) || (funnel.error && !funnelData)}
            onRetry={analytics.error ? retryAnalytics : retryFunnel}
          />
          {analyticsData && !defaultPipeline && <EmptyState title={t('funnel.noPipeline')} />}
          {funnelData &&
            (funnelData.deals === 0 ? (
              <EmptyState
                title={t('funnel.emptyTitle')}
                action={<Link to="/pipeline">{t('funnel.openPipeline')}</Link>}
              >
                {t('funnel.emptyText', { date: since })}
              </EmptyState>
            ) : (
              <>
                <Suspense fallback={<Spinner label={t('chart.loading')} />}>
                  <FunnelChart steps={funnelSteps} pipelineName={funnelData.pipeline.name} />
                </Suspense>
                <p className="dash-funnel-summary">
                  {t('funnel.summary', {
                    count: funnelData.deals,
                    open: funnelData.open,
                    won: funnelData.won,
                    lost: funnelData.lost,
                    date: since,
                  })}
                </p>
              </>
            ))}
        </Panel>
      </div>

      <Panel
        title={confirmedShown ? t('missions.titleConfirmed') : t('missions.title')}
        actions={<span className="dash-panel-note">{t('since', { date: since })}</span>}
      >
        <SectionStatus loading={analyticsLoading} error={analytics.error && !analyticsData} onRetry={retryAnalytics} />
        {analyticsData &&
          (missions.length === 0 ? (
            <EmptyState
              title={confirmedShown ? t('missions.emptyTitleConfirmed') : t('missions.emptyTitle')}
              action={<Link to="/missions">{t('missions.browse')}</Link>}
            >
              {t('missions.emptyText')}
            </EmptyState>
          ) : (
            <TopMissions missions={missions} currency={currency} />
          ))}
      </Panel>
    </div>
  );
}
