import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserSelectQuery } from '../../components/pickers/graphql';
import { ViewerQuery } from '../../lib/session/viewer';
import { viewer } from '../../test/fixtures';
import { renderRoutes } from '../../test/renderWithProviders';
import { type Answer, answer, scriptedLink } from '../../test/scriptedLink';
import {
  DealConflictQuery,
  MoveDealMutation,
  PipelineBoardQuery,
  PipelineCompanyNameQuery,
  PipelineMissionOptionsQuery,
  PipelineStageDealsQuery,
  PipelineSwitcherQuery,
} from './graphql/board';
import { CreateDealMutation, DealDrawerQuery, MeetingForDealQuery, UpdateDealMutation } from './graphql/deal';
import { DealChangedSubscription } from './graphql/live';
import { PipelinePage } from './PipelinePage';
import {
  boardResult,
  type DealSpec,
  drawerResult,
  meetingResult,
  missionsResult,
  STAGES,
  type StageSpec,
  stageDealsResult,
  switcherResult,
  usersResult,
} from './testData';

const routes = [
  { path: '/pipeline', element: <PipelinePage /> },
  { path: '/pipeline/:pipelineId', element: <PipelinePage /> },
];

function base(role: 'ACCOUNT_MANAGER' | 'ANALYST' = 'ACCOUNT_MANAGER'): Answer[] {
  return [
    answer(ViewerQuery).with(() => ({ data: { viewer: { ...viewer, role } } })),
    answer(PipelineSwitcherQuery).with(() => switcherResult),
    answer(PipelineBoardQuery).with(() => boardResult(STAGES)),
    // The same user as the viewer: the cache merges them, so the role must agree.
    answer(UserSelectQuery).with(() => ({
      data: {
        users: { ...usersResult.data.users, nodes: [{ ...usersResult.data.users.nodes[0], role, active: true }] },
      },
    })),
    answer(PipelineMissionOptionsQuery).with(() => missionsResult),
  ];
}

function column(name: string) {
  return screen.getByRole('region', { name });
}

const movedPayload = (stageId: string, name: string, category: 'OPEN' | 'WON' | 'LOST') => ({
  data: {
    moveDeal: {
      __typename: 'MoveDealPayload' as const,
      deal: {
        __typename: 'Deal' as const,
        id: 'deal-a',
        version: 5,
        closedOn: null,
        lostReason: null,
        updatedAt: '2026-11-25T10:00:00Z',
        stage: { __typename: 'PipelineStage' as const, id: stageId, name, category },
      },
      userErrors: [],
    },
  },
});

/** Answers MoveDeal with a refusal at the input's `field`. */
function refusedMove(field: string, code: 'CONFLICT' | 'INVALID', message: string) {
  return answer(MoveDealMutation).with(() => ({
    data: {
      moveDeal: {
        __typename: 'MoveDealPayload',
        deal: null,
        userErrors: [{ __typename: 'UserError', field: ['input', field], code, message, existingId: null }],
      },
    },
  }));
}

/** The board at `url` (for an account manager unless `role` says otherwise), with the test's own answers. */
function renderBoard(more: Answer[] = [], { url = '/pipeline', role }: { url?: string; role?: 'ANALYST' } = {}) {
  const { link, calls } = scriptedLink(...base(role), ...more);
  return { ...renderRoutes({ transport: link, url, routes }), calls };
}

