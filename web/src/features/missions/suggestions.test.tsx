import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SuggestionReasonKind } from '../../gql/graphql';
import { viewerAnswer } from '../../test/fixtures';
import { renderRoutes } from '../../test/renderWithProviders';
import { answer, scriptedLink } from '../../test/scriptedLink';
import { MissionAgendaQuery } from './graphql/agenda';
import { MissionPageQuery } from './graphql/mission';
import {
  DismissMeetingSuggestionMutation,
  MissionSuggestionsQuery,
  PlanSuggestedMeetingMutation,
} from './graphql/suggestions';
import { MissionPage } from './MissionPage';

const missionRoutes = [{ path: '/missions/:missionId', element: <MissionPage /> }];
const url = '/missions/m1?tab=agenda&day=2025-09-09';

function participant(id: string, companyId: string, name: string) {
  return {
    __typename: 'MissionParticipant' as const,
    id,
    status: 'CONFIRMED' as const,
    notes: null,
    company: { __typename: 'Company' as const, id: companyId, name, city: 'Москва', country: 'RU' },
    meetings: { __typename: 'InteractionConnection' as const, totalCount: 0 },
  };
}

const missionPageAnswer = answer(MissionPageQuery).with(() => ({
  data: {
    mission: {
      __typename: 'Mission',
      id: 'm1',
      name: 'Mission commerciale Mosprom à Casablanca',
      kind: 'TRADE_MISSION',
      status: 'PLANNED',
      hostCountry: 'MA',
      city: 'Casablanca',
      startsOn: '2025-09-08',
      endsOn: '2025-09-10',
      datesApproximate: false,
      timeZone: 'Africa/Casablanca',
      description: null,
      lead: { __typename: 'User', id: 'user-1', fullName: 'Camille Durand' },
      budget: null,
      organizer: { __typename: 'Agency', id: 'agency-1', shortName: 'Mosprom' },
      partners: [],
      participants: {
        __typename: 'MissionParticipantConnection',
        totalCount: 2,
        nodes: [participant('p1', 'c-fish', 'Fish World'), participant('p2', 'c-nex', 'Некс-Т')],
      },
    },
  },
}));

const planned = {
  __typename: 'Interaction' as const,
  id: 'i-new',
  subject: 'Rendez-vous B2B : Fish World – Atlas Food Distribution',
  // 11:00 in Casablanca (UTC+1).
  startsAt: '2025-09-09T10:00:00.000Z',
  endsAt: '2025-09-09T10:30:00.000Z',
  status: 'PLANNED' as const,
  outcome: null,
  notes: null,
  place: null,
  exporter: { __typename: 'Company' as const, id: 'c-fish', name: 'Fish World' },
  counterpart: {
    __typename: 'Company' as const,
    id: 'c-atlas',
    name: 'Atlas Food Distribution',
    kind: 'DISTRIBUTOR' as const,
  },
  contacts: [],
};

/** The agenda of the day: empty until the suggestion is planned. */
function agendaAnswer(state: { planned: boolean }) {
  return answer(MissionAgendaQuery).with(() => ({
    data: { mission: { __typename: 'Mission', id: 'm1', agenda: state.planned ? [planned] : [] } },
  }));
}

const sector = (id: string, code: string, en: string) => ({
  __typename: 'Sector' as const,
  id,
  code,
  names: { __typename: 'SectorNames' as const, fr: `${en} (fr)`, en, ru: `${en} (ru)` },
});

const reason = (
  kind: SuggestionReasonKind,
  points: number,
  count: number | null,
  sectors: ReturnType<typeof sector>[] = [],
) => ({ __typename: 'SuggestionReason' as const, kind, points, count, sectors });

function suggestion(
  id: string,
  name: string,
  kind: 'DISTRIBUTOR' | 'RETAILER',
  score: number,
  reasons: ReturnType<typeof reason>[],
) {
  return {
    __typename: 'MeetingSuggestion' as const,
    counterpart: { __typename: 'Company' as const, id, name, kind, city: 'Casablanca', country: 'MA' },
    score,
    reasons,
  };
}

