import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { createApp } from './app/createApp';
import { AppProviders } from './app/providers';
import { createI18n, loadResources } from './lib/i18n/i18n';
import { startupLanguage } from './lib/i18n/languages';
import './styles/tokens.css';
import './styles/base.css';

// An explicit choice in the picker first, else the last signed-in user's language, else the
// browser's languages; once the viewer is known, their own language (useViewerLanguage).
const language = startupLanguage(navigator.languages);
const i18n = createI18n(language, await loadResources(language));
const { client, router } = createApp();

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

createRoot(root).render(
  <AppProviders client={client} i18n={i18n}>
    <RouterProvider router={router} />
  </AppProviders>,
);
