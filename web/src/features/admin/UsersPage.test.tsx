import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role, UserStatus } from '../../gql/graphql';
import { renderRoutes } from '../../test/renderWithProviders';
import { answer, scriptedLink } from '../../test/scriptedLink';
import { AdminUsersQuery, DeactivateUserMutation, InviteUserMutation, SetUserRoleMutation } from './graphql/users';
import { UsersPage } from './UsersPage';

function user(id: string, fullName: string, email: string, role: Role, status: UserStatus = 'ACTIVE') {
  return {
    __typename: 'User' as const,
    id,
    fullName,
    email,
    role,
    status,
    active: status === 'ACTIVE',
    lastLoginAt: status === 'ACTIVE' ? '2026-11-20T09:30:00Z' : null,
    deactivatedAt: status === 'DEACTIVATED' ? '2026-10-01T09:30:00Z' : null,
    createdAt: '2026-01-10T09:30:00Z',
  };
}

const irina = user('u-admin', 'Ирина Соколова', 'admin@mosprom.demo', 'ADMIN');
const alexei = user('u-manager', 'Alexeï Morozov', 'manager@mosprom.demo', 'ACCOUNT_MANAGER');
const maria = user('u-invited', 'Мария Кузнецова', 'analyst@mosprom.demo', 'ANALYST', 'INVITED');

const usersAsked: Record<string, unknown>[] = [];
const usersAnswer = answer(AdminUsersQuery).with((variables) => {
  usersAsked.push(variables);
  return {
    data: {
      viewer: { __typename: 'User', id: 'u-admin' },
      users: {
        __typename: 'UserConnection',
        totalCount: 3,
        pageInfo: {
          __typename: 'PageInfo',
          hasNextPage: false,
          hasPreviousPage: false,
          startCursor: 'a',
          endCursor: 'c',
        },
        nodes: [alexei, irina, maria],
      },
    },
  };
});

const route = { path: '/admin/users', element: <UsersPage /> };