/** Answers MoveDeal with the deal in the given stage, noting each request's variables in `sent`. */
function moveAnswer(sent: unknown[], stageId: string, name: string, category: 'OPEN' | 'WON' | 'LOST') {
  return answer(MoveDealMutation).with((variables) => {
    sent.push(variables);
    return movedPayload(stageId, name, category);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('PipelinePage', () => {
  it('shows one column per stage with its count and total in base currency', async () => {
    renderBoard();

    expect(await screen.findByRole('heading', { name: 'Lead' })).toBeTruthy();
    const lead = column('Lead');
    expect(within(lead).getByText('2 deals')).toBeTruthy();
    expect(within(lead).getByText(/18,918,000/)).toBeTruthy();
    expect(within(lead).getByText('Charging stations in Casablanca')).toBeTruthy();
    expect(within(lead).getByText('Икра для Марракеша')).toBeTruthy();
    expect(within(lead).getByText(/180,000/)).toBeTruthy();
    const qualified = column('Qualified');
    expect(within(qualified).getByText('1 deal')).toBeTruthy();
    expect(within(qualified).getByText(/USD \(no exchange rate\)/)).toBeTruthy();
    expect(within(column('Won')).getByText('No deals at this stage.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Pipeline', level: 1 })).toBeTruthy();
    expect(screen.getByText(/3 open deals/)).toBeTruthy();
  });

  it('moves a deal with the "Move to…" control: at once on screen, then with the version it read', async () => {
    const sent: unknown[] = [];
    renderBoard([moveAnswer(sent, 'st-qualified', 'Qualified', 'OPEN')]);

    const select = await screen.findByRole('combobox', { name: 'Move “Charging stations in Casablanca” to…' });
    fireEvent.change(select, { target: { value: 'st-qualified' } });

    // Optimistic: the card and the counts change before the server answers.
    expect(within(column('Qualified')).getByText('Charging stations in Casablanca')).toBeTruthy();
    expect(within(column('Qualified')).getByText('2 deals')).toBeTruthy();
    expect(within(column('Lead')).getByText('1 deal')).toBeTruthy();

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ input: { dealId: 'deal-a', toStageId: 'st-qualified', version: 4 } });
  });

  it('offers to ask the exporter to confirm a deal just won, and opens it', async () => {
    const sent: unknown[] = [];
    const { router } = renderBoard([moveAnswer(sent, 'st-won', 'Won', 'WON')]);
    const select = await screen.findByRole('combobox', { name: 'Move “Charging stations in Casablanca” to…' });
    fireEvent.change(select, { target: { value: 'st-won' } });
    const won = await screen.findByRole('region', { name: 'Deal won' });
    expect(within(won).getByText('“Charging stations in Casablanca” is won.')).toBeTruthy();
    fireEvent.click(within(won).getByRole('button', { name: 'Open it to ask the exporter' }));
    await waitFor(() => expect(router.state.location.search).toBe('?deal=deal-a'));
    expect(screen.queryByRole('region', { name: 'Deal won' })).toBeNull();
  });

  it('puts the card back and explains who moved it when the server answers CONFLICT', async () => {
    const { calls } = renderBoard([
      refusedMove('version', 'CONFLICT', 'The deal was changed by someone else.'),
      answer(DealConflictQuery).with(() => ({
        data: {
          deal: {
            __typename: 'Deal',
            id: 'deal-a',
            title: 'Charging stations in Casablanca',
            version: 5,
            updatedAt: '2026-11-25T10:00:00Z',
            stage: { __typename: 'PipelineStage', id: 'st-won', name: 'Won' },
            stageHistory: {
              __typename: 'DealStageChangeConnection',
              nodes: [
                {
                  __typename: 'DealStageChange',
                  id: 'chg-9',
                  changedAt: '2026-11-25T10:00:00Z',
                  changedBy: { __typename: 'User', id: 'user-2', fullName: 'Ольга Иванова' },
                  toStage: { __typename: 'PipelineStage', id: 'st-won', name: 'Won' },
                },
              ],
            },
          },
        },
      })),
    ]);

    const select = await screen.findByRole('combobox', { name: 'Move “Charging stations in Casablanca” to…' });
    fireEvent.change(select, { target: { value: 'st-qualified' } });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This deal changed meanwhile');
    expect(alert.textContent).toContain('Ольга Иванова moved “Charging stations in Casablanca” to Won meanwhile');
    expect(within(column('Lead')).getByText('Charging stations in Casablanca')).toBeTruthy();
    expect(within(column('Qualified')).queryByText('Charging stations in Casablanca')).toBeNull();
    expect(within(column('Lead')).getByText('2 deals')).toBeTruthy();
    // The board is reloaded from the server.
    await waitFor(() => expect(calls.filter((name) => name === 'PipelineBoard').length).toBeGreaterThan(1));
  });

  it('asks why before moving a deal to a LOST stage', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    renderBoard([moveAnswer(sent, 'st-lost', 'Lost', 'LOST')]);

    const select = await screen.findByRole('combobox', { name: 'Move “Charging stations in Casablanca” to…' });
    await user.selectOptions(select, 'Lost');

    const dialog = await screen.findByRole('dialog', { name: 'Why was the deal lost?' });
    await user.click(within(dialog).getByRole('button', { name: 'Mark as lost' }));
    expect(within(dialog).getByText('This field is required.')).toBeTruthy();
    expect(sent).toEqual([]);
    expect(within(column('Lead')).getByText('Charging stations in Casablanca')).toBeTruthy();

    await user.type(within(dialog).getByLabelText('Lost reason'), 'Local competitor chosen');
    await user.click(within(dialog).getByRole('button', { name: 'Mark as lost' }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      input: { dealId: 'deal-a', toStageId: 'st-lost', version: 4, lostReason: 'Local competitor chosen' },
    });
    expect(screen.queryByRole('dialog', { name: 'Why was the deal lost?' })).toBeNull();
  });

  it('opens the new-deal dialog from ?fromInteraction= and creates the deal from that meeting', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    const { router } = renderBoard(
      [
        answer(CreateDealMutation).with((variables) => {
          sent.push(variables);
          return {
            data: {
              createDeal: {
                __typename: 'CreateDealPayload',
                deal: {
                  __typename: 'Deal',
                  id: 'deal-new',
                  title: 'B2B meeting: Nex-T LLC',
                  version: 1,
                  stage: { __typename: 'PipelineStage', id: 'st-lead', name: 'Lead' },
                },
                userErrors: [],
              },
            },
          };
        }),
        answer(DealDrawerQuery).with(({ id }) => drawerResult(String(id), 'B2B meeting: Nex-T LLC')),
        answer(MeetingForDealQuery).with(() => meetingResult),
      ],
      { url: '/pipeline?fromInteraction=int-7' },
    );

    const dialog = await screen.findByRole('dialog', { name: 'New deal from a meeting' });
    // The form opens filled from the meeting.
    expect(
      await within(dialog).findByText('From the meeting “B2B meeting: Nex-T LLC – Atlas Smart Solutions”'),
    ).toBeTruthy();
    expect((within(dialog).getByLabelText('Title') as HTMLInputElement).value).toBe(
      'B2B meeting: Nex-T LLC – Atlas Smart Solutions',
    );
    expect((within(dialog).getByRole('combobox', { name: 'Exporter' }) as HTMLInputElement).value).toBe('Nex-T LLC');
    expect((within(dialog).getByRole('combobox', { name: 'Buyer' }) as HTMLInputElement).value).toBe(
      'Atlas Smart Solutions',
    );
    await user.type(within(dialog).getByLabelText('Amount'), '250 000,50');
    await user.click(within(dialog).getByRole('button', { name: 'Create deal' }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      input: {
        pipelineId: 'pipe-1',
        stageId: 'st-lead',
        title: 'B2B meeting: Nex-T LLC – Atlas Smart Solutions',
        exporterId: 'co-nex',
        buyerId: 'co-atlas',
        amount: '250000.50',
        currency: 'RUB',
        ownerId: 'user-1',
        sourceMissionId: 'mission-1',
        fromInteractionId: 'int-7',
      },
    });
    expect(await screen.findByRole('dialog', { name: 'B2B meeting: Nex-T LLC' })).toBeTruthy();
    expect(router.state.location.search).toBe('?deal=deal-new');
    expect(await screen.findByText('Created in Lead')).toBeTruthy();
  });

  it('shows field errors from createDeal and keeps the dialog open', async () => {
    const user = userEvent.setup();
    renderBoard(
      [
        answer(CreateDealMutation).with(() => ({
          data: {
            createDeal: {
              __typename: 'CreateDealPayload',
              deal: null,
              userErrors: [
                {
                  __typename: 'UserError',
                  field: ['input', 'currency'],
                  code: 'INVALID',
                  message: 'No such currency.',
                  existingId: null,
                },
              ],
            },
          },
        })),
        answer(MeetingForDealQuery).with(() => meetingResult),
      ],
      { url: '/pipeline?fromInteraction=int-7' },
    );

    const dialog = await screen.findByRole('dialog', { name: 'New deal from a meeting' });
    const currency = await within(dialog).findByLabelText('Currency');
    await user.clear(currency);
    await user.type(currency, 'XYZ');
    await user.click(within(dialog).getByRole('button', { name: 'Create deal' }));

    expect(await within(dialog).findByText('No such currency.')).toBeTruthy();
    expect(currency.getAttribute('aria-invalid')).toBe('true');
  });

  it('opens a deal from ?deal= and explains a CONFLICT when saving an edit', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    const { router } = renderBoard(
      [
        answer(DealDrawerQuery).with(({ id }) => drawerResult(String(id), 'Charging stations in Casablanca')),
        answer(UpdateDealMutation).with((variables) => {
          sent.push(variables);
          return {
            data: {
              updateDeal: {
                __typename: 'UpdateDealPayload',
                deal: null,
                userErrors: [
                  {
                    __typename: 'UserError',
                    field: ['input', 'version'],
                    code: 'CONFLICT',
                    message: 'The deal was changed by someone else.',
                    existingId: null,
                  },
                ],
              },
            },
          };
        }),
      ],
      { url: '/pipeline?deal=deal-a' },
    );

    const drawer = await screen.findByRole('dialog', { name: 'Charging stations in Casablanca' });
    expect(await within(drawer).findByText('Created in Lead')).toBeTruthy();
    expect(within(drawer).getByRole('link', { name: 'Mosprom mission to Casablanca' }).getAttribute('href')).toBe(
      '/missions/mis-1',
    );
    await user.click(within(drawer).getByRole('button', { name: 'Edit' }));
    const title = within(drawer).getByLabelText('Title');
    await user.clear(title);
    await user.type(title, 'Charging stations, phase 2');
    await user.click(within(drawer).getByRole('button', { name: 'Save' }));

    const alert = await within(drawer).findByRole('alert');
    expect(alert.textContent).toContain('Someone else changed this deal since you opened it');
    expect(sent[0]).toMatchObject({ input: { dealId: 'deal-a', version: 1, title: 'Charging stations, phase 2' } });
    expect(within(drawer).getByLabelText('Title')).toHaveProperty('value', 'Charging stations, phase 2');

    await user.click(within(drawer).getByRole('button', { name: 'Close' }));
    expect(router.state.location.search).toBe('');
  });

  it('gives an analyst a read-only board', async () => {
    renderBoard([], { role: 'ANALYST' });

    expect(await screen.findByText('Charging stations in Casablanca')).toBeTruthy();
    expect(await screen.findByText(/Read only/)).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: /^Move/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Move/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'New deal' })).toBeNull();
  });

  it('moves a deal with the keyboard: space, arrow right, space', async () => {
    // jsdom lays nothing out: give each column and card a place in a row of 300 px wide columns.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const columnIndex = this.dataset.stageColumn ?? this.closest<HTMLElement>('[data-deal-card]')?.dataset.dealCard;
      // The drag overlay (a copy of the card) starts where the card is, in the first column.
      if (this.querySelector(':scope > .deal-card--overlay')) return new DOMRect(10, 100, 260, 90);
      if (columnIndex === undefined) return new DOMRect(0, 0, 0, 0);
      const left = Number(columnIndex) * 300;
      return this.dataset.stageColumn !== undefined
        ? new DOMRect(left, 0, 280, 700)
        : new DOMRect(left + 10, 100, 260, 90);
    });
    const user = userEvent.setup();
    const sent: unknown[] = [];
    renderBoard([moveAnswer(sent, 'st-qualified', 'Qualified', 'OPEN')]);

    const handle = await screen.findByRole('button', { name: 'Move “Charging stations in Casablanca”' });
    act(() => handle.focus());
    await user.keyboard(' ');
    expect(await screen.findByText('Picked up deal “Charging stations in Casablanca” in stage Lead.')).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByText('“Charging stations in Casablanca” is over stage Qualified.')).toBeTruthy();
    await user.keyboard(' ');

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ input: { dealId: 'deal-a', toStageId: 'st-qualified', version: 4 } });
  });
});

