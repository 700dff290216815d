import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ViewerQuery } from '../../lib/session/viewer';
import { viewer } from '../../test/fixtures';
import { renderRoutes } from '../../test/renderWithProviders';
import { answer, scriptedLink } from '../../test/scriptedLink';
import { AcceptInvitationMutation, InvitationQuery } from './graphql/invitation';
import { InvitationPage } from './InvitationPage';

const routes = [
  { path: '/invitation/:token', element: <InvitationPage /> },
  { path: '/', element: <p>Dashboard</p> },
  { path: '/sign-in', element: <p>Sign-in page</p> },
];

const invitation = answer(InvitationQuery).with(() => ({
  data: {
    invitation: {
      __typename: 'Invitation',
      email: 'camille@apex.example',
      fullName: 'Camille Durand',
      expiresAt: '2026-12-02T10:00:00Z',
      purpose: 'INVITATION',
      agencyName: 'Agence de promotion des exportations',
      locale: 'en',
    },
  },
}));

describe('InvitationPage', () => {
  it('says when a link is invalid or expired', async () => {
    const { link } = scriptedLink(answer(InvitationQuery).with(() => ({ data: { invitation: null } })));
    renderRoutes({ transport: link, url: '/invitation/used-token', routes });

    expect(await screen.findByRole('heading', { name: 'This link is not valid' })).toBeTruthy();
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(screen.getByRole('link', { name: 'Go to sign-in' }).getAttribute('href')).toBe('/sign-in');
  });

  it('checks the passwords, then activates the account, signs in and opens the app', async () => {
    const accepted: unknown[] = [];
    const { link, calls } = scriptedLink(
      invitation,
      answer(AcceptInvitationMutation).with((vars) => {
        accepted.push(vars);
        return { data: { acceptInvitation: { __typename: 'AcceptInvitationPayload', user: viewer, userErrors: [] } } };
      }),
      answer(ViewerQuery).with(() => ({ data: { viewer } })),
    );
    const { client, router } = renderRoutes({ transport: link, url: '/invitation/tok-123', routes });
    const ui = userEvent.setup();

    expect(await screen.findByRole('heading', { name: 'Welcome, Camille Durand' })).toBeTruthy();
    expect(screen.getByText(/camille@apex\.example/)).toBeTruthy();
    expect(screen.getByText(/join Agence de promotion des exportations/)).toBeTruthy();

    await ui.type(screen.getByLabelText('Password'), 'short');
    await ui.type(screen.getByLabelText('Confirm the password'), 'other');
    await ui.click(screen.getByRole('button', { name: 'Activate my account' }));
    expect(screen.getByText('The password needs at least 10 characters.')).toBeTruthy();
    expect(screen.getByText('The two passwords do not match.')).toBeTruthy();
    expect(accepted).toEqual([]);

    await ui.clear(screen.getByLabelText('Password'));
    await ui.type(screen.getByLabelText('Password'), 'a long enough password');
    await ui.clear(screen.getByLabelText('Confirm the password'));
    await ui.type(screen.getByLabelText('Confirm the password'), 'a long enough password');
    await ui.click(screen.getByRole('button', { name: 'Activate my account' }));

    expect(await screen.findByText('Dashboard')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
    expect(accepted).toEqual([{ input: { token: 'tok-123', password: 'a long enough password' } }]);
    expect(client.readQuery({ query: ViewerQuery })).toEqual({ viewer });
    expect(calls).toContain('Viewer');
  });

  it('shows a refused password under its field', async () => {
    const { link } = scriptedLink(
      invitation,
      answer(AcceptInvitationMutation).with(() => ({
        data: {
          acceptInvitation: {
            __typename: 'AcceptInvitationPayload',
            user: null,
            userErrors: [
              { __typename: 'UserError', field: ['input', 'password'], code: 'INVALID', message: 'Too common.' },
            ],
          },
        },
      })),
    );
    renderRoutes({ transport: link, url: '/invitation/tok-123', routes });
    const ui = userEvent.setup();

    await ui.type(await screen.findByLabelText('Password'), 'password1234');
    await ui.type(screen.getByLabelText('Confirm the password'), 'password1234');
    await ui.click(screen.getByRole('button', { name: 'Activate my account' }));

    const message = await screen.findByText('Too common.');
    expect(screen.getByLabelText('Password').getAttribute('aria-describedby')).toContain(message.id);
  });

  it('greets the invitee in the language their admin chose, unless this browser has one', async () => {
    const russian = answer(InvitationQuery).with(() => ({
      data: {
        invitation: {
          __typename: 'Invitation',
          email: 'anna@apex.example',
          fullName: 'Анна Петрова',
          expiresAt: '2026-12-02T10:00:00Z',
          purpose: 'INVITATION',
          agencyName: 'Моспром',
          locale: 'ru',
        },
      },
    }));
    const { link } = scriptedLink(russian);
    const { i18n } = renderRoutes({ transport: link, url: '/invitation/tok-ru', routes });
    expect(await screen.findByRole('heading', { name: 'Добро пожаловать, Анна Петрова' })).toBeTruthy();
    expect(i18n.language).toBe('ru');
  });
});
