import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ViewerQuery } from '../../lib/session/viewer';
import { CompleteTaskMutation } from '../../lib/tasks/completeTask';
import { viewer } from '../../test/fixtures';
import { renderRoutes } from '../../test/renderWithProviders';
import { type Answer, answer, scriptedLink } from '../../test/scriptedLink';
import { DashboardPage } from './DashboardPage';
import { DashboardAnalyticsQuery, DashboardFunnelQuery, DashboardWorkQuery } from './graphql/dashboard';
import { confirmation, emptyDashboardAnswers, figures, halfYearRow } from './testAnswers';

const money = (amount: string) => ({ __typename: 'Money' as const, amount, currency: 'RUB' });
const company = (id: string, name: string) => ({ __typename: 'Company' as const, id, name });
const mission = { __typename: 'Mission' as const, id: 'm1', name: 'Mission commerciale à Casablanca' };

function task(id: string, title: string, dueOn: string, about: Partial<Record<'company' | 'mission', unknown>>) {
  return {
    __typename: 'Task' as const,
    id,
    title,
    dueOn,
    done: false,
    company: (about.company as ReturnType<typeof company>) ?? null,
    mission: (about.mission as typeof mission) ?? null,
    deal: null,
  };
}

const tasks = [
  task('t1', 'Relancer Casa Frais Import', '2026-11-20', { company: company('c1', 'Casa Frais Import') }),
  task('t2', 'Отчёт по миссии', '2026-12-15', { mission }),
];

const meeting = {
  __typename: 'Interaction' as const,
  id: 'i1',
  subject: 'Rendez-vous B2B',
  occurredAt: '2026-11-26T09:30:00.000Z',
  startsAt: '2026-11-26T09:30:00.000Z',
  endsAt: '2026-11-26T10:15:00.000Z',
  status: 'PLANNED' as const,
  place: null,
  exporter: company('e1', 'Рыбный мир'),
  counterpart: company('c2', 'Épiceries Al Wafa'),
  mission,
};

const stage = (id: string, name: string, category: 'OPEN' | 'WON' | 'LOST') => ({
  __typename: 'PipelineStage' as const,
  id,
  name,
  category,
  retired: false,
});

const work = answer(DashboardWorkQuery).with(() => ({
  data: {
    tasks: { __typename: 'TaskConnection', totalCount: 2, nodes: tasks },
    interactions: { __typename: 'InteractionConnection', totalCount: 1, nodes: [meeting] },
  },
}));

// With confirmedOnly, only the one deal its exporter confirmed counts (H2 2025, at a corrected value).
const analytics = answer(DashboardAnalyticsQuery).with(({ confirmedOnly }) => ({
  data: {
    byHalfYear: {
      __typename: 'ExportValueReport',
      baseCurrency: 'RUB',
      confirmedOnly,
      // Over every won deal of the window, whichever deals the figures count.
      confirmation: confirmation(3, 1),
      total: confirmedOnly ? figures('8000000.00', 1) : figures('34280800.00', 3),
      rows: confirmedOnly
        ? [
            halfYearRow('2025-H1', '2025-01-01', '2025-06-30', '0.00', '0.00', null),
            halfYearRow('2025-H2', '2025-07-01', '2025-12-31', '8000000.00', '0.00', null),
            halfYearRow('2026-H1', '2026-01-01', '2026-06-30', '0.00', '0.00', null),
            halfYearRow('2026-H2', '2026-07-01', '2026-12-31', '0.00', '0.00', null),
          ]
        : [
            halfYearRow('2025-H1', '2025-01-01', '2025-06-30', '0.00', '20829900.00', -100),
            halfYearRow('2025-H2', '2025-07-01', '2025-12-31', '8380800.00', '0.00', null),
            halfYearRow('2026-H1', '2026-01-01', '2026-06-30', '25900000.00', '0.00', null),
            halfYearRow('2026-H2', '2026-07-01', '2026-12-31', '12000000.00', '8000000.00', 50),
          ],
    },
    byMission: {
      __typename: 'ExportValueReport',
      baseCurrency: 'RUB',
      rows: [
        {
          __typename: 'ExportValueRow',
          key: ['m1'],
          label: mission.name,
          mission,
          current: confirmedOnly
            ? { __typename: 'ExportValueFigures', dealsWon: 1, dealsWithoutRate: 0, value: money('8000000.00') }
            : { __typename: 'ExportValueFigures', dealsWon: 3, dealsWithoutRate: 0, value: money('34280800.00') },
        },
        {
          __typename: 'ExportValueRow',
          key: [null],
          label: 'None',
          mission: null,
          current: { __typename: 'ExportValueFigures', dealsWon: 1, dealsWithoutRate: 0, value: money('100.00') },
        },
      ],
    },
    pipelines: {
      __typename: 'PipelineConnection',
      nodes: [
        {
          __typename: 'Pipeline',
          id: 'p1',
          name: 'Export pipeline',
          isDefault: true,
          stages: [
            { id: 's1', category: 'OPEN', amount: '2088000.00', count: 3 },
            { id: 's2', category: 'OPEN', amount: '28830000.50', count: 2 },
            { id: 's3', category: 'WON', amount: '64710700.00', count: 5 },
          ].map((s) => ({
            __typename: 'PipelineStage' as const,
            id: s.id,
            category: s.category as 'OPEN' | 'WON',
            deals: {
              __typename: 'PipelineStageDealConnection' as const,
              totalCount: s.count,
              currenciesWithoutRate: [],
              totalAmount: money(s.amount),
            },
          })),
        },
      ],
    },
  },
}));

