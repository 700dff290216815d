import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CompanyPickerSearchQuery, UserSelectQuery } from '../../components/pickers/graphql';
import { ViewerQuery } from '../../lib/session/viewer';
import { viewer } from '../../test/fixtures';
import { renderRoutes } from '../../test/renderWithProviders';
import { answer, scriptedLink } from '../../test/scriptedLink';
import {
  InteractionLoggedSubscription,
  MissionAgendaQuery,
  PlanMeetingMutation,
  PrintAgendaQuery,
  UpdateMeetingMutation,
} from './graphql/agenda';
import { MissionDealsQuery } from './graphql/deals';
import { MissionPageQuery } from './graphql/mission';
import { MissionsListQuery } from './graphql/missions';
import { MissionOutcomeQuery } from './graphql/outcome';
import { MissionPage } from './MissionPage';
import { MissionsPage } from './MissionsPage';
import { PrintAgendaPage } from './PrintAgendaPage';

const pageInfo = {
  __typename: 'PageInfo' as const,
  hasNextPage: false,
  hasPreviousPage: false,
  startCursor: null,
  endCursor: null,
};

const viewerAnswer = answer(ViewerQuery).with(() => ({ data: { viewer } }));
const usersAnswer = answer(UserSelectQuery).with(() => ({
  data: {
    users: {
      __typename: 'UserConnection',
      nodes: [{ __typename: 'User', id: 'user-1', fullName: 'Camille Durand', role: 'ACCOUNT_MANAGER', active: true }],
    },
  },
}));

const casablanca = {
  __typename: 'Mission' as const,
  id: 'm1',
  name: 'Mission commerciale Mosprom à Casablanca',
  kind: 'TRADE_MISSION' as const,
  status: 'COMPLETED' as const,
  hostCountry: 'MA',
  city: 'Casablanca',
  startsOn: '2025-09-08',
  endsOn: '2025-09-10',
  datesApproximate: false,
};

function company(id: string, name: string) {
  return { __typename: 'Company' as const, id, name, city: 'Москва', country: 'RU' };
}

const participants = [
  {
    __typename: 'MissionParticipant' as const,
    id: 'p1',
    status: 'ATTENDED' as const,
    notes: null,
    company: company('c-fish', 'Fish World'),
    meetings: { __typename: 'InteractionConnection' as const, totalCount: 2 },
  },
  {
    __typename: 'MissionParticipant' as const,
    id: 'p2',
    status: 'CONFIRMED' as const,
    notes: 'Стенд 12',
    company: company('c-nex', 'Некс-Т'),
    meetings: { __typename: 'InteractionConnection' as const, totalCount: 0 },
  },
];

const LONG_DESCRIPTION = `Nex-T LLC met several distributors and the university. ${'Fish World held targeted meetings. '.repeat(12)}`;

const missionPageAnswer = answer(MissionPageQuery).with(() => ({
  data: {
    mission: {
      ...casablanca,
      timeZone: 'Africa/Casablanca',
      description: LONG_DESCRIPTION,
      lead: { __typename: 'User', id: 'user-1', fullName: 'Camille Durand' },
      budget: { __typename: 'Money', amount: '12500000.00', currency: 'RUB' },
      organizer: { __typename: 'Agency', id: 'agency-1', shortName: 'Mosprom' },
      partners: [],
      participants: { __typename: 'MissionParticipantConnection', totalCount: 2, nodes: participants },
    },
  },
}));

function meeting(id: string, startsAt: string, endsAt: string, counterpart: string, status: 'PLANNED' | 'HELD') {
  return {
    __typename: 'Interaction' as const,
    id,
    subject: `Rendez-vous B2B : Fish World – ${counterpart}`,
    startsAt,
    endsAt,
    status,
    outcome: null,
    notes: null,
    place: 'Espace B2B, table 3',
    exporter: { __typename: 'Company' as const, id: 'c-fish', name: 'Fish World' },
    counterpart: { __typename: 'Company' as const, id: `c-${id}`, name: counterpart, kind: 'RETAILER' as const },
    contacts: [{ __typename: 'Contact' as const, id: `k-${id}`, fullName: 'Youssef Alaoui' }],
  };
}