/** Deals `from`…`to` of a big Lead column, oldest first: "Deal 1" is deal-1. */
function manyDeals(from: number, to: number): DealSpec[] {
  return Array.from({ length: to - from + 1 }, (_, index) => ({
    id: `deal-${from + index}`,
    title: `Deal ${from + index}`,
    version: 2,
    amount: ['1000.00', 'RUB'] as [string, string],
    base: '1000.00',
  }));
}

const LEAD = { id: 'st-lead', category: 'OPEN' as const };

/** The board with a Lead column of `total` deals, the first 30 of them loaded. */
function bigLead(total: number, extra: Partial<StageSpec> = {}): StageSpec[] {
  return [
    { ...STAGES[0], deals: manyDeals(1, 30), totalCount: total, total: String(total * 1000), ...extra },
    ...STAGES.slice(1),
  ];
}

function cards(name: string) {
  return within(column(name)).queryAllByRole('listitem');
}

describe('PipelinePage: "Show more" in a column', () => {
  it('loads the next deals of the stage, with the board filters and the cursor, until all are shown', async () => {
    const user = userEvent.setup();
    const boards: unknown[] = [];
    const pages: unknown[] = [];
    renderBoard(
      [
        answer(PipelineBoardQuery).with((variables) => {
          boards.push(variables);
          return boardResult(variables.filter ? bigLead(35) : bigLead(40));
        }),
        answer(PipelineCompanyNameQuery).with(() => ({
          data: { company: { __typename: 'Company', id: 'exp-1', name: 'Nex-T LLC' } },
        })),
        answer(PipelineStageDealsQuery).with((variables) => {
          pages.push(variables);
          return stageDealsResult(LEAD, manyDeals(31, 35));
        }),
      ],
      { url: '/pipeline?owner=user-1&mission=mis-1&exporter=exp-1' },
    );

    const more = await screen.findByRole('button', { name: 'Show 5 more deals in Lead' });
    expect(boards[0]).toMatchObject({
      filter: { ownerIds: ['user-1'], sourceMissionIds: ['mis-1'], exporterIds: ['exp-1'] },
    });
    expect(cards('Lead')).toHaveLength(30);
    expect(within(column('Lead')).getByText('35 deals')).toBeTruthy();
    // Columns showing all their deals have no such button.
    expect(within(column('Qualified')).queryByRole('button', { name: /^Show/ })).toBeNull();

    await user.click(more);

    expect(await within(column('Lead')).findByText('Deal 35')).toBeTruthy();
    expect(pages).toEqual([
      {
        filter: { ownerIds: ['user-1'], sourceMissionIds: ['mis-1'], exporterIds: ['exp-1'], stageIds: ['st-lead'] },
        first: 30,
        after: 'cursor:deal-30',
      },
    ]);
    expect(cards('Lead')).toHaveLength(35);
    expect(within(column('Lead')).getByText('35 deals')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).toBeNull();
    // The focus goes to the first card loaded, as the button is gone.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Deal 31'));

    // Other filters, other deals: the extra pages go, the board starts again from its first page.
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('button', { name: 'Show 10 more deals in Lead' })).toBeTruthy();
    expect(cards('Lead')).toHaveLength(30);
  });

  it('follows the cursor of the last page loaded', async () => {
    const user = userEvent.setup();
    const pages: { after?: string | null }[] = [];
    renderBoard([
      answer(PipelineBoardQuery).with(() => boardResult(bigLead(65))),
      answer(PipelineStageDealsQuery).with((variables) => {
        pages.push(variables);
        return variables.after === 'cursor:deal-30'
          ? stageDealsResult(LEAD, manyDeals(31, 60), true)
          : stageDealsResult(LEAD, manyDeals(61, 65));
      }),
    ]);

    await user.click(await screen.findByRole('button', { name: 'Show 30 more deals in Lead' }));
    expect(await within(column('Lead')).findByText('Deal 60')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show 5 more deals in Lead' }));
    expect(await within(column('Lead')).findByText('Deal 65')).toBeTruthy();

    expect(pages.map((page) => page.after)).toEqual(['cursor:deal-30', 'cursor:deal-60']);
    expect(cards('Lead')).toHaveLength(65);
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).toBeNull();
  });

  it('moves a card of an extra page with "Move to…", then starts again from the reloaded board', async () => {
    const sent: unknown[] = [];
    let moved = false;
    renderBoard([
      answer(PipelineBoardQuery).with(() =>
        boardResult(
          moved
            ? [
                { ...bigLead(34)[0] },
                {
                  ...STAGES[1],
                  deals: [...STAGES[1].deals, { ...manyDeals(33, 33)[0], version: 3 }],
                  total: '12001000.00',
                },
                ...STAGES.slice(2),
              ]
            : bigLead(35),
        ),
      ),
      answer(PipelineStageDealsQuery).with(() => stageDealsResult(LEAD, manyDeals(31, 35))),
      answer(MoveDealMutation).with((variables) => {
        sent.push(variables);
        moved = true;
        const payload = movedPayload('st-qualified', 'Qualified', 'OPEN');
        return {
          data: {
            moveDeal: { ...payload.data.moveDeal, deal: { ...payload.data.moveDeal.deal, id: 'deal-33', version: 3 } },
          },
        };
      }),
    ]);

    fireEvent.click(await screen.findByRole('button', { name: 'Show 5 more deals in Lead' }));
    const select = await screen.findByRole('combobox', { name: 'Move “Deal 33” to…' });
    fireEvent.change(select, { target: { value: 'st-qualified' } });

    // Optimistic, like any other card: it heads Qualified and the counts follow.
    expect(within(column('Qualified')).getByText('Deal 33')).toBeTruthy();
    expect(within(column('Qualified')).getByText('2 deals')).toBeTruthy();
    expect(within(column('Lead')).getByText('34 deals')).toBeTruthy();
    expect(within(column('Lead')).queryByText('Deal 33')).toBeNull();

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ input: { dealId: 'deal-33', toStageId: 'st-qualified', version: 2 } });
    expect(await screen.findByText('“Deal 33” moved to Qualified.')).toBeTruthy();
    // The board reloaded: Lead shows its first page again, with the rest one click away.
    expect(await screen.findByRole('button', { name: 'Show 4 more deals in Lead' })).toBeTruthy();
    expect(cards('Lead')).toHaveLength(30);
    expect(within(column('Qualified')).getByText('Deal 33')).toBeTruthy();
  });

  it('puts a card of an extra page back when the move is refused', async () => {
    renderBoard([
      answer(PipelineBoardQuery).with(() => boardResult(bigLead(35))),
      answer(PipelineStageDealsQuery).with(() => stageDealsResult(LEAD, manyDeals(31, 35))),
      refusedMove('toStageId', 'INVALID', 'This stage is retired.'),
    ]);

    fireEvent.click(await screen.findByRole('button', { name: 'Show 5 more deals in Lead' }));
    fireEvent.change(await screen.findByRole('combobox', { name: 'Move “Deal 34” to…' }), {
      target: { value: 'st-qualified' },
    });
    expect(within(column('Qualified')).getByText('Deal 34')).toBeTruthy();

    expect(await screen.findByText('This stage is retired.')).toBeTruthy();
    expect(within(column('Qualified')).queryByText('Deal 34')).toBeNull();
    expect(within(column('Lead')).getByText('35 deals')).toBeTruthy();
  });

  it('says so when the next page cannot be loaded, and tries again', async () => {
    const user = userEvent.setup();
    let fail = true;
    renderBoard([
      answer(PipelineBoardQuery).with(() => boardResult(bigLead(35))),
      answer(PipelineStageDealsQuery).with(() => {
        if (fail) throw new Error('Network down');
        return stageDealsResult(LEAD, manyDeals(31, 35));
      }),
    ]);

    await user.click(await screen.findByRole('button', { name: 'Show 5 more deals in Lead' }));
    expect((await within(column('Lead')).findByRole('alert')).textContent).toBe(
      'The next deals could not be loaded. Try again.',
    );
    expect(cards('Lead')).toHaveLength(30);

    fail = false;
    await user.click(screen.getByRole('button', { name: 'Show 5 more deals in Lead' }));
    expect(await within(column('Lead')).findByText('Deal 35')).toBeTruthy();
    expect(within(column('Lead')).queryByRole('alert')).toBeNull();
  });
});

