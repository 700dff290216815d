import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { viewerAnswer } from '../../test/fixtures';
import { renderRoutes } from '../../test/renderWithProviders';
import { answer, scriptedLink } from '../../test/scriptedLink';
import { DealDrawer } from './components/DealDrawer';
import { ConfirmationContactsQuery, RequestDealConfirmationMutation } from './graphql/confirmation';
import { DealDrawerQuery } from './graphql/deal';
import { drawerResult } from './testData';

const money = (amount: string, currency: string) => ({ __typename: 'Money' as const, amount, currency });
const won = { __typename: 'PipelineStage' as const, id: 'st-won', name: 'Won', category: 'WON' as const };
const camille = { __typename: 'User' as const, id: 'user-1', fullName: 'Camille Durand' };

/** The exporter corrected the value and the signature day a week after being asked. */
const corrected = {
  __typename: 'DealConfirmation' as const,
  id: 'conf-1',
  status: 'CORRECTED' as const,
  contactName: 'Karim Benali',
  contactEmail: 'karim@nex-t.example',
  locale: 'fr' as const,
  requestedBy: camille,
  createdAt: '2026-10-01T09:00:00Z',
  expiresAt: '2026-10-22T09:00:00Z',
  remindersSent: 1,
  recordedValue: money('180000.00', 'EUR'),
  recordedClosedOn: '2026-09-15',
  answeredAt: '2026-10-09T14:30:00Z',
  confirmedValue: money('195000.00', 'EUR'),
  confirmedClosedOn: '2026-09-22',
  helpRating: 4,
  additionality: 'LATER_OR_SMALLER' as const,
  caseStudyAllowed: true,
  comment: 'The B2B meeting in Casablanca made it happen.',
  history: [
    {
      __typename: 'ConfirmationStep' as const,
      status: 'REQUESTED' as const,
      at: '2026-10-01T09:00:00Z',
      by: 'Camille Durand',
      note: 'requested',
    },
    {
      __typename: 'ConfirmationStep' as const,
      status: 'REQUESTED' as const,
      at: '2026-10-08T06:00:00Z',
      by: 'system',
      note: 'reminded',
    },
    {
      __typename: 'ConfirmationStep' as const,
      status: 'CORRECTED' as const,
      at: '2026-10-09T14:30:00Z',
      by: 'exporter',
      note: 'answered',
    },
  ],
  contact: { __typename: 'Contact' as const, id: 'c-karim', fullName: 'Karim Benali' },
};

/** The new request, to Olga, that replaces the answered one. */
const requested = {
  ...corrected,
  id: 'conf-2',
  status: 'REQUESTED' as const,
  contactName: 'Olga Petrova',
  contactEmail: 'olga@nex-t.example',
  locale: 'ru' as const,
  createdAt: '2026-11-02T10:00:00Z',
  expiresAt: '2026-11-23T10:00:00Z',
  remindersSent: 0,
  recordedValue: money('195000.00', 'EUR'),
  recordedClosedOn: '2026-09-22',
  answeredAt: null,
  confirmedValue: null,
  confirmedClosedOn: null,
  helpRating: null,
  additionality: null,
  caseStudyAllowed: null,
  comment: null,
  history: [
    {
      __typename: 'ConfirmationStep' as const,
      status: 'REQUESTED' as const,
      at: '2026-11-02T10:00:00Z',
      by: 'Camille Durand',
      note: 'requested',
    },
  ],
  contact: { __typename: 'Contact' as const, id: 'c-olga', fullName: 'Olga Petrova' },
};

const drawer = drawerResult('deal-w', 'Charging stations in Casablanca');
const wonDeal = answer(DealDrawerQuery).with(() => ({
  data: {
    deal: {
      ...drawer.data.deal,
      closedOn: '2026-09-15',
      amount: money('180000.00', 'EUR'),
      stage: won,
      confirmation: corrected,
    },
  },
}));

const contact = (id: string, fullName: string, email: string | null) => ({
  __typename: 'Contact' as const,
  id,
  fullName,
  email,
  jobTitle: null,
});
const contacts = answer(ConfirmationContactsQuery).with(() => ({
  data: {
    contacts: {
      __typename: 'ContactConnection',
      nodes: [
        contact('c-aicha', 'Aïcha Alaoui', null),
        contact('c-karim', 'Karim Benali', 'karim@nex-t.example'),
        contact('c-olga', 'Olga Petrova', 'olga@nex-t.example'),
      ],
    },
  },
}));

const routes = [
  {
    path: '/pipeline',
    element: <DealDrawer dealId="deal-w" editable moving={false} onClose={() => {}} onMove={() => {}} />,
  },
];

