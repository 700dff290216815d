import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CompanyPickerSearchQuery } from '../../components/pickers/graphql';
import { viewerAnswer } from '../../test/fixtures';
import { renderRoutes } from '../../test/renderWithProviders';
import { answer, scriptedLink } from '../../test/scriptedLink';
import { CompanyPage } from './CompanyPage';
import { CompanyPageQuery } from './graphql/company';
import { CreateContactMutation } from './graphql/contacts';
import { fishSector, manager, sectorsAnswer, usersAnswer } from './testFixtures';

const company = { __typename: 'Company' as const, id: 'c1', name: 'Fish World' };
const buyer = { __typename: 'Company' as const, id: 'c2', name: 'Hyper Médina Market' };
const mission = { __typename: 'Mission' as const, id: 'm1', name: 'Mission Mosprom à Casablanca' };

function interaction(
  id: string,
  subject: string,
  occurredAt: string,
  extra: { kind?: 'MEETING' | 'CALL'; status?: 'HELD' | 'PLANNED' | null; deal?: { id: string; title: string } } = {},
) {
  return {
    __typename: 'Interaction' as const,
    id,
    kind: extra.kind ?? 'MEETING',
    subject,
    occurredAt,
    status: extra.status ?? null,
    outcome: null,
    author: manager,
    exporter: company,
    counterpart: buyer,
    mission,
    deal: extra.deal ? { __typename: 'Deal' as const, ...extra.deal } : null,
  };
}

const stage = (id: string, name: string, category: 'OPEN' | 'WON' | 'LOST' = 'OPEN') => ({
  __typename: 'PipelineStage' as const,
  id,
  name,
  category,
});

const deal = {
  __typename: 'Deal' as const,
  id: 'd1',
  title: 'Caviar pour les fêtes',
  amount: { __typename: 'Money' as const, amount: '350000.00', currency: 'EUR' },
  stage: stage('s2', 'Negotiation'),
  exporter: company,
  buyer,
  stageHistory: {
    __typename: 'DealStageChangeConnection' as const,
    nodes: [
      {
        __typename: 'DealStageChange' as const,
        id: 'h1',
        changedAt: '2026-02-01T09:00:00Z',
        changedBy: manager,
        fromStage: null,
        toStage: stage('s1', 'Lead'),
      },
      {
        __typename: 'DealStageChange' as const,
        id: 'h2',
        changedAt: '2026-04-01T09:00:00Z',
        changedBy: manager,
        fromStage: stage('s1', 'Lead'),
        toStage: stage('s2', 'Negotiation'),
      },
    ],
  },
};

function pageData(contacts: { id: string; fullName: string }[] = []) {
  return {
    company: {
      ...company,
      mergedInto: null as { __typename: 'Company'; id: string; name: string } | null,
      kind: 'EXPORTER' as const,
      country: 'RU',
      city: 'Москва',
      website: 'https://www.fish-world.example/',
      brands: ['Царская икра'],
      notes: null,
      createdAt: '2025-01-01T00:00:00Z',
      accountManager: manager,
      sectors: [fishSector],
      contacts: {
        __typename: 'ContactConnection' as const,
        totalCount: contacts.length,
        nodes: contacts.map((contact) => ({
          __typename: 'Contact' as const,
          ...contact,
          jobTitle: 'Директор по экспорту',
          email: null,
          phone: null,
          languages: ['ru', 'fr'],
          company,
        })),
      },
      interactions: {
        __typename: 'InteractionConnection' as const,
        totalCount: 2,
        nodes: [
          interaction('i1', 'Rendez-vous B2B à Casablanca', '2026-03-01T10:00:00Z', { status: 'HELD' }),
          interaction('i2', 'Appel de suivi', '2026-05-01T10:00:00Z', {
            kind: 'CALL',
            deal: { id: 'd1', title: 'Caviar pour les fêtes' },
          }),
        ],
      },
      tasks: {
        __typename: 'TaskConnection' as const,
        totalCount: 1,
        nodes: [
          {
            __typename: 'Task' as const,
            id: 't1',
            title: 'Envoyer les certificats sanitaires',
            dueOn: '2026-06-15',
            done: false,
            doneAt: null,
            createdAt: '2026-01-15T08:00:00Z',
            assignee: manager,
          },
        ],
      },
      missions: {
        __typename: 'MissionConnection' as const,
        totalCount: 1,
        nodes: [
          {
            ...mission,
            status: 'COMPLETED' as const,
            hostCountry: 'MA',
            city: 'Casablanca',
            startsOn: '2025-09-08',
            endsOn: '2025-09-12',
          },
        ],
      },
    },
    asExporter: { __typename: 'DealConnection' as const, totalCount: 1, nodes: [deal] },
    asBuyer: { __typename: 'DealConnection' as const, totalCount: 0, nodes: [] },
  };
}