describe('PipelinePage: the live board', () => {
  const event = (byId: string, fullName: string) =>
    answer(DealChangedSubscription).with((variables) => {
      expect(variables).toEqual({ pipelineId: 'pipe-1' });
      return {
        data: {
          dealChanged: {
            __typename: 'DealChangedEvent' as const,
            dealId: 'deal-a',
            version: 3,
            change: 'MOVED' as const,
            by: { __typename: 'User' as const, id: byId, fullName },
          },
        },
      };
    });

  it('reloads the board when a colleague moves a deal, and says who did', async () => {
    const { calls } = renderBoard([event('user-2', 'Anna Orlova')]);
    expect(await screen.findByText('Anna Orlova moved a deal to another stage.')).toBeTruthy();
    await waitFor(() => expect(calls.filter((name) => name === 'PipelineBoard').length).toBeGreaterThan(1));
  });

  it('tells the reader of an open deal that a colleague changed it', async () => {
    renderBoard(
      [
        event('user-2', 'Anna Orlova'),
        answer(DealDrawerQuery).with(() => drawerResult('deal-a', 'Charging stations in Casablanca')),
      ],
      {
        url: '/pipeline?deal=deal-a',
      },
    );
    expect(
      await screen.findByText('Anna Orlova changed this deal while you had it open: what you see is up to date.'),
    ).toBeTruthy();
  });

  it('says nothing of the viewer’s own changes', async () => {
    const { calls } = renderBoard([event('user-1', 'Camille Durand')]);
    await waitFor(() => expect(calls).toContain('DealChanged'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText(/moved a deal/)).toBeNull();
    expect(calls.filter((name) => name === 'PipelineBoard')).toHaveLength(1);
  });
});
