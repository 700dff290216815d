import { screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { startupLanguage, storeLanguage } from '../../../lib/i18n/languages';
import { ViewerQuery } from '../../../lib/session/viewer';
import { viewer } from '../../../test/fixtures';
import { renderRoutes } from '../../../test/renderWithProviders';
import { answer, scriptedLink } from '../../../test/scriptedLink';
import { RequireViewer } from './RequireViewer';

/** A signed-in page that notes its heading each time it renders. */
function Page({ seen }: { seen: string[] }) {
  const { t } = useTranslation();
  seen.push(t('app.skipToContent'));
  return <h1>{t('app.skipToContent')}</h1>;
}

function renderSignedInPage(locale: 'fr' | 'en' | 'ru') {
  const seen: string[] = [];
  const { link } = scriptedLink(answer(ViewerQuery).with(() => ({ data: { viewer: { ...viewer, locale } } })));
  renderRoutes({
    transport: link,
    routes: [
      {
        path: '/',
        element: (
          <RequireViewer>
            <Page seen={seen} />
          </RequireViewer>
        ),
      },
    ],
    language: 'en',
  });
  return seen;
}

describe('a signed-in page after a reload', () => {
  it("shows the user's own language from its first render, never the browser's first", async () => {
    const seen = renderSignedInPage('ru');
    await screen.findByRole('heading', { name: 'Перейти к основному содержимому' });
    expect(seen.every((text) => text === 'Перейти к основному содержимому')).toBe(true);
    // The next page load starts in it, before the viewer is known.
    expect(startupLanguage(['fr-MA'])).toBe('ru');
  });

  it('keeps the language chosen in the picker on this browser', async () => {
    storeLanguage('en');
    const seen = renderSignedInPage('ru');
    await screen.findByRole('heading', { name: 'Skip to main content' });
    expect(seen.every((text) => text === 'Skip to main content')).toBe(true);
  });
});