describe('UsersPage', () => {
  it('lists the users with their role and status, and shows the invitation link once created', async () => {
    const invited: unknown[] = [];
    const { link } = scriptedLink(
      usersAnswer,
      answer(InviteUserMutation).with((vars) => {
        invited.push(vars);
        return {
          data: {
            inviteUser: {
              __typename: 'InviteUserPayload',
              user: user('u-new', 'Camille Durand', 'camille@apex.example', 'ANALYST', 'INVITED'),
              link: {
                __typename: 'OneTimeLink',
                path: '/invitation/tok-123',
                expiresAt: '2026-12-02T10:00:00Z',
                purpose: 'INVITATION',
              },
              userErrors: [],
            },
          },
        };
      }),
    );
    renderRoutes({ transport: link, url: '/admin/users', routes: [route] });

    const table = await screen.findByRole('table', { name: 'Users' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[2]).getByText('Ирина Соколова')).toBeTruthy();
    expect(within(rows[2]).getByText('(you)')).toBeTruthy();
    expect(within(rows[3]).getByText('Invited')).toBeTruthy();
    expect(within(rows[1]).getByText('Active')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Role of Мария Кузнецова' }) as HTMLSelectElement).value).toBe(
      'ANALYST',
    );
    expect(screen.getByText('3 users')).toBeTruthy();

    const ui = userEvent.setup();
    await ui.click(screen.getByRole('button', { name: 'Invite user' }));
    const dialog = screen.getByRole('dialog', { name: 'Invite a user' });
    await ui.type(within(dialog).getByLabelText('Full name'), 'Camille Durand');
    await ui.type(within(dialog).getByLabelText('E-mail address'), 'camille@apex.example');
    await ui.selectOptions(within(dialog).getByLabelText('Role'), 'ANALYST');
    // The invitee's language starts as the admin's (English here); they speak Russian.
    expect((within(dialog).getByLabelText('Language') as HTMLSelectElement).value).toBe('en');
    await ui.selectOptions(within(dialog).getByLabelText('Language'), 'ru');
    await ui.click(within(dialog).getByRole('button', { name: 'Create invitation' }));

    const done = await screen.findByRole('dialog', { name: 'Invitation created' });
    const linkField = within(done).getByLabelText('Invitation link') as HTMLInputElement;
    expect(linkField.value).toBe(`${window.location.origin}/invitation/tok-123`);
    expect(within(done).getByText(/shown only once/)).toBeTruthy();
    expect(within(done).getByRole('button', { name: 'Copy' })).toBeTruthy();
    expect(invited).toEqual([
      { input: { email: 'camille@apex.example', fullName: 'Camille Durand', role: 'ANALYST', locale: 'ru' } },
    ]);
  });

  it('changes a role with setUserRole', async () => {
    const calls: unknown[] = [];
    const { link } = scriptedLink(
      usersAnswer,
      answer(SetUserRoleMutation).with((vars) => {
        calls.push(vars);
        return {
          data: {
            setUserRole: { __typename: 'SetUserRolePayload', user: { ...alexei, role: 'ANALYST' }, userErrors: [] },
          },
        };
      }),
    );
    renderRoutes({ transport: link, url: '/admin/users', routes: [route] });

    const select = (await screen.findByRole('combobox', { name: 'Role of Alexeï Morozov' })) as HTMLSelectElement;
    await userEvent.setup().selectOptions(select, 'ANALYST');

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls).toEqual([{ input: { userId: 'u-manager', role: 'ANALYST' } }]);
    await waitFor(() => expect(select.value).toBe('ANALYST'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says why the last active admin keeps the role', async () => {
    const message = 'This is the last active admin of the agency: make someone else admin first.';
    const { link } = scriptedLink(
      usersAnswer,
      answer(SetUserRoleMutation).with(() => ({
        data: {
          setUserRole: {
            __typename: 'SetUserRolePayload',
            user: null,
            userErrors: [{ __typename: 'UserError', field: ['input', 'userId'], code: 'CONFLICT', message }],
          },
        },
      })),
    );
    renderRoutes({ transport: link, url: '/admin/users', routes: [route] });

    const select = (await screen.findByRole('combobox', { name: 'Role of Ирина Соколова' })) as HTMLSelectElement;
    await userEvent.setup().selectOptions(select, 'ANALYST');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(message);
    expect(alert.textContent).toContain('Ирина Соколова');
    // The select shows the role the user still has.
    expect(select.value).toBe('ADMIN');
  });

  it('keeps its search, filters and order in the URL, so a reload shows the same list', async () => {
    usersAsked.length = 0;
    const { link } = scriptedLink(usersAnswer);
    renderRoutes({
      transport: link,
      url: '/admin/users?q=mor&status=inactive&role=ANALYST&sort=-email',
      routes: [route],
    });

    await screen.findByRole('table', { name: 'Users' });
    expect((screen.getByRole('searchbox', { name: 'Search' }) as HTMLInputElement).value).toBe('mor');
    expect((screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe('inactive');
    expect((screen.getByRole('combobox', { name: 'Role' }) as HTMLSelectElement).value).toBe('ANALYST');
    expect(usersAsked[0]).toMatchObject({
      filter: { nameOrEmailContains: 'mor', active: false, roles: ['ANALYST'] },
      orderBy: { field: 'EMAIL', direction: 'DESC' },
    });
  });

  it("asks before deactivating a user, and keeps the dialog open with the server's refusal", async () => {
    const sent: unknown[] = [];
    const { link } = scriptedLink(
      usersAnswer,
      answer(DeactivateUserMutation).with((variables) => {
        sent.push(variables);
        return {
          data: {
            deactivateUser: {
              __typename: 'DeactivateUserPayload',
              user: null,
              userErrors: [
                { __typename: 'UserError', field: ['input', 'userId'], code: 'CONFLICT', message: 'Not now.' },
              ],
            },
          },
        };
      }),
    );
    renderRoutes({ transport: link, url: '/admin/users', routes: [route] });
    const ui = userEvent.setup();

    await ui.click(await screen.findByRole('button', { name: 'Deactivate Alexeï Morozov' }));
    const dialog = screen.getByRole('dialog', { name: 'Deactivate Alexeï Morozov?' });
    await ui.click(within(dialog).getByRole('button', { name: 'Deactivate' }));

    expect(await within(dialog).findByText('Not now.')).toBeTruthy();
    expect(sent).toEqual([{ input: { userId: 'u-manager' } }]);
    await ui.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
