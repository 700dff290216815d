import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignInMutation, SignOutMutation } from '../features/auth/graphql/session';
import { HomePageQuery } from '../features/home/graphql/homePage';
import { createI18n } from '../lib/i18n/i18n';
import { ViewerQuery } from '../lib/session/viewer';
import { viewer } from '../test/fixtures';
import { type Answer, answer, scriptedLink, unauthenticated } from '../test/scriptedLink';
import { createApp } from './createApp';
import { AppProviders } from './providers';

function renderApp(...answers: Answer[]) {
  const { link, calls } = scriptedLink(...answers);
  const { client, router } = createApp({ transport: link });
  render(
    <AppProviders client={client} i18n={createI18n('en')}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { client, router, calls };
}

const homePage = answer(HomePageQuery).with(() => ({ data: { viewer } }));

describe('the session across the app', () => {
  beforeEach(() => window.history.replaceState(null, '', '/?view=all'));
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('sends a visitor without a session to sign in, then back where they were', async () => {
    let signedIn = false;
    const { router } = renderApp(
      answer(ViewerQuery).with(() => ({ data: { viewer: signedIn ? viewer : null } })),
      answer(SignInMutation).with(() => {
        signedIn = true;
        return { data: { login: { __typename: 'LoginPayload', viewer, userErrors: [] } } };
      }),
      homePage,
    );

    await screen.findByRole('heading', { name: 'Sign in' });
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?next=%2F%3Fview%3Dall');

    fireEvent.change(screen.getByLabelText('E-mail address'), { target: { value: viewer.email } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Welcome, Camille Durand' })).toBeTruthy();
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/?view=all');
    expect(screen.getByText('Account manager')).toBeTruthy();
    expect(screen.getByText(viewer.agency.name, { selector: 'dd' })).toBeTruthy();
  });

  it('on UNAUTHENTICATED from any operation, forgets the user and asks to sign in again', async () => {
    let expired = false;
    const { client, router } = renderApp(
      answer(ViewerQuery).with(() => (expired ? unauthenticated : { data: { viewer } })),
      answer(HomePageQuery).with(() => (expired ? unauthenticated : { data: { viewer } })),
    );
    await screen.findByRole('heading', { name: 'Welcome, Camille Durand' });

    // Any later request will do; a refetch of what is on screen is the simplest one.
    expired = true;
    void client.refetchQueries({ include: 'active' }).catch(() => {});

    expect(await screen.findByText('Your session has expired. Sign in again to continue.')).toBeTruthy();
    expect(router.state.location.search).toBe('?next=%2F%3Fview%3Dall&reason=expired');
    await waitFor(() => expect(client.cache.extract()).toEqual({}));
  });

  it('signs out: ends the session, leaves for sign-in and clears the cache', async () => {
    let signedIn = true;
    const { client, router, calls } = renderApp(
      answer(ViewerQuery).with(() => ({ data: { viewer: signedIn ? viewer : null } })),
      homePage,
      answer(SignOutMutation).with(() => {
        signedIn = false;
        return { data: { logout: { __typename: 'LogoutPayload', ok: true } } };
      }),
    );

    await screen.findByRole('heading', { name: 'Welcome, Camille Durand' });
    // The home page's button (the user menu holds a second one, hidden until opened).
    fireEvent.click(screen.getAllByRole('button', { name: 'Sign out' })[0] as HTMLElement);

    await screen.findByRole('heading', { name: 'Sign in' });
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(calls).toContain('SignOut');
    await waitFor(() => expect(client.cache.extract()).toEqual({}));
  });
});
