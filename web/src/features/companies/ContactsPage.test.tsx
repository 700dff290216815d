import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { viewerAnswer } from '../../test/fixtures';
import { renderRoutes } from '../../test/renderWithProviders';
import { answer, scriptedLink } from '../../test/scriptedLink';
import { ContactsPage } from './ContactsPage';
import { ContactsPageQuery, UpdateContactMutation } from './graphql/contacts';
import { pageInfo } from './testFixtures';

const company = { __typename: 'Company' as const, id: 'c1', name: 'Fish World', kind: 'EXPORTER' as const };
const contact = {
  __typename: 'Contact' as const,
  id: 'p1',
  fullName: 'Наталья Козлова',
  jobTitle: 'Директор по экспорту',
  email: 'n.kozlova@fish-world.example',
  phone: '+7 495 000-11-10',
  languages: ['ru', 'fr'],
  createdAt: '2026-03-09T10:00:00Z',
  company,
};

function listAnswer(variables: unknown[] = []) {
  return answer(ContactsPageQuery).with((vars) => {
    variables.push(vars);
    return {
      data: { contacts: { __typename: 'ContactConnection', totalCount: 1, pageInfo, nodes: [contact] } },
    };
  });
}

const routes = [{ path: '/contacts', element: <ContactsPage /> }];

describe('ContactsPage', () => {
  it('lists contacts with their company, and sorts and searches on the server', async () => {
    const variables: { orderBy?: unknown; filter?: { search?: string } }[] = [];
    const { link } = scriptedLink(viewerAnswer(), listAnswer(variables));
    const { router } = renderRoutes({ transport: link, url: '/contacts', routes });

    const table = await screen.findByRole('table', { name: 'List of contacts' });
    expect(within(table).getByText('Наталья Козлова')).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'Fish World' }).getAttribute('href')).toBe('/companies/c1');
    expect(within(table).getByRole('link', { name: 'n.kozlova@fish-world.example' })).toBeTruthy();
    expect(screen.getByText('1 contact')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /^Name/ }));
    await waitFor(() => expect(variables.at(-1)?.orderBy).toEqual({ field: 'FULL_NAME', direction: 'DESC' }));

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search contacts' }), { target: { value: 'козл' } });
    await waitFor(() => expect(variables.at(-1)?.filter?.search).toBe('козл'));
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('козл');
  });

  it('edits a contact and keeps the dialog open on a userError', async () => {
    const { link } = scriptedLink(
      viewerAnswer(),
      listAnswer(),
      answer(UpdateContactMutation).with(() => ({
        data: {
          updateContact: {
            __typename: 'UpdateContactPayload',
            contact: null,
            userErrors: [
              {
                __typename: 'UserError',
                field: ['input', 'fullName'],
                code: 'INVALID',
                message: 'The name is too long.',
                existingId: null,
              },
            ],
          },
        },
      })),
    );
    renderRoutes({ transport: link, url: '/contacts', routes });

    fireEvent.click(await screen.findByRole('button', { name: 'Edit Наталья Козлова' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit contact' });
    expect(within(dialog).getByLabelText('Full name')).toHaveProperty('value', 'Наталья Козлова');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await within(dialog).findByText('The name is too long.')).toBeTruthy();
    expect(within(dialog).getByLabelText('Full name').getAttribute('aria-invalid')).toBe('true');
  });
});
