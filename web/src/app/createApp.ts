import type { ApolloClient, ApolloLink } from '@apollo/client';
import { SIGN_IN_PATH, signInPath } from '../features/auth/signInPath';
import { createApolloClient } from '../lib/apollo/client';
import { DEFAULT_LANGUAGE } from '../lib/i18n/languages';
import { type AppRouter, createAppRouter } from './router';

/**
 * Wires the one Apollo Client to the router: a lost session anywhere sends the user to
 * sign in, with the page they were on as `next`, and forgets the previous user's data.
 */
export function createApp(options: { transport?: ApolloLink } = {}): { client: ApolloClient; router: AppRouter } {
  let router: AppRouter | undefined;

  const client = createApolloClient({
    transport: options.transport,
    // i18n keeps <html lang> on the UI language.
    language: () => document.documentElement.lang || DEFAULT_LANGUAGE,
    onUnauthenticated() {
      if (!router) return;
      const { pathname, search, hash } = router.state.location;
      if (pathname === SIGN_IN_PATH) return;
      void router
        .navigate(signInPath(`${pathname}${search}${hash}`, { expired: true }), { replace: true })
        .then(() => client.clearStore());
    },
  });
  router = createAppRouter();
  return { client, router };
}
