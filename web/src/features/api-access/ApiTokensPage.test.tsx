import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '../../test/renderWithProviders';
import { answer, scriptedLink } from '../../test/scriptedLink';
import { ApiTokensPage } from './ApiTokensPage';
import { ApiTokensQuery, CreateApiTokenMutation } from './graphql/apiTokens';

const notebook = {
  __typename: 'ApiToken' as const,
  id: 't-1',
  name: 'Jupyter notebook',
  prefix: 'crm_ab12',
  createdAt: '2026-11-01T10:00:00Z',
  expiresAt: '2099-01-30T10:00:00Z',
  lastUsedAt: '2026-11-20T16:45:00Z' as string | null,
  revokedAt: null,
};
const powerBi = { ...notebook, id: 't-2', name: 'Power BI', prefix: 'crm_cd34', lastUsedAt: null };
const SECRET = 'crm_cd34_s3cr3t-value-shown-once';

describe('ApiTokensPage', () => {
  it('shows a new token’s secret once, and never again after closing', async () => {
    let tokens: (typeof notebook | typeof powerBi)[] = [notebook];
    const sent: unknown[] = [];
    const { link } = scriptedLink(
      answer(ApiTokensQuery).with(() => ({ data: { apiTokens: tokens } })),
      answer(CreateApiTokenMutation).with((vars) => {
        sent.push(vars);
        tokens = [powerBi, notebook];
        return {
          data: {
            createApiToken: { __typename: 'CreateApiTokenPayload', apiToken: powerBi, secret: SECRET, userErrors: [] },
          },
        };
      }),
    );
    renderRoutes({
      transport: link,
      url: '/api-access',
      routes: [{ path: '/api-access', element: <ApiTokensPage /> }],
    });
    const ui = userEvent.setup();

    const table = await screen.findByRole('table', { name: 'My tokens' });
    expect(within(table).getByText('Jupyter notebook')).toBeTruthy();
    expect(within(table).getByText('Active')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: /Open GraphiQL/ })[0].getAttribute('href')).toBe('/graphiql');
    expect(
      (screen.getByLabelText('Example (the token in the CRM_TOKEN variable)') as HTMLTextAreaElement).value,
    ).toContain('Authorization: Bearer $CRM_TOKEN');

    await ui.click(screen.getAllByRole('button', { name: 'New token' })[0]);
    const dialog = screen.getByRole('dialog', { name: 'New API token' });
    await ui.type(within(dialog).getByLabelText('Name'), 'Power BI');
    await ui.selectOptions(within(dialog).getByLabelText('Expires in'), '30');
    await ui.click(within(dialog).getByRole('button', { name: 'Create token' }));

    const shown = await screen.findByRole('dialog', { name: 'Your new token' });
    expect((within(shown).getByLabelText('Secret of token “Power BI”') as HTMLInputElement).value).toBe(SECRET);
    expect(within(shown).getByText(/shown only once/)).toBeTruthy();
    expect((within(shown).getByLabelText('Try it with curl') as HTMLTextAreaElement).value).toContain(
      `Authorization: Bearer ${SECRET}`,
    );
    expect(sent).toEqual([{ input: { name: 'Power BI', expiresInDays: 30 } }]);

    await ui.click(within(shown).getByRole('button', { name: 'I have copied the token' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await within(table).findByText('Power BI')).toBeTruthy();
    expect(within(table).getByText('Never used')).toBeTruthy();
    expect(document.body.textContent).not.toContain(SECRET);
    expect(screen.queryByDisplayValue(SECRET)).toBeNull();
  });
});