const agendaAnswer = answer(MissionAgendaQuery).with(() => ({
  data: {
    mission: {
      __typename: 'Mission',
      id: 'm1',
      agenda: [
        meeting('i1', '2025-09-09T08:30:00.000Z', '2025-09-09T09:15:00.000Z', 'Hyper Medina Market', 'HELD'),
        meeting('i2', '2025-09-09T09:30:00.000Z', '2025-09-09T10:15:00.000Z', 'Rabat Fine Foods', 'PLANNED'),
      ],
    },
  },
}));

const missionRoutes = [{ path: '/missions/:missionId', element: <MissionPage /> }];

/** The missions list's one mission; `seen` records each request's variables. */
function missionsAnswer(seen: (variables: { filter?: unknown; orderBy?: unknown }) => void) {
  return answer(MissionsListQuery).with((variables) => {
    seen(variables);
    return {
      data: {
        missions: {
          __typename: 'MissionConnection',
          totalCount: 1,
          pageInfo,
          nodes: [
            {
              ...casablanca,
              lead: { __typename: 'User', id: 'user-1', fullName: 'Алексей Морозов' },
              participants: { __typename: 'MissionParticipantConnection', totalCount: 6 },
            },
          ],
        },
      },
    };
  });
}

describe('MissionsPage', () => {
  it('lists missions and filters them on the server, with the filters kept in the URL', async () => {
    const filters: unknown[] = [];
    const { link } = scriptedLink(
      viewerAnswer,
      usersAnswer,
      missionsAnswer((variables) => filters.push(variables.filter)),
    );
    const { router } = renderRoutes({
      transport: link,
      routes: [{ path: '/missions', element: <MissionsPage /> }],
      url: '/missions',
    });

    const row = await screen.findByRole('link', { name: 'Mission commerciale Mosprom à Casablanca' });
    expect(row.getAttribute('href')).toBe('/missions/m1');
    expect(screen.getByText('Алексей Морозов')).toBeTruthy();
    expect(screen.getByText('6')).toBeTruthy();
    expect(screen.getByText('Missions: 1')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'New mission' })).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'COMPLETED' } });
    await waitFor(() => expect(filters).toContainEqual({ statuses: ['COMPLETED'] }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Host country' }), { target: { value: 'MA' } });
    await waitFor(() => expect(filters).toContainEqual({ statuses: ['COMPLETED'], hostCountries: ['MA'] }));
    expect(router.state.location.search).toBe('?status=COMPLETED&country=MA');
  });

  it('starts from the filters in the URL, as after a reload', async () => {
    const filters: unknown[] = [];
    const { link } = scriptedLink(
      viewerAnswer,
      usersAnswer,
      missionsAnswer((variables) => filters.push(variables.filter)),
    );
    renderRoutes({
      transport: link,
      routes: [{ path: '/missions', element: <MissionsPage /> }],
      url: '/missions?q=Casa&status=COMPLETED&kind=TRADE_MISSION&from=2025-01-01',
    });

    expect(await screen.findByRole('link', { name: 'Mission commerciale Mosprom à Casablanca' })).toBeTruthy();
    expect(filters[0]).toEqual({
      nameContains: 'Casa',
      statuses: ['COMPLETED'],
      kinds: ['TRADE_MISSION'],
      startsFrom: '2025-01-01',
    });
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveProperty('value', 'Casa');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveProperty('value', 'COMPLETED');

    fireEvent.click(screen.getAllByRole('button', { name: 'Clear filters' })[0] as HTMLElement);
    await waitFor(() => expect(filters.at(-1)).toEqual({}));
  });

  it('says when no mission matches the filters, and clears them', async () => {
    const filters: unknown[] = [];
    const { link } = scriptedLink(
      viewerAnswer,
      usersAnswer,
      answer(MissionsListQuery).with((variables) => {
        filters.push(variables.filter);
        const nodes = variables.filter?.statuses
          ? []
          : [
              {
                ...casablanca,
                lead: null,
                participants: { __typename: 'MissionParticipantConnection' as const, totalCount: 0 },
              },
            ];
        return { data: { missions: { __typename: 'MissionConnection', totalCount: nodes.length, pageInfo, nodes } } };
      }),
    );
    const { router } = renderRoutes({
      transport: link,
      routes: [{ path: '/missions', element: <MissionsPage /> }],
      url: '/missions?status=CANCELLED',
    });

    const noMatch = await screen.findByText('No mission matches these filters.');
    expect(noMatch).toBeTruthy();
    const clearButtons = screen.getAllByRole('button', { name: 'Clear filters' });
    fireEvent.click(clearButtons.at(-1) as HTMLElement);
    expect(await screen.findByRole('link', { name: 'Mission commerciale Mosprom à Casablanca' })).toBeTruthy();
    expect(router.state.location.search).toBe('');
  });

  it('sorts on the server when a column header is clicked, with the order kept in the URL', async () => {
    const orders: unknown[] = [];
    const { link } = scriptedLink(
      viewerAnswer,
      usersAnswer,
      missionsAnswer((variables) => orders.push(variables.orderBy)),
    );
    const { router } = renderRoutes({
      transport: link,
      routes: [{ path: '/missions', element: <MissionsPage /> }],
      url: '/missions?sort=name',
    });

    expect(await screen.findByRole('link', { name: 'Mission commerciale Mosprom à Casablanca' })).toBeTruthy();
    expect(orders[0]).toEqual({ field: 'NAME', direction: 'ASC' });
    fireEvent.click(screen.getByRole('button', { name: /^Dates/ }));
    await waitFor(() => expect(orders.at(-1)).toEqual({ field: 'STARTS_ON', direction: 'ASC' }));
    expect(router.state.location.search).toBe('?sort=starts');
  });
});

