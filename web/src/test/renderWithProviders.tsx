import type { ApolloClient, ApolloLink } from '@apollo/client';
import { render } from '@testing-library/react';
import { createMemoryRouter, type RouteObject, RouterProvider } from 'react-router';
import { AppProviders } from '../app/providers';
import { createApolloClient } from '../lib/apollo/client';
import { createI18n } from '../lib/i18n/i18n';
import type { Language } from '../lib/i18n/languages';
import { resources } from '../lib/i18n/resources';

export interface RenderOptions {
  transport: ApolloLink;
  routes: RouteObject[];
  url?: string;
  language?: Language;
  onUnauthenticated?: () => void;
}

/** Renders routes with the app's real providers and Apollo client, over a fake transport. */
export function renderRoutes({ transport, routes, url = '/', language = 'en', onUnauthenticated }: RenderOptions) {
  const client: ApolloClient = createApolloClient({ transport, onUnauthenticated: onUnauthenticated ?? (() => {}) });
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const i18n = createI18n(language, resources);
  const view = render(
    <AppProviders client={client} i18n={i18n}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, client, router, i18n };
}