const funnelStage = (s: ReturnType<typeof stage>, reached: number, current: number, next: number | null) => ({
  __typename: 'FunnelStage' as const,
  stage: s,
  reached,
  current,
  conversionToNextPercent: next,
  conversionToWonPercent: null,
});

const funnel = answer(DashboardFunnelQuery).with(() => ({
  data: {
    pipelineFunnel: {
      __typename: 'PipelineFunnel',
      deals: 14,
      open: 10,
      won: 3,
      lost: 1,
      winRatePercent: 21.43,
      pipeline: { __typename: 'Pipeline', id: 'p1', name: 'Export pipeline' },
      stages: [
        funnelStage(stage('s1', 'Lead', 'OPEN'), 14, 3, 78.57),
        funnelStage(stage('s3', 'Contract signed', 'WON'), 3, 3, null),
        funnelStage(stage('s4', 'Lost', 'LOST'), 1, 1, null),
      ],
    },
  },
}));

const viewerAnswer = (role: 'ACCOUNT_MANAGER' | 'ANALYST' = 'ACCOUNT_MANAGER') =>
  answer(ViewerQuery).with(() => ({ data: { viewer: { ...viewer, role } } }));

function renderDashboard(...answers: Answer[]) {
  const { link, calls } = scriptedLink(...answers);
  const view = renderRoutes({ transport: link, routes: [{ path: '/', element: <DashboardPage /> }] });
  return { ...view, calls };
}

