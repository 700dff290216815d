import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { storeLanguage } from '../../lib/i18n/languages';
import { ViewerQuery } from '../../lib/session/viewer';
import { viewer } from '../../test/fixtures';
import { renderRoutes } from '../../test/renderWithProviders';
import { answer, scriptedLink } from '../../test/scriptedLink';
import { SignInMutation } from './graphql/session';
import { SignInPage } from './SignInPage';

const signInRoute = { path: '/sign-in', element: <SignInPage /> };

function fillAndSubmit(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('E-mail address'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

function refused(field: string[] | null, message: string) {
  return answer(SignInMutation).with(() => ({
    data: {
      login: {
        __typename: 'LoginPayload',
        viewer: null,
        userErrors: [{ __typename: 'UserError', field, code: 'INVALID', message }],
      },
    },
  }));
}

const accepted = answer(SignInMutation).with(() => ({
  data: { login: { __typename: 'LoginPayload', viewer, userErrors: [] } },
}));

/** A user whose own language is Russian signs in on an English page and reaches home. */
async function signInAsRussianSpeaker() {
  const { link } = scriptedLink(
    answer(SignInMutation).with(() => ({
      data: { login: { __typename: 'LoginPayload', viewer: { ...viewer, locale: 'ru' }, userErrors: [] } },
    })),
  );
  const { i18n } = renderRoutes({
    transport: link,
    url: '/sign-in',
    routes: [signInRoute, { path: '/', element: <p>home</p> }],
  });
  fillAndSubmit('camille@apex.example', 'secret');
  await screen.findByText('home');
  return i18n;
}

describe('SignInPage', () => {
  it("switches to the user's own language when nobody chose one on this browser", async () => {
    const i18n = await signInAsRussianSpeaker();
    expect(i18n.language).toBe('ru');
  });

  it('keeps the language chosen on this browser', async () => {
    storeLanguage('en');
    const i18n = await signInAsRussianSpeaker();
    expect(i18n.language).toBe('en');
  });

  it("shows the server's message when the e-mail or password is wrong", async () => {
    const { link } = scriptedLink(refused(null, 'Wrong e-mail or password.'));
    renderRoutes({ transport: link, url: '/sign-in', routes: [signInRoute] });

    fillAndSubmit('camille@apex.example', 'not-the-password');

    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Wrong e-mail or password.');
    expect(screen.getByLabelText('E-mail address')).toHaveProperty('value', 'camille@apex.example');
  });

  it('says how long to wait when too many sign-ins failed (RATE_LIMITED)', async () => {
    const { link } = scriptedLink(
      answer(SignInMutation).with(() => ({
        data: null,
        errors: [
          {
            message: 'Too many failed sign-ins.',
            extensions: { code: 'RATE_LIMITED', limit: 'account', retryAfterSeconds: 14 * 60 + 5 },
          },
        ],
      })),
    );
    renderRoutes({ transport: link, url: '/sign-in', routes: [signInRoute] });

    fillAndSubmit('camille@apex.example', 'guess');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /^Too many failed sign-ins for this account or from this network\. Try again in 15 min/,
    );
  });

  it('says the server is busy, with the seconds to wait, in the UI language', async () => {
    const { link } = scriptedLink(
      answer(SignInMutation).with(() => ({
        data: null,
        errors: [{ message: 'busy', extensions: { code: 'RATE_LIMITED', limit: 'busy', retryAfterSeconds: 1 } }],
      })),
    );
    renderRoutes({ transport: link, url: '/sign-in', routes: [signInRoute], language: 'fr' });

    fireEvent.change(screen.getByLabelText('Adresse e-mail'), { target: { value: 'camille@apex.example' } });
    fireEvent.change(screen.getByLabelText('Mot de passe'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /^Le serveur est occupé à connecter d’autres personnes\. Réessayez dans 1\s?s\.$/,
    );
  });

  it('puts a field error under its field', async () => {
    const { link } = scriptedLink(refused(['input', 'email'], 'Not an e-mail address.'));
    renderRoutes({ transport: link, url: '/sign-in', routes: [signInRoute] });

    fillAndSubmit('camille', 'secret');

    const message = await screen.findByText('Not an e-mail address.');
    const email = screen.getByLabelText('E-mail address');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe(message.id);
  });

  it('asks for both fields before calling the server', async () => {
    const { link, calls } = scriptedLink();
    renderRoutes({ transport: link, url: '/sign-in', routes: [signInRoute] });

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findAllByText('This field is required.')).toHaveLength(2);
    expect(calls).toEqual([]);
  });

  it('stores the viewer in the cache and returns to the page in `next`', async () => {
    const variables: unknown[] = [];
    const { link, calls } = scriptedLink(
      answer(SignInMutation).with((vars) => {
        variables.push(vars);
        return { data: { login: { __typename: 'LoginPayload', viewer, userErrors: [] } } };
      }),
    );
    const { client } = renderRoutes({
      transport: link,
      url: '/sign-in?next=%2Fmissions%3Fyear%3D2026',
      routes: [signInRoute, { path: '/missions', element: <p>Missions page</p> }],
    });

    fillAndSubmit(' camille@apex.example ', 'secret');

    expect(await screen.findByText('Missions page')).toBeTruthy();
    expect(variables).toEqual([{ input: { email: 'camille@apex.example', password: 'secret' } }]);
    expect(client.readQuery({ query: ViewerQuery })).toEqual({ viewer });
    expect(calls).toEqual(['SignIn']);
  });

  it('never follows `next` off this site', async () => {
    const { link } = scriptedLink(accepted);
    const { router } = renderRoutes({
      transport: link,
      url: '/sign-in?next=%2F%2Fevil.example%2Fphish',
      routes: [signInRoute, { path: '/', element: <p>Home page</p> }],
    });

    fillAndSubmit('camille@apex.example', 'secret');

    expect(await screen.findByText('Home page')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
  });
});