describe('MissionPage', () => {
  it('shows the delegation with status selects and agenda links', async () => {
    const { link } = scriptedLink(viewerAnswer, missionPageAnswer);
    renderRoutes({ transport: link, routes: missionRoutes, url: '/missions/m1' });

    expect(await screen.findByRole('heading', { level: 1, name: /Mosprom à Casablanca/ })).toBeTruthy();
    expect(screen.getByRole('tab', { name: /Delegation/ }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('link', { name: 'Некс-Т' }).getAttribute('href')).toBe('/companies/c-nex');
    expect(screen.getByRole('link', { name: 'Printable agenda of Fish World' }).getAttribute('href')).toBe(
      '/missions/m1/agenda/c-fish/print',
    );
    const select = (await screen.findByRole('combobox', { name: 'Status of Некс-Т' })) as HTMLSelectElement;
    expect(select.value).toBe('CONFIRMED');

    // A long description starts folded, so the tabs stay in view; it unfolds on demand.
    const more = screen.getByRole('button', { name: 'Read more' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(more.getAttribute('aria-controls')).toBe(screen.getByText(LONG_DESCRIPTION.trim()).id);
    fireEvent.click(more);
    expect(screen.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('shows the day’s agenda in the host time zone and marks a meeting held', async () => {
    const updates: unknown[] = [];
    const { link } = scriptedLink(
      viewerAnswer,
      missionPageAnswer,
      agendaAnswer,
      answer(UpdateMeetingMutation).with((variables) => {
        updates.push(variables.input);
        return {
          data: {
            updateInteraction: {
              __typename: 'UpdateInteractionPayload',
              interaction: {
                __typename: 'Interaction',
                id: 'i2',
                status: 'HELD',
                outcome: null,
                notes: null,
                updatedAt: '2026-01-01T00:00:00Z',
              },
              userErrors: [],
            },
          },
        };
      }),
    );
    renderRoutes({ transport: link, routes: missionRoutes, url: '/missions/m1?tab=agenda&day=2025-09-09' });

    const card = await screen.findByRole('article', { name: /10:30–11:15 Rabat Fine Foods/ });
    expect(within(card).getByText('Planned')).toBeTruthy();
    expect(screen.getByRole('article', { name: /09:30–10:15 Hyper Medina Market/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Tue 9 Sept/ }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(within(card).getByRole('button', { name: /Mark held: Rabat Fine Foods/ }));
    await waitFor(() => expect(within(card).getByText('Held')).toBeTruthy());
    expect(updates).toEqual([{ interactionId: 'i2', status: 'HELD' }]);
    expect(within(card).queryByRole('button', { name: /Mark no-show/ })).toBeNull();
    expect(within(card).getByRole('link', { name: 'Create deal' }).getAttribute('href')).toBe(
      '/pipeline?fromInteraction=i2',
    );
  });

  it('reloads the day when a colleague logs a meeting in the mission, and says who did', async () => {
    const { link, calls } = scriptedLink(
      viewerAnswer,
      missionPageAnswer,
      agendaAnswer,
      answer(InteractionLoggedSubscription).with((variables) => {
        expect(variables).toEqual({ missionId: 'm1' });
        return {
          data: {
            interactionLogged: {
              __typename: 'InteractionLoggedEvent',
              interactionId: 'i9',
              by: { __typename: 'User', id: 'user-2', fullName: 'Anna Orlova' },
            },
          },
        };
      }),
    );
    renderRoutes({ transport: link, routes: missionRoutes, url: '/missions/m1?tab=agenda&day=2025-09-09' });
    expect(
      await screen.findByText('Anna Orlova just logged an interaction in this mission: the agenda is up to date.'),
    ).toBeTruthy();
    await waitFor(() => expect(calls.filter((name) => name === 'MissionAgenda').length).toBeGreaterThan(1));
  });

  it('shows a CONFLICT at the start time and highlights the clashing meeting', async () => {
    const inputs: unknown[] = [];
    const { link } = scriptedLink(
      viewerAnswer,
      usersAnswer,
      missionPageAnswer,
      agendaAnswer,
      answer(CompanyPickerSearchQuery).with(() => ({
        data: {
          companies: {
            __typename: 'CompanyConnection',
            nodes: [
              {
                __typename: 'Company',
                id: 'c-buyer',
                name: 'Marché Atlantique',
                kind: 'RETAILER',
                country: 'MA',
                city: 'Rabat',
              },
            ],
          },
        },
      })),
      answer(PlanMeetingMutation).with((variables) => {
        inputs.push(variables.input);
        return {
          data: {
            logInteraction: {
              __typename: 'LogInteractionPayload',
              interaction: null,
              userErrors: [
                {
                  __typename: 'UserError',
                  field: ['input', 'startsAt'],
                  message: 'Agenda conflict: Fish World already booked.',
                  code: 'CONFLICT',
                  existingId: 'i1',
                },
              ],
            },
          },
        };
      }),
    );
    renderRoutes({ transport: link, routes: missionRoutes, url: '/missions/m1?tab=agenda&day=2025-09-09' });

    fireEvent.click(await screen.findByRole('button', { name: 'Plan a meeting' }));
    const dialog = await screen.findByRole('dialog', { name: 'Plan a B2B meeting' });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Exporter' }), { target: { value: 'c-fish' } });
    const picker = within(dialog).getByRole('combobox', { name: 'Counterpart' });
    fireEvent.focus(picker);
    fireEvent.change(picker, { target: { value: 'Marché' } });
    expect(await screen.findByRole('option', { name: /Marché Atlantique/ })).toBeTruthy();
    fireEvent.keyDown(picker, { key: 'Enter' });
    const time = within(dialog).getByLabelText('Start time') as HTMLInputElement;
    fireEvent.change(time, { target: { value: '09:45' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Plan' }));

    expect(
      await within(dialog).findByText(/Slot taken: it overlaps “09:30–10:15 · Fish World – Hyper Medina Market”/),
    ).toBeTruthy();
    expect(time.getAttribute('aria-invalid')).toBe('true');
    expect(inputs[0]).toMatchObject({
      kind: 'MEETING',
      status: 'PLANNED',
      missionId: 'm1',
      exporterId: 'c-fish',
      counterpartId: 'c-buyer',
      // 09:45 in Casablanca (UTC+1) is 08:45 UTC; 30 minutes by default.
      startsAt: '2025-09-09T08:45:00.000Z',
      endsAt: '2025-09-09T09:15:00.000Z',
    });
    // The dialog stays open on failure; the clashing meeting is flagged in the agenda.
    expect(screen.getByRole('dialog', { name: 'Plan a B2B meeting' })).toBeTruthy();
    const clashing = screen.getByRole('article', { name: /09:30–10:15 Hyper Medina Market/ });
    expect(within(clashing).getByText('Clashing meeting')).toBeTruthy();
  });

  it('hides editing controls from analysts', async () => {
    const { link } = scriptedLink(
      answer(ViewerQuery).with(() => ({ data: { viewer: { ...viewer, role: 'ANALYST' } } })),
      missionPageAnswer,
      agendaAnswer,
    );
    renderRoutes({ transport: link, routes: missionRoutes, url: '/missions/m1?tab=agenda&day=2025-09-09' });
    expect(await screen.findByRole('article', { name: /10:30–11:15 Rabat Fine Foods/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Plan a meeting' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Mark held/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });
});

const rub = (amount: string) => ({ __typename: 'Money' as const, amount, currency: 'RUB' });
const eur = (amount: string) => ({ __typename: 'Money' as const, amount, currency: 'EUR' });

/**
 * Casablanca's outcome: 3 won deals, one confirmed (corrected by its exporter), one disputed, one
 * awaiting an answer. With confirmedOnly, only the confirmed deal counts, at its confirmed value.
 */
const outcomeAnswer = (seen: unknown[]) =>
  answer(MissionOutcomeQuery).with((variables) => {
    seen.push(variables);
    const { confirmedOnly } = variables;
    return {
      data: {
        missionOutcome: {
          __typename: 'MissionOutcome',
          baseCurrency: 'RUB',
          confirmedOnly,
          delegationSize: 2,
          meetingsHeld: 4,
          counterpartsMet: 4,
          leads: confirmedOnly ? 1 : 5,
          dealsWithoutRate: 0,
          currenciesWithoutRate: [],
          medianDaysToSignature: null,
          roi: null,
          roiUnavailableReason: 'NO_BUDGET',
          budget: null,
          budgetInBaseCurrency: null,
          valueWon: confirmedOnly ? rub('8000000.00') : rub('34280800.00'),
          valueOpen: confirmedOnly ? rub('0.00') : rub('2088000.00'),
          meetingsByStatus: [{ __typename: 'MeetingStatusCount', status: 'HELD', count: 4 }],
          dealsByCategory: [
            { __typename: 'DealCategoryOutcome', category: 'WON', deals: confirmedOnly ? 1 : 3, value: rub('0.00') },
          ],
          conversion: {
            __typename: 'MissionConversion',
            leads: 5,
            won: 3,
            meetingsHeld: 4,
            meetingsWithLead: 3,
            meetingToLeadPercent: 75,
            leadToWonPercent: 60,
          },
          cohorts: [],
          exporters: [
            {
              __typename: 'MissionExporterOutcome',
              exporter: { __typename: 'Company', id: 'c-fish', name: 'Fish World' },
              participantStatus: 'ATTENDED',
              meetingsHeld: 4,
              leads: confirmedOnly ? 1 : 3,
              won: confirmedOnly ? 1 : 2,
              wonConfirmed: 1,
              valueWon: confirmedOnly ? rub('8000000.00') : rub('25900000.00'),
              valueOpen: rub('0.00'),
              confirmedValueWon: rub('8000000.00'),
              confirmationRatePercent: confirmedOnly ? 100 : 50,
            },
            {
              __typename: 'MissionExporterOutcome',
              exporter: { __typename: 'Company', id: 'c-nex', name: 'Некс-Т' },
              participantStatus: 'CONFIRMED',
              meetingsHeld: 0,
              leads: 1,
              won: 0,
              wonConfirmed: 0,
              valueWon: rub('0.00'),
              valueOpen: rub('2088000.00'),
              confirmedValueWon: rub('0.00'),
              confirmationRatePercent: null,
            },
          ],
          // Over every won deal of the mission, whichever deals the figures count.
          confirmation: {
            __typename: 'ConfirmationFigures',
            wonDeals: 3,
            asked: 3,
            confirmed: 1,
            corrected: 1,
            disputed: 1,
            awaiting: 1,
            confirmationRatePercent: 33.33,
            recordedValue: rub('34280800.00'),
            confirmedValue: rub('8000000.00'),
            additionality: { __typename: 'AdditionalitySplit', yes: 0, laterOrSmaller: 1, no: 1 },
            averageHelpRating: 4.5,
          },
        },
      },
    };
  });

/** The label of an outcome figure → its value and explanation. */
function kpi(container: HTMLElement, label: string) {
  const term = within(container).getByText(label, { selector: 'dt' });
  return term.parentElement as HTMLElement;
}

describe('Exporters’ confirmations in the mission', () => {
  it('reports what the exporters confirmed, and reloads the figures as confirmed ones on demand', async () => {
    const seen: unknown[] = [];
    const { router } = renderRoutes({
      transport: scriptedLink(viewerAnswer, missionPageAnswer, outcomeAnswer(seen)).link,
      routes: missionRoutes,
      url: '/missions/m1?tab=outcome',
    });

    const block = await screen.findByRole('region', { name: 'Confirmed by exporters' });
    expect(within(block).getByText('1 of 3 won deals confirmed — 33.3%')).toBeTruthy();
    expect(within(kpi(block, 'Recorded value')).getByText('3 won deals, as recorded: RUB 34,280,800.00')).toBeTruthy();
    expect(
      within(kpi(block, 'Confirmed value')).getByText('1 confirmed deal, at the exporter’s figures: RUB 8,000,000.00'),
    ).toBeTruthy();
    expect(within(kpi(block, 'Corrected')).getByText('1')).toBeTruthy();
    expect(within(kpi(block, 'Disputed')).getByText('1')).toBeTruthy();
    expect(within(kpi(block, 'Awaiting an answer')).getByText('Never asked: 0 deals')).toBeTruthy();
    expect(within(kpi(block, 'Agency’s help, on average')).getByText('4.5 out of 5')).toBeTruthy();
    expect(within(kpi(block, 'would have happened anyway')).getByText('0 deals (0%)')).toBeTruthy();
    expect(within(kpi(block, 'would have happened later or smaller')).getByText('1 deal (50%)')).toBeTruthy();
    expect(within(kpi(block, 'would not have happened without the agency')).getByText('1 deal (50%)')).toBeTruthy();

    const byExporter = screen.getByRole('table', { name: 'By exporter' });
    expect(within(byExporter).getByRole('columnheader', { name: 'Confirmed value' })).toBeTruthy();
    const fish = within(byExporter).getByRole('row', { name: /Fish World/ });
    expect(within(fish).getByText('RUB 8,000,000.00')).toBeTruthy();
    expect(within(fish).getByText('1 of 2 · 50%')).toBeTruthy();
    const nex = within(byExporter).getByRole('row', { name: /Некс-Т/ });
    expect(within(nex).getByText('—')).toBeTruthy();

    expect(seen).toEqual([{ missionId: 'm1', confirmedOnly: false }]);
    expect(screen.queryByText('Confirmed figures')).toBeNull();
    const outcome = screen.getByRole('region', { name: /Mission outcome/ });
    expect(within(outcome).getByText('Value won')).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: /Confirmed value only/ }));

    await waitFor(() => expect(seen.at(-1)).toEqual({ missionId: 'm1', confirmedOnly: true }));
    expect(new URLSearchParams(router.state.location.search).get('confirmed')).toBe('1');
    const confirmed = await screen.findByRole('region', { name: /Mission outcome/ });
    expect(await within(confirmed).findByText('Value won, as confirmed')).toBeTruthy();
    expect(
      within(confirmed).getByText(/^Confirmed figures: only the won deals their exporters confirmed/),
    ).toBeTruthy();
    // Every panel whose figures changed says so.
    expect(screen.getAllByText('Confirmed figures')).toHaveLength(3);
    expect(within(screen.getByRole('row', { name: /Fish World/ })).getByText('1 of 1 · 100%')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: /Confirmed value only/ }) as HTMLInputElement).checked).toBe(true);

    // Leaving the tab forgets the switch.
    fireEvent.click(screen.getByRole('tab', { name: /Delegation/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?tab=delegation'));
  });

  it('shows each deal’s confirmation in the mission’s deals, with the confirmed value beside the recorded one', async () => {
    const owner = { __typename: 'User' as const, id: 'user-1', fullName: 'Camille Durand' };
    const stage = (category: 'OPEN' | 'WON') => ({
      __typename: 'PipelineStage' as const,
      id: `st-${category}`,
      name: category === 'WON' ? 'Contract signed' : 'Negotiation',
      category,
    });
    const deal = (
      id: string,
      title: string,
      category: 'OPEN' | 'WON',
      confirmation: {
        status: 'CONFIRMED' | 'CORRECTED' | 'REQUESTED';
        confirmedValue: ReturnType<typeof eur> | null;
      } | null,
    ) => ({
      __typename: 'Deal' as const,
      id,
      title,
      amount: eur('100000.00'),
      exporter: { __typename: 'Company' as const, id: 'c-fish', name: 'Fish World' },
      buyer: null,
      exchangeRateMissing: false,
      amountInBaseCurrency: rub('9500000.00'),
      owner,
      stage: stage(category),
      confirmationStatus: confirmation?.status ?? null,
      confirmedValue: confirmation?.confirmedValue ?? null,
    });
    const confirmation = (_id: string, status: 'CONFIRMED' | 'CORRECTED' | 'REQUESTED', value: string | null) => ({
      status,
      confirmedValue: value ? eur(value) : null,
    });
    const { link } = scriptedLink(
      viewerAnswer,
      missionPageAnswer,
      answer(MissionDealsQuery).with(() => ({
        data: {
          deals: {
            __typename: 'DealConnection',
            totalCount: 4,
            pageInfo,
            nodes: [
              deal('d1', 'Sardines for Hyper Medina', 'WON', confirmation('cf1', 'CONFIRMED', '100000.00')),
              deal('d2', 'Fish oil for Rabat Fine Foods', 'WON', confirmation('cf2', 'CORRECTED', '85000.00')),
              deal('d3', 'Caviar for Océan Gourmet', 'WON', confirmation('cf3', 'REQUESTED', null)),
              deal('d4', 'Smoked salmon trial', 'WON', null),
              deal('d5', 'Frozen cod', 'OPEN', null),
            ],
          },
        },
      })),
    );
    renderRoutes({ transport: link, routes: missionRoutes, url: '/missions/m1?tab=deals' });

    const table = await screen.findByRole('table', { name: 'Deals born at the mission' });
    expect(within(table).getByRole('columnheader', { name: 'Exporter confirmation' })).toBeTruthy();

    const confirmedRow = within(table).getByRole('row', { name: /Sardines for Hyper Medina/ });
    expect(within(confirmedRow).getByText('Confirmed')).toBeTruthy();
    expect(within(confirmedRow).getByText('Confirmed: €100,000.00')).toBeTruthy();
    expect(within(confirmedRow).getByText('RUB 9,500,000.00')).toBeTruthy();

    const correctedRow = within(table).getByRole('row', { name: /Fish oil/ });
    expect(within(correctedRow).getByText('Corrected')).toBeTruthy();
    expect(within(correctedRow).getByText('Confirmed: €85,000.00')).toBeTruthy();

    const waiting = within(table).getByRole('row', { name: /Caviar/ });
    expect(within(waiting).getByText('Requested')).toBeTruthy();
    expect(within(waiting).queryByText(/^Confirmed:/)).toBeNull();

    expect(within(within(table).getByRole('row', { name: /Smoked salmon/ })).getByText('Not asked')).toBeTruthy();
    const open = within(table).getByRole('row', { name: /Frozen cod/ });
    expect(within(open).queryByText('Not asked')).toBeNull();
    expect(within(open).queryByText(/Confirmed|Requested/)).toBeNull();
  });
});

describe('PrintAgendaPage', () => {
  it('prints one exporter’s meetings by day in the host time zone', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const { link } = scriptedLink(
      viewerAnswer,
      answer(PrintAgendaQuery).with((variables) => {
        expect(variables).toEqual({ missionId: 'm1', companyId: 'c-fish', first: 100 });
        const base = {
          __typename: 'Interaction' as const,
          endsAt: null,
          status: 'PLANNED' as const,
          place: 'Table 3',
        };
        return {
          data: {
            mission: {
              __typename: 'Mission',
              id: 'm1',
              name: casablanca.name,
              city: 'Casablanca',
              hostCountry: 'MA',
              timeZone: 'Africa/Casablanca',
              startsOn: '2025-09-08',
              endsOn: '2025-09-10',
              interactions: {
                __typename: 'InteractionConnection',
                totalCount: 2,
                nodes: [
                  {
                    ...base,
                    id: 'i1',
                    subject: 'B2B',
                    startsAt: '2025-09-10T13:30:00.000Z',
                    occurredAt: '2025-09-10T13:30:00.000Z',
                    counterpart: {
                      __typename: 'Company',
                      id: 'b1',
                      name: 'Épiceries Al Wafa',
                      kind: 'RETAILER',
                      city: 'Casablanca',
                    },
                    contacts: [
                      {
                        __typename: 'Contact',
                        id: 'k1',
                        fullName: 'Hind Berrada',
                        jobTitle: 'Directrice des achats',
                        phone: null,
                        company: { __typename: 'Company', id: 'b1' },
                      },
                    ],
                  },
                  {
                    ...base,
                    id: 'i2',
                    subject: 'B2B',
                    startsAt: '2025-09-08T08:30:00.000Z',
                    occurredAt: '2025-09-08T08:30:00.000Z',
                    counterpart: {
                      __typename: 'Company',
                      id: 'b2',
                      name: 'Océan Gourmet',
                      kind: 'DISTRIBUTOR',
                      city: null,
                    },
                    contacts: [],
                  },
                ],
              },
            },
            company: { __typename: 'Company', id: 'c-fish', name: 'Fish World', city: 'Moscow', country: 'RU' },
          },
        };
      }),
    );
    renderRoutes({
      transport: link,
      routes: [{ path: '/missions/:missionId/agenda/:companyId/print', element: <PrintAgendaPage /> }],
      url: '/missions/m1/agenda/c-fish/print',
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Fish World' })).toBeTruthy();
    const days = screen.getAllByRole('heading', { level: 2 });
    expect(days.map((d) => d.textContent)).toEqual(['Monday, 8 September 2025', 'Wednesday, 10 September 2025']);
    const monday = screen.getByRole('region', { name: 'Monday, 8 September 2025' });
    expect(within(monday).getByText('09:30')).toBeTruthy();
    expect(within(monday).getByText('Océan Gourmet')).toBeTruthy();
    const wednesday = screen.getByRole('region', { name: 'Wednesday, 10 September 2025' });
    expect(within(wednesday).getByText('14:30')).toBeTruthy();
    expect(within(wednesday).getByText('Hind Berrada')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});
