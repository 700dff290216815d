import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportPhase } from '../../../gql/graphql';
import type { Language } from '../../../lib/i18n/languages';
import { renderRoutes } from '../../../test/renderWithProviders';
import { answer, scriptedLink } from '../../../test/scriptedLink';
import { ImportProgressQuery } from '../graphql/progress';
import { RunProgress } from './RunProgress';

type State = { phase: ImportPhase; done: number; total: number } | null;

/** Renders the bar over a fake server whose importProgress answers what `server.state` says at each poll. */
function renderBar(label: string, first: State, language: Language = 'en') {
  const server = { state: first, asked: [] as unknown[] };
  const { link } = scriptedLink(
    answer(ImportProgressQuery).with((variables) => {
      server.asked.push(variables);
      return {
        data: { importProgress: server.state && { __typename: 'ImportProgress' as const, ...server.state } },
      };
    }),
  );
  renderRoutes({
    transport: link,
    routes: [{ path: '/', element: <RunProgress fileId="file-1" label={label} /> }],
    language,
  });
  return server;
}

const bar = () => screen.getByRole('progressbar');

describe('RunProgress', () => {
  it('is indeterminate until the server says how far it got, then shows the phase and the numbers', async () => {
    const server = renderBar('Importing the rows', null);
    expect(bar().getAttribute('aria-label')).toBe('Importing the rows');
    expect(bar().hasAttribute('value')).toBe(false);
    await waitFor(() => expect(server.asked).toContainEqual({ fileId: 'file-1' }));
    expect(bar().hasAttribute('value')).toBe(false);

    server.state = { phase: 'CHECKING', done: 1500, total: 5000 };
    await waitFor(() => expect(screen.getByRole('progressbar', { name: 'Checking the rows' })).toBeTruthy());
    expect(bar().getAttribute('aria-valuenow')).toBe('30');
    expect(bar().getAttribute('aria-valuemax')).toBe('100');
    expect(bar().getAttribute('value')).toBe('30');
    expect(screen.getByText('Checking the rows — 1,500 / 5,000 rows (30 %)')).toBeTruthy();

    server.state = { phase: 'WRITING', done: 4000, total: 5000 };
    await waitFor(() => expect(screen.getByRole('progressbar', { name: 'Writing the records' })).toBeTruthy());
    expect(bar().getAttribute('aria-valuenow')).toBe('80');
    expect(bar().getAttribute('aria-valuetext')).toBe('4,000 / 5,000 records');

    // Polled by a process that runs nothing for the file: back to the indeterminate bar.
    server.state = null;
    await waitFor(() => expect(screen.getByRole('progressbar', { name: 'Importing the rows' })).toBeTruthy());
    expect(bar().hasAttribute('aria-valuenow')).toBe(false);
  });

  it('speaks the UI language', async () => {
    renderBar('Vérification des lignes', { phase: 'CHECKING', done: 2500, total: 10000 }, 'fr');
    await waitFor(() => expect(screen.getByRole('progressbar', { name: 'Vérification des lignes' })).toBeTruthy());
    await waitFor(() => expect(bar().getAttribute('aria-valuenow')).toBe('25'));
    expect(bar().getAttribute('aria-valuetext')).toMatch(/^2\s500 \/ 10\s000 lignes$/u);
  });

  it("ignores a finished run it did not see running (the previous run's, kept a minute)", async () => {
    const server = renderBar('Checking the rows', { phase: 'DONE', done: 40, total: 40 });
    await waitFor(() => expect(server.asked.length).toBeGreaterThan(1));
    expect(bar().hasAttribute('value')).toBe(false);
    server.state = { phase: 'MATCHING', done: 0, total: 0 };
    await waitFor(() =>
      expect(screen.getByRole('progressbar', { name: 'Loading the CRM records to compare' })).toBeTruthy(),
    );
    server.state = { phase: 'DONE', done: 40, total: 40 };
    await waitFor(() => expect(screen.getByRole('progressbar', { name: 'Finishing' })).toBeTruthy());
    expect(bar().getAttribute('aria-valuenow')).toBe('100');
  });
});