describe('DashboardPage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 25, 10, 0));
  });
  afterEach(() => vi.useRealTimers());

  it("shows the viewer's tasks and meetings and the agency's figures", async () => {
    const variables: unknown[] = [];
    renderDashboard(
      viewerAnswer(),
      answer(DashboardWorkQuery).with((vars) => {
        variables.push(vars);
        return work.respond(vars) as never;
      }),
      analytics,
      funnel,
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Good morning, Camille Durand' })).toBeTruthy();

    const tasksPanel = await screen.findByRole('region', { name: 'My open tasks' });
    const overdue = await within(tasksPanel).findByText('Relancer Casa Frais Import');
    expect(within(overdue.closest('li') as HTMLElement).getByText('Overdue')).toBeTruthy();
    expect(within(tasksPanel).getByRole('link', { name: 'Casa Frais Import' }).getAttribute('href')).toBe(
      '/companies/c1',
    );
    expect(within(tasksPanel).getByRole('link', { name: mission.name }).getAttribute('href')).toBe('/missions/m1');
    expect(within(tasksPanel).getByText('Отчёт по миссии')).toBeTruthy();

    const meetings = screen.getByRole('region', { name: 'My meetings this week' });
    expect(within(meetings).getByRole('link', { name: 'Рыбный мир' })).toBeTruthy();
    expect(within(meetings).getByRole('link', { name: 'Épiceries Al Wafa' })).toBeTruthy();
    expect(within(meetings).getByText('Planned')).toBeTruthy();

    // This week in the user's time, Monday to Monday; the first 20 open tasks assigned to the viewer.
    expect(variables[0]).toEqual({
      viewerId: viewer.id,
      weekFrom: new Date(2026, 10, 23).toISOString(),
      weekTo: new Date(2026, 10, 30).toISOString(),
      tasks: 20,
      meetings: 50,
    });

    const kpis = await screen.findByRole('region', { name: 'Key figures' });
    expect(within(kpis).getByText('Won in H2 2026')).toBeTruthy();
    expect(within(kpis).getByText('+50 %')).toBeTruthy();
    expect(within(kpis).getByText('5 open deals')).toBeTruthy();
    // 2,088,000.00 + 28,830,000.50, summed exactly then rounded for the headline.
    expect(within(kpis).getByText(/30,918,001/)).toBeTruthy();
    expect(await within(kpis).findByText('21.4 %')).toBeTruthy();

    const chart = await screen.findByRole('table', { name: /Value of contracts won per half-year/ });
    expect(within(chart).getByRole('rowheader', { name: 'H2 2026 (to date)' })).toBeTruthy();
    expect(within(chart).getByText('RUB 25,900,000.00')).toBeTruthy();

    const funnelTable = await screen.findByRole('table', { name: /Funnel of the Export pipeline pipeline/ });
    expect(within(funnelTable).getByRole('rowheader', { name: 'Lead' })).toBeTruthy();
    expect(within(funnelTable).queryByRole('rowheader', { name: 'Lost' })).toBeNull();

    const top = screen.getByRole('region', { name: 'Top missions by value won' });
    expect(within(top).getByRole('link', { name: mission.name }).getAttribute('href')).toBe('/missions/m1');
    expect(within(top).getAllByRole('listitem')).toHaveLength(1);
  });

  it('shows the confirmation rate of the window, and counts only confirmed contracts when asked', async () => {
    const requests: unknown[] = [];
    const { router } = renderDashboard(
      viewerAnswer(),
      work,
      answer(DashboardAnalyticsQuery).with((vars) => {
        requests.push(vars);
        return analytics.respond(vars) as never;
      }),
      funnel,
    );

    const kpis = await screen.findByRole('region', { name: 'Key figures' });
    const rate = (await within(kpis).findByText('Confirmed by exporters')).closest('div') as HTMLElement;
    expect(within(rate).getByText('33.3 %')).toBeTruthy();
    expect(within(rate).getByText('1 of 3 contracts won since 1 January 2025')).toBeTruthy();
    expect(within(kpis).getByText('Won in H2 2026')).toBeTruthy();
    expect(screen.queryByText(/^Confirmed figures:/)).toBeNull();
    expect(requests[0]).toMatchObject({ from: '2025-01-01', confirmedOnly: false });

    const toggle = screen.getByRole('checkbox', { name: 'Confirmed only' });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    fireEvent.click(toggle);

    await waitFor(() => expect(requests.at(-1)).toMatchObject({ from: '2025-01-01', confirmedOnly: true }));
    expect(router.state.location.search).toBe('?confirmed=1');
    expect(await within(kpis).findByText('Confirmed won in H2 2026')).toBeTruthy();
    expect(within(kpis).getByText(/^Confirmed figures: the value won, its growth, the chart/)).toBeTruthy();
    // The rate is over every won deal of the window, whichever the figures count.
    expect(within(kpis).getByText('33.3 %')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Confirmed value won by half-year' })).toBeTruthy();
    const chart = await screen.findByRole('table', { name: /Value of contracts won per half-year/ });
    expect(within(chart).getByText('RUB 8,000,000.00')).toBeTruthy();
    const top = screen.getByRole('region', { name: 'Top missions by confirmed value won' });
    expect(within(top).getByText('1 contract won')).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Confirmed only' }));
    expect(await within(kpis).findByText('Won in H2 2026')).toBeTruthy();
    expect(router.state.location.search).toBe('');
    expect(screen.getByRole('heading', { name: 'Value won by half-year' })).toBeTruthy();
  });

  it('completes a task: it leaves the list', async () => {
    const completed: unknown[] = [];
    renderDashboard(
      viewerAnswer(),
      work,
      analytics,
      funnel,
      answer(CompleteTaskMutation).with((vars) => {
        completed.push(vars.input);
        return {
          data: {
            completeTask: {
              __typename: 'CompleteTaskPayload',
              task: { __typename: 'Task', id: 't1', done: true, doneAt: '2026-11-25T07:00:00.000Z' },
              userErrors: [],
            },
          },
        };
      }),
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Mark “Relancer Casa Frais Import” as done' }));

    await waitFor(() => expect(screen.queryByText('Relancer Casa Frais Import', { selector: 'p' })).toBeNull());
    expect(completed).toEqual([{ taskId: 't1' }]);
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('Task “Relancer Casa Frais Import” done.');
    expect(screen.getByText('Отчёт по миссии')).toBeTruthy();
  });

  it("shows the server's refusal when a task cannot be completed", async () => {
    renderDashboard(
      viewerAnswer(),
      work,
      analytics,
      funnel,
      answer(CompleteTaskMutation).with(() => ({
        data: {
          completeTask: {
            __typename: 'CompleteTaskPayload',
            task: null,
            userErrors: [
              { __typename: 'UserError', field: ['input', 'taskId'], code: 'FORBIDDEN', message: 'Not your task.' },
            ],
          },
        },
      })),
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Mark “Relancer Casa Frais Import” as done' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Not your task.');
    expect(screen.getByText('Relancer Casa Frais Import')).toBeTruthy();
  });

  it('gives each section its own empty state, and analysts no task buttons', async () => {
    renderDashboard(viewerAnswer('ANALYST'), ...emptyDashboardAnswers());

    expect(await screen.findByText('No open tasks')).toBeTruthy();
    expect(screen.getByText('No meetings this week')).toBeTruthy();
    expect(await screen.findByText('No contract won in this period')).toBeTruthy();
    expect(screen.getByText('No pipeline')).toBeTruthy();
    expect(screen.getByText('No mission has won a contract yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /as done/ })).toBeNull();
  });

  it('offers a retry when the figures cannot be loaded', async () => {
    let fail = true;
    renderDashboard(
      viewerAnswer(),
      work,
      answer(DashboardAnalyticsQuery).with((vars) => {
        if (fail) return { data: null, errors: [{ message: 'boom' }] };
        return analytics.respond(vars) as never;
      }),
      funnel,
    );

    const kpis = await screen.findByRole('region', { name: 'Key figures' });
    const retry = await within(kpis).findByRole('button', { name: 'Try again' });
    fail = false;
    fireEvent.click(retry);
    expect(await within(kpis).findByText('Won in H2 2026')).toBeTruthy();
  });
});
