import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { viewerAnswer } from '../../test/fixtures';
import { renderRoutes } from '../../test/renderWithProviders';
import { type Answer, answer, scriptedLink } from '../../test/scriptedLink';
import { CompaniesPage } from './CompaniesPage';
import { CompaniesPageQuery, CreateCompanyMutation } from './graphql/companies';
import { fishSector, manager, pageInfo, sectorsAnswer, usersAnswer } from './testFixtures';

const companies = [
  {
    __typename: 'Company' as const,
    id: 'c1',
    name: 'Atlas Santé Distribution',
    kind: 'DISTRIBUTOR' as const,
    country: 'MA',
    city: 'Marrakech',
    createdAt: '2026-03-09T10:00:00Z',
    sectors: [fishSector],
    accountManager: null,
  },
  {
    __typename: 'Company' as const,
    id: 'c2',
    name: 'Агрокомплекс',
    kind: 'EXPORTER' as const,
    country: 'RU',
    city: 'Москва',
    createdAt: '2026-03-10T10:00:00Z',
    sectors: [],
    accountManager: manager,
  },
];

function listAnswer(variables: unknown[] = [], nodes: typeof companies = companies) {
  return answer(CompaniesPageQuery).with((vars) => {
    variables.push(vars);
    return {
      data: {
        companies: { __typename: 'CompanyConnection', totalCount: nodes.length, pageInfo, nodes },
      },
    };
  });
}

const routes = [
  { path: '/companies', element: <CompaniesPage /> },
  { path: '/companies/:companyId', element: <p>Company page</p> },
];

type CreateResult = {
  company: { __typename: 'Company'; id: string; name: string } | null;
  userErrors: { field: string[] | null; code: 'DUPLICATE' | 'INVALID'; message: string; existingId: string | null }[];
};

function createAnswer(result: CreateResult, inputs: unknown[] = []) {
  return answer(CreateCompanyMutation).with((vars) => {
    inputs.push(vars.input);
    const company = result.company && {
      ...result.company,
      kind: 'EXPORTER' as const,
      country: 'RU',
      city: null,
      website: null,
      brands: [],
      notes: null,
      sectors: [],
      accountManager: null,
    };
    return {
      data: {
        createCompany: {
          __typename: 'CreateCompanyPayload',
          company,
          userErrors: result.userErrors.map((error) => ({ __typename: 'UserError' as const, ...error })),
        },
      },
    };
  });
}

/** The companies list at `url`, for an account manager unless `role` says otherwise, with `more` answers. */
function renderCompanies({
  url = '/companies',
  role,
  list = listAnswer(),
  more = [],
}: {
  url?: string;
  role?: 'ANALYST';
  list?: Answer;
  more?: Answer[];
} = {}) {
  const { link, calls } = scriptedLink(viewerAnswer(role), list, sectorsAnswer, usersAnswer, ...more);
  return { ...renderRoutes({ transport: link, url, routes }), calls };
}

async function fillCompanyForm() {
  fireEvent.click(await screen.findByRole('button', { name: 'New company' }));
  const dialog = await screen.findByRole('dialog', { name: 'New company' });
  fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Рыбный мир' } });
  fireEvent.change(within(dialog).getByLabelText('Kind'), { target: { value: 'EXPORTER' } });
  fireEvent.change(within(dialog).getByLabelText('Country'), { target: { value: 'RU' } });
  return dialog;
}