const routes = [{ path: '/companies/:companyId', element: <CompanyPage /> }];

describe('CompanyPage', () => {
  it('shows the header and merges interactions, deal moves and tasks, most recent first', async () => {
    const { link } = scriptedLink(
      viewerAnswer(),
      answer(CompanyPageQuery).with(({ id }) => ({
        data: id === 'c1' ? pageData() : { ...pageData(), company: null },
      })),
    );
    renderRoutes({ transport: link, url: '/companies/c1', routes });

    expect(await screen.findByRole('heading', { level: 1, name: /Fish World/ })).toBeTruthy();
    expect(screen.getByText('Москва, Russia')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'fish-world.example' })).toBeTruthy();

    const timeline = screen.getByRole('region', { name: 'Timeline' });
    const known = ['Appel de suivi', 'Rendez-vous B2B à Casablanca', 'Envoyer les certificats sanitaires'];
    const titles = within(timeline)
      .getAllByRole('listitem')
      .map(
        (item) =>
          known.find((title) => item.textContent?.includes(title)) ?? within(item).getAllByRole('link')[0]?.textContent,
      );
    expect(titles).toEqual([
      'Appel de suivi', // 1 May
      'Caviar pour les fêtes', // 1 April: Lead → Negotiation
      'Rendez-vous B2B à Casablanca', // 1 March
      'Caviar pour les fêtes', // 1 February: created in Lead
      'Envoyer les certificats sanitaires', // 15 January
    ]);

    // Links to the other features' screens.
    expect(within(timeline).getByRole('link', { name: 'Create deal' }).getAttribute('href')).toBe(
      '/pipeline?fromInteraction=i1',
    );
    expect(within(timeline).getByRole('link', { name: 'Deal: Caviar pour les fêtes' }).getAttribute('href')).toBe(
      '/pipeline?deal=d1',
    );
    expect(
      within(timeline).getAllByRole('link', { name: 'Mission: Mission Mosprom à Casablanca' })[0]?.getAttribute('href'),
    ).toBe('/missions/m1');

    // Only the deal moves.
    fireEvent.click(within(timeline).getByRole('button', { name: /^Deals/ }));
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(2);
  });

  it('shows deals and missions beside the timeline', async () => {
    const { link } = scriptedLink(
      viewerAnswer(),
      answer(CompanyPageQuery).with(() => ({ data: pageData() })),
    );
    renderRoutes({ transport: link, url: '/companies/c1', routes });

    const deals = await screen.findByRole('region', { name: /^Deals/ });
    expect(within(deals).getByRole('link', { name: 'Caviar pour les fêtes' }).getAttribute('href')).toBe(
      '/pipeline?deal=d1',
    );
    expect(within(deals).getByText('Negotiation')).toBeTruthy();
    expect(within(deals).getByText('€350,000.00')).toBeTruthy();

    const missions = screen.getByRole('region', { name: /^Missions/ });
    expect(within(missions).getByRole('link', { name: 'Mission Mosprom à Casablanca' }).getAttribute('href')).toBe(
      '/missions/m1',
    );
  });

  it('adds a contact, showing userErrors at their fields first', async () => {
    let attempts = 0;
    let contacts: { id: string; fullName: string }[] = [];
    const { link } = scriptedLink(
      viewerAnswer(),
      answer(CompanyPageQuery).with(() => ({ data: pageData(contacts) })),
      answer(CreateContactMutation).with(({ input }) => {
        attempts += 1;
        if (attempts === 1) {
          return {
            data: {
              createContact: {
                __typename: 'CreateContactPayload',
                contact: null,
                userErrors: [
                  {
                    __typename: 'UserError',
                    field: ['input', 'email'],
                    code: 'INVALID',
                    message: 'Not an e-mail address.',
                    existingId: null,
                  },
                ],
              },
            },
          };
        }
        contacts = [{ id: 'p1', fullName: input.fullName }];
        return {
          data: {
            createContact: {
              __typename: 'CreateContactPayload',
              contact: {
                __typename: 'Contact',
                id: 'p1',
                fullName: input.fullName,
                jobTitle: input.jobTitle ?? null,
                email: input.email ?? null,
                phone: null,
                languages: input.languages ?? [],
                company,
              },
              userErrors: [],
            },
          },
        };
      }),
    );
    renderRoutes({ transport: link, url: '/companies/c1', routes });

    const panel = await screen.findByRole('region', { name: /^Contacts/ });
    expect(within(panel).getByText('No contacts')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Add' }));
    const dialog = await screen.findByRole('dialog', { name: 'New contact' });
    fireEvent.change(within(dialog).getByLabelText('Full name'), { target: { value: 'Наталья Козлова' } });
    fireEvent.change(within(dialog).getByLabelText('E-mail'), { target: { value: 'natalia' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add contact' }));

    expect(await within(dialog).findByText('Not an e-mail address.')).toBeTruthy();
    expect(within(dialog).getByLabelText('E-mail').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(within(dialog).getByLabelText('E-mail'), { target: { value: 'n.kozlova@fish.example' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add contact' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await within(screen.getByRole('region', { name: /^Contacts/ })).findByText('Наталья Козлова')).toBeTruthy();
  });

  it('hides editing from analysts', async () => {
    const { link } = scriptedLink(
      viewerAnswer('ANALYST'),
      answer(CompanyPageQuery).with(() => ({ data: pageData([{ id: 'p1', fullName: 'Андрей Белов' }]) })),
      sectorsAnswer,
      usersAnswer,
    );
    renderRoutes({ transport: link, url: '/companies/c1', routes });

    expect(await screen.findByText('Андрей Белов')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull());
    expect(screen.queryByRole('button', { name: 'Merge with…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Create deal' })).toBeNull();
  });

  it('leads from a merged company to the company it was merged into, and says so', async () => {
    const { link } = scriptedLink(
      viewerAnswer(),
      answer(CompanyPageQuery).with(({ id }) => {
        const data = pageData();
        if (id === 'c1') return { data };
        return {
          data: {
            ...data,
            company: { ...data.company, id: String(id), name: 'FISH WORLD LLC', mergedInto: { ...company } },
            asExporter: { ...data.asExporter, totalCount: 0, nodes: [] },
          },
        };
      }),
    );
    const { router } = renderRoutes({ transport: link, url: '/companies/c9', routes });

    expect(await screen.findByRole('heading', { level: 1, name: /Fish World/ })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/companies/c1');
    expect(screen.getByRole('status').textContent).toBe(
      '“FISH WORLD LLC” was merged into this company: this is the record kept.',
    );
  });

  it('offers editors to merge the company with another one, picked by name', async () => {
    const { link } = scriptedLink(
      viewerAnswer(),
      answer(CompanyPageQuery).with(() => ({ data: pageData() })),
      answer(CompanyPickerSearchQuery).with(() => ({
        data: {
          companies: {
            __typename: 'CompanyConnection',
            nodes: [
              { __typename: 'Company', id: 'c7', name: 'Фиш Ворлд', kind: 'EXPORTER', country: 'RU', city: null },
            ],
          },
        },
      })),
    );
    const { router } = renderRoutes({
      transport: link,
      url: '/companies/c1',
      routes: [...routes, { path: '/duplicates', element: <p>Duplicates</p> }],
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Merge with…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge Fish World with another company' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Review the merge' }));
    expect(await within(dialog).findByText('Choose another company.')).toBeTruthy();

    const picker = within(dialog).getByRole('combobox', { name: 'Duplicate company' });
    fireEvent.focus(picker);
    fireEvent.change(picker, { target: { value: 'фиш' } });
    fireEvent.mouseDown(await within(dialog).findByRole('option', { name: /Фиш Ворлд/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Review the merge' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/duplicates'));
    expect(router.state.location.search).toBe('?merge=c1,c7');
  });

  it('says so when the company does not exist', async () => {
    const { link } = scriptedLink(
      viewerAnswer(),
      answer(CompanyPageQuery).with(() => ({ data: { ...pageData(), company: null } })),
    );
    renderRoutes({ transport: link, url: '/companies/nope', routes });

    expect(await screen.findByText('Company not found')).toBeTruthy();
  });
});