const atlas = suggestion('c-atlas', 'Atlas Food Distribution', 'DISTRIBUTOR', 9.5, [
  reason('SHARED_SECTORS', 6, 2, [sector('s1', 'FOOD_CAVIAR', 'Caviar'), sector('s2', 'FOOD_FISH', 'fish conserves')]),
  reason('KIND_FIT', 2, null),
  reason('POSITIVE_MEETINGS', 3, 3),
  reason('BUSY', -2, 4),
  reason('MET_RECENTLY', -1.5, null),
]);
const medina = suggestion('c-medina', 'Hyper Medina Market', 'RETAILER', 4, [
  reason('KIND_FIT', 2, null),
  reason('DEALS_WON', 2, 1),
]);

function suggestionsAnswer(state: { dismissed: string[] }, seen: unknown[]) {
  return answer(MissionSuggestionsQuery).with((variables) => {
    seen.push(variables);
    return {
      data: {
        mission: {
          __typename: 'Mission',
          id: 'm1',
          suggestedMeetings: [atlas, medina].filter((s) => !state.dismissed.includes(s.counterpart.id)),
        },
      },
    };
  });
}

describe('Suggested meetings in the B2B agenda', () => {
  it('loads when opened, says the reasons in words, plans one and shows it in the agenda', async () => {
    const state = { planned: false, dismissed: [] as string[] };
    const seen: unknown[] = [];
    const inputs: unknown[] = [];
    const { link, calls } = scriptedLink(
      viewerAnswer(),
      missionPageAnswer,
      agendaAnswer(state),
      suggestionsAnswer(state, seen),
      answer(PlanSuggestedMeetingMutation).with((variables) => {
        inputs.push(variables.input);
        if (variables.input.counterpartId === 'c-medina') {
          return {
            data: {
              planSuggestedMeeting: {
                __typename: 'LogInteractionPayload',
                interaction: null,
                userErrors: [
                  {
                    __typename: 'UserError',
                    code: 'CONFLICT',
                    field: ['input'],
                    message: 'No free half hour left for both at this mission.',
                  },
                ],
              },
            },
          };
        }
        state.planned = true;
        return {
          data: {
            planSuggestedMeeting: {
              __typename: 'LogInteractionPayload',
              interaction: {
                __typename: 'Interaction',
                id: planned.id,
                startsAt: planned.startsAt,
                endsAt: planned.endsAt,
                subject: planned.subject,
                status: 'PLANNED',
                counterpart: { __typename: 'Company', id: 'c-atlas', name: 'Atlas Food Distribution' },
              },
              userErrors: [],
            },
          },
        };
      }),
    );
    renderRoutes({ transport: link, routes: missionRoutes, url });

    const lane = await screen.findByRole('region', { name: 'Fish World' });
    const toggle = within(lane).getByRole('button', { name: 'Suggested meetings for Fish World' });
    expect(screen.getByRole('button', { name: 'Suggested meetings for Некс-Т' })).toBeTruthy();
    // Nothing is fetched before a section is opened.
    expect(calls).not.toContain('MissionSuggestions');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');

    const row = await within(lane).findByRole('listitem', { name: 'Atlas Food Distribution' });
    expect(seen).toEqual([{ missionId: 'm1', exporterId: 'c-fish', first: 5 }]);
    expect(within(row).getByRole('link', { name: 'Atlas Food Distribution' }).getAttribute('href')).toBe(
      '/companies/c-atlas',
    );
    expect(within(row).getByText('Distributor · Casablanca')).toBeTruthy();
    expect(within(row).getByText('Score 9.5')).toBeTruthy();
    expect(within(row).getByText('Shares Caviar and fish conserves')).toBeTruthy();
    expect(within(row).getByText('A distributor: suits consumer goods')).toBeTruthy();
    expect(within(row).getByText('3 positive meetings with exporters of the same sector')).toBeTruthy();
    const busy = within(row).getByText(/Already has 4 meetings at this mission/);
    expect(within(busy).getByText('Against')).toBeTruthy();
    expect(within(row).getByText(/Met in the last 12 months, no open deal/).textContent).toContain('Against');
    expect(within(row).getByText('Shares Caviar and fish conserves').textContent).not.toContain('Against');
    const medinaRow = within(lane).getByRole('listitem', { name: 'Hyper Medina Market' });
    expect(within(medinaRow).getByText('1 deal signed with exporters of the same sector')).toBeTruthy();
    // One query, for the opened exporter only.
    expect(calls.filter((name) => name === 'MissionSuggestions')).toHaveLength(1);

    const agendaLoads = calls.filter((name) => name === 'MissionAgenda').length;
    fireEvent.click(
      within(row).getByRole('button', { name: 'Plan the suggested meeting with Atlas Food Distribution' }),
    );
    expect(
      await within(lane).findByText(
        /Meeting with Atlas Food Distribution planned on .*11:00.* \(Africa\/Casablanca\)\./,
      ),
    ).toBeTruthy();
    expect(inputs).toEqual([{ missionId: 'm1', exporterId: 'c-fish', counterpartId: 'c-atlas' }]);
    expect(calls.filter((name) => name === 'MissionAgenda').length).toBeGreaterThan(agendaLoads);
    expect(await screen.findByRole('article', { name: /11:00–11:30 Atlas Food Distribution/ })).toBeTruthy();

    fireEvent.click(
      within(medinaRow).getByRole('button', { name: 'Plan the suggested meeting with Hyper Medina Market' }),
    );
    expect((await within(lane).findByRole('alert')).textContent).toBe(
      'No free half hour left for both at this mission.',
    );
    expect(inputs[1]).toEqual({ missionId: 'm1', exporterId: 'c-fish', counterpartId: 'c-medina' });
  });

  it('dismisses a suggestion: the list comes back without it', async () => {
    const state = { planned: false, dismissed: [] as string[] };
    const seen: unknown[] = [];
    const dismissals: unknown[] = [];
    const { link } = scriptedLink(
      viewerAnswer('ADMIN'),
      missionPageAnswer,
      agendaAnswer(state),
      suggestionsAnswer(state, seen),
      answer(DismissMeetingSuggestionMutation).with((variables) => {
        dismissals.push(variables.input);
        state.dismissed.push(String(variables.input.counterpartId));
        return {
          data: {
            dismissMeetingSuggestion: {
              __typename: 'DismissMeetingSuggestionPayload',
              dismissed: true,
              userErrors: [],
            },
          },
        };
      }),
    );
    renderRoutes({ transport: link, routes: missionRoutes, url });

    const lane = await screen.findByRole('region', { name: 'Fish World' });
    fireEvent.click(within(lane).getByRole('button', { name: 'Suggested meetings for Fish World' }));
    const row = await within(lane).findByRole('listitem', { name: 'Atlas Food Distribution' });
    fireEvent.click(within(row).getByRole('button', { name: 'Dismiss the suggestion: Atlas Food Distribution' }));

    await waitFor(() => expect(within(lane).queryByRole('listitem', { name: 'Atlas Food Distribution' })).toBeNull());
    expect(dismissals).toEqual([{ missionId: 'm1', exporterId: 'c-fish', counterpartId: 'c-atlas' }]);
    await waitFor(() => expect(seen).toHaveLength(2));
    expect(within(lane).getByRole('listitem', { name: 'Hyper Medina Market' })).toBeTruthy();
  });

  it('shows analysts the suggestions without Plan or Dismiss', async () => {
    const state = { planned: false, dismissed: [] as string[] };
    const { link } = scriptedLink(
      viewerAnswer('ANALYST'),
      missionPageAnswer,
      agendaAnswer(state),
      suggestionsAnswer(state, []),
    );
    renderRoutes({ transport: link, routes: missionRoutes, url });

    const lane = await screen.findByRole('region', { name: 'Fish World' });
    fireEvent.click(within(lane).getByRole('button', { name: 'Suggested meetings for Fish World' }));
    const row = await within(lane).findByRole('listitem', { name: 'Atlas Food Distribution' });
    expect(within(row).getByText('Shares Caviar and fish conserves')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: /Plan/ })).toBeNull();
    expect(within(row).queryByRole('button', { name: /Dismiss/ })).toBeNull();
  });
});
