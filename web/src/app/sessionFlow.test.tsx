import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignInMutation, SignOutMutation } from '../features/auth/graphql/session';
import { DashboardWorkQuery } from '../features/dashboard/graphql/dashboard';
import { emptyDashboardAnswers, noWork } from '../features/dashboard/testAnswers';
import { createI18n } from '../lib/i18n/i18n';
import { storeLanguage } from '../lib/i18n/languages';
import { resources } from '../lib/i18n/resources';
import { ViewerQuery } from '../lib/session/viewer';
import { viewer } from '../test/fixtures';
import { type Answer, answer, scriptedLink, unauthenticated } from '../test/scriptedLink';
import { createApp } from './createApp';
import { AppProviders } from './providers';

function renderApp(...answers: Answer[]) {
  const { link, calls } = scriptedLink(...answers);
  const { client, router } = createApp({ transport: link });
  render(
    <AppProviders client={client} i18n={createI18n('en', resources)}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { client, router, calls };
}

// The dashboard (the page at "/") with an agency that has no activity yet.
const dashboard = emptyDashboardAnswers();
const greeting = { level: 1, name: /Camille Durand/ } as const;

describe('the session across the app', () => {
  beforeEach(() => window.history.replaceState(null, '', '/?view=all'));
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('sends a visitor without a session to sign in, then back where they were', async () => {
    storeLanguage('en'); // chosen on this browser: it wins over the user's own language (fr)
    let signedIn = false;
    const { router } = renderApp(
      answer(ViewerQuery).with(() => ({ data: { viewer: signedIn ? viewer : null } })),
      answer(SignInMutation).with(() => {
        signedIn = true;
        return { data: { login: { __typename: 'LoginPayload', viewer, userErrors: [] } } };
      }),
      ...dashboard,
    );

    await screen.findByRole('heading', { name: 'Sign in' });
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?next=%2F%3Fview%3Dall');

    fireEvent.change(screen.getByLabelText('E-mail address'), { target: { value: viewer.email } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', greeting)).toBeTruthy();
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/?view=all');
    expect(await screen.findByText('No open tasks')).toBeTruthy();
  });

  it('shows a signed-in user their own language on every load, unless they chose one on this browser', async () => {
    renderApp(
      answer(ViewerQuery).with(() => ({ data: { viewer: { ...viewer, locale: 'ru' as const } } })),
      ...dashboard,
    );
    await waitFor(() => expect(document.documentElement.lang).toBe('ru'));
    expect(await screen.findByRole('link', { name: 'Перейти к основному содержимому' })).toBeTruthy();
  });

  it('on UNAUTHENTICATED from any operation, forgets the user and asks to sign in again', async () => {
    storeLanguage('en'); // chosen on this browser: it wins over the user's own language (fr)
    let expired = false;
    const { client, router } = renderApp(
      answer(ViewerQuery).with(() => (expired ? unauthenticated : { data: { viewer } })),
      ...dashboard.filter((a) => a.operationName !== 'DashboardWork'),
      answer(DashboardWorkQuery).with(() => (expired ? unauthenticated : noWork)),
    );
    await screen.findByText('No open tasks');

    // Any later request will do; a refetch of what is on screen is the simplest one.
    expired = true;
    void client.refetchQueries({ include: 'active' }).catch(() => {});

    expect(await screen.findByText('Your session has expired. Sign in again to continue.')).toBeTruthy();
    expect(router.state.location.search).toBe('?next=%2F%3Fview%3Dall&reason=expired');
    await waitFor(() => expect(client.cache.extract()).toEqual({}));
  });

  it('signs out: ends the session, leaves for sign-in and clears the cache', async () => {
    storeLanguage('en'); // chosen on this browser: it wins over the user's own language (fr)
    let signedIn = true;
    const { client, router, calls } = renderApp(
      answer(ViewerQuery).with(() => ({ data: { viewer: signedIn ? viewer : null } })),
      ...dashboard,
      answer(SignOutMutation).with(() => {
        signedIn = false;
        return { data: { logout: { __typename: 'LogoutPayload', ok: true } } };
      }),
    );

    await screen.findByRole('heading', greeting);
    // Sign-out lives in the user menu: open it first.
    fireEvent.click(screen.getByRole('button', { name: 'User menu for Camille Durand' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));

    await screen.findByRole('heading', { name: 'Sign in' });
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(calls).toContain('SignOut');
    await waitFor(() => expect(client.cache.extract()).toEqual({}));
  });
});