describe('CompaniesPage', () => {
  it('lists companies with Latin and Cyrillic names, kinds and localized countries', async () => {
    renderCompanies();

    const table = await screen.findByRole('table', { name: 'List of companies' });
    expect(within(table).getByRole('link', { name: 'Atlas Santé Distribution' }).getAttribute('href')).toBe(
      '/companies/c1',
    );
    expect(within(table).getByRole('link', { name: 'Агрокомплекс' })).toBeTruthy();
    expect(within(table).getByText('Morocco')).toBeTruthy();
    expect(within(table).getByText('Russia')).toBeTruthy();
    expect(within(table).getByText('Exporter')).toBeTruthy();
    expect(within(table).getByText('Caviar and fish conserves')).toBeTruthy();
    expect(within(table).getByText('Camille Durand')).toBeTruthy();
    expect(screen.getByText('2 companies')).toBeTruthy();
  });

  it('searches as the user types, with the text kept in the URL', async () => {
    const variables: { filter?: { search?: string } }[] = [];
    const { router } = renderCompanies({ list: listAnswer(variables) });

    fireEvent.change(await screen.findByRole('searchbox', { name: 'Search companies' }), {
      target: { value: 'societe' },
    });

    await waitFor(() => expect(variables.at(-1)?.filter?.search).toBe('societe'));
    expect(router.state.location.search).toBe('?q=societe');
  });

  it('starts from the search in the URL', async () => {
    const variables: { filter?: { search?: string } }[] = [];
    renderCompanies({ url: '/companies?q=%D0%B0%D0%B3%D1%80%D0%BE', list: listAnswer(variables) });

    expect(await screen.findByRole('searchbox', { name: 'Search companies' })).toHaveProperty('value', 'агро');
    expect(variables[0]?.filter?.search).toBe('агро');
  });

  it('sorts on the server when a column header is clicked', async () => {
    const variables: { orderBy?: unknown }[] = [];
    const { router } = renderCompanies({ list: listAnswer(variables) });

    await screen.findByRole('table', { name: 'List of companies' });
    expect(variables[0]?.orderBy).toEqual({ field: 'NAME', direction: 'ASC' });

    fireEvent.click(screen.getByRole('button', { name: /^Name/ }));
    await waitFor(() => expect(variables.at(-1)?.orderBy).toEqual({ field: 'NAME', direction: 'DESC' }));
    expect(router.state.location.search).toBe('?sort=-name');

    fireEvent.click(screen.getByRole('button', { name: /^Added/ }));
    await waitFor(() => expect(variables.at(-1)?.orderBy).toEqual({ field: 'CREATED_AT', direction: 'ASC' }));
  });

  it('creates a company and opens its page', async () => {
    const inputs: unknown[] = [];
    const { router } = renderCompanies({
      more: [
        createAnswer({ company: { __typename: 'Company', id: 'c9', name: 'Рыбный мир' }, userErrors: [] }, inputs),
      ],
    });

    const dialog = await fillCompanyForm();
    fireEvent.click(within(dialog).getByLabelText('Caviar and fish conserves'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create company' }));

    expect(await screen.findByText('Company page')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/companies/c9');
    expect(inputs).toEqual([
      expect.objectContaining({ name: 'Рыбный мир', kind: 'EXPORTER', country: 'RU', sectorIds: ['sector-fish'] }),
    ]);
  });

  it('shows a userError under the name field and keeps the form open', async () => {
    renderCompanies({
      more: [
        createAnswer({
          company: null,
          userErrors: [
            { field: ['input', 'name'], code: 'INVALID', message: 'The name is too long.', existingId: null },
          ],
        }),
      ],
    });

    const dialog = await fillCompanyForm();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create company' }));

    const message = await within(dialog).findByText('The name is too long.');
    const name = within(dialog).getByLabelText('Name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toContain(message.id);
    expect(within(dialog).getByRole('button', { name: 'Create company' })).toHaveProperty('disabled', false);
  });

  it('links to the existing company on DUPLICATE', async () => {
    renderCompanies({
      more: [
        createAnswer({
          company: null,
          userErrors: [
            {
              field: ['input', 'name'],
              code: 'DUPLICATE',
              message: 'A company with this name already exists.',
              existingId: 'c2',
            },
          ],
        }),
      ],
    });

    const dialog = await fillCompanyForm();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create company' }));

    expect(await within(dialog).findByText('A company with this name already exists.')).toBeTruthy();
    expect(within(dialog).getByRole('link', { name: 'Open the existing company' }).getAttribute('href')).toBe(
      '/companies/c2',
    );
  });

  it('asks for the required fields before calling the server', async () => {
    const { calls } = renderCompanies();

    fireEvent.click(await screen.findByRole('button', { name: 'New company' }));
    const dialog = await screen.findByRole('dialog', { name: 'New company' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create company' }));

    expect(await within(dialog).findAllByText('This field is required.')).toHaveLength(3);
    expect(calls).not.toContain('CreateCompany');
  });

  it('hides creation from analysts', async () => {
    renderCompanies({ role: 'ANALYST' });

    await screen.findByRole('table', { name: 'List of companies' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'New company' })).toBeNull());
  });

  it('offers "New company" when there are none yet', async () => {
    renderCompanies({ list: listAnswer([], []) });

    expect(await screen.findByText('No companies yet')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'New company' })).toHaveLength(2));
  });
});