describe('the exporter’s confirmation in the deal drawer', () => {
  it('shows a corrected confirmation: the figures as recorded and as corrected, the answers and the history', async () => {
    const { link } = scriptedLink(viewerAnswer(), wonDeal);
    renderRoutes({ transport: link, url: '/pipeline', routes });

    const section = await screen.findByRole('region', { name: 'Exporter confirmation' });
    expect(within(section).getByText('Corrected')).toBeTruthy();
    expect(within(section).getByText('The exporter confirmed the deal with other figures.')).toBeTruthy();
    expect(within(section).getByText(/Karim Benali/)).toBeTruthy();
    expect(within(section).getByRole('link', { name: 'karim@nex-t.example' }).getAttribute('href')).toBe(
      'mailto:karim@nex-t.example',
    );

    const figures = within(section).getByRole('table');
    const [, recorded, confirmed] = within(figures).getAllByRole('row');
    expect(within(recorded).getByRole('rowheader').textContent).toBe('Recorded');
    expect(recorded.textContent).toContain('€180,000.00');
    expect(recorded.textContent).toMatch(/15 Sept? 2026/);
    expect(within(confirmed).getByRole('rowheader').textContent).toBe('Per the exporter');
    expect(confirmed.textContent).toContain('€195,000.00');
    expect(confirmed.textContent).toMatch(/22 Sept? 2026/);
    expect(within(confirmed).getAllByText('changed')).toHaveLength(2);

    expect(within(section).getByText('4 out of 5')).toBeTruthy();
    expect(within(section).getByText('Later or smaller')).toBeTruthy();
    expect(within(section).getByText('May be cited')).toBeTruthy();
    expect(within(section).getByText('The B2B meeting in Casablanca made it happen.')).toBeTruthy();

    const history = within(section).getByRole('list');
    const steps = within(history).getAllByRole('listitem');
    expect(steps.map((step) => step.querySelector('.stage-history__move')?.textContent)).toEqual([
      'Corrected · answered',
      'Requested · reminder sent',
      'Requested · request sent',
    ]);
    expect(steps[0].textContent).toContain('The exporter');
    expect(steps[1].textContent).toContain('Automatically');
    expect(steps[2].textContent).toContain('Camille Durand');
  });

  it('asks again: picks a contact with an e-mail address, shows a refusal inline, then shows the new request', async () => {
    const sent: unknown[] = [];
    const { link } = scriptedLink(
      viewerAnswer(),
      wonDeal,
      contacts,
      answer(RequestDealConfirmationMutation).with((variables) => {
        sent.push(variables);
        if (sent.length === 1)
          return {
            data: {
              requestDealConfirmation: {
                __typename: 'RequestDealConfirmationPayload',
                confirmation: null,
                deal: null,
                userErrors: [
                  {
                    __typename: 'UserError',
                    field: ['input', 'contactId'],
                    code: 'INVALID',
                    message: 'This contact no longer has an e-mail address.',
                  },
                ],
              },
            },
          };
        return {
          data: {
            requestDealConfirmation: {
              __typename: 'RequestDealConfirmationPayload',
              confirmation: { __typename: 'DealConfirmation', id: 'conf-2', status: 'REQUESTED' },
              deal: {
                __typename: 'Deal',
                id: 'deal-w',
                stage: { __typename: 'PipelineStage', id: 'st-won', category: 'WON' },
                confirmation: requested,
              },
              userErrors: [],
            },
          },
        };
      }),
    );
    renderRoutes({ transport: link, url: '/pipeline', routes });
    const ui = userEvent.setup();

    const section = await screen.findByRole('region', { name: 'Exporter confirmation' });
    await ui.click(within(section).getByRole('button', { name: 'Ask again' }));

    const dialog = await screen.findByRole('dialog', { name: 'Ask the exporter again' });
    expect(within(dialog).getByText(/The link of the previous request stops working/)).toBeTruthy();
    const select = (await within(dialog).findByLabelText('Contact')) as HTMLSelectElement;
    // Only the contacts with an e-mail address, the first chosen.
    expect([...select.options].map((option) => option.textContent)).toEqual([
      'Karim Benali — karim@nex-t.example',
      'Olga Petrova — olga@nex-t.example',
    ]);
    expect(select.value).toBe('c-karim');
    await ui.selectOptions(select, 'c-olga');
    await ui.click(within(dialog).getByRole('button', { name: 'Send the request' }));

    expect(await within(dialog).findByText('This contact no longer has an e-mail address.')).toBeTruthy();
    expect(select.getAttribute('aria-invalid')).toBe('true');

    await ui.click(within(dialog).getByRole('button', { name: 'Send the request' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Ask the exporter again' })).toBeNull());
    expect(sent).toEqual([
      { input: { dealId: 'deal-w', contactId: 'c-olga' } },
      { input: { dealId: 'deal-w', contactId: 'c-olga' } },
    ]);

    // The drawer shows the new request at once, from the mutation's answer.
    expect(await within(section).findByText('Requested')).toBeTruthy();
    expect(within(section).getByText('Waiting for the exporter’s answer.')).toBeTruthy();
    expect(within(section).getByRole('link', { name: 'olga@nex-t.example' })).toBeTruthy();
    expect(within(section).getByText('No answer yet.')).toBeTruthy();
    expect(within(section).queryByText('4 out of 5')).toBeNull();
  });

  it('offers the request on a won deal never confirmed', async () => {
    const neverAsked = answer(DealDrawerQuery).with(() => ({
      data: { deal: { ...drawer.data.deal, stage: won } },
    }));
    const { link } = scriptedLink(viewerAnswer(), neverAsked);
    renderRoutes({ transport: link, url: '/pipeline', routes });

    const section = await screen.findByRole('region', { name: 'Exporter confirmation' });
    expect(within(section).getByText('The exporter has not been asked to confirm this deal yet.')).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Ask the exporter to confirm' })).toBeTruthy();
  });

  it('has no confirmation section on an open deal', async () => {
    const { link } = scriptedLink(
      viewerAnswer(),
      answer(DealDrawerQuery).with(() => drawerResult('deal-w', 'Charging stations in Casablanca')),
    );
    renderRoutes({ transport: link, url: '/pipeline', routes });

    expect(await screen.findByText('Created in Lead')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Exporter confirmation' })).toBeNull();
  });
});
