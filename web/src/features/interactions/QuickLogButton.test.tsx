import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CompanyPickerSearchQuery } from '../../components/pickers/graphql';
import { ViewerQuery } from '../../lib/session/viewer';
import { viewer } from '../../test/fixtures';
import { renderRoutes } from '../../test/renderWithProviders';
import { type Answer, answer, scriptedLink } from '../../test/scriptedLink';
import { LogInteractionMutation, QuickLogContextQuery } from './graphql/quickLog';
import { QuickLogButton } from './QuickLogButton';

const routes = [
  { path: '/', element: <QuickLogButton /> },
  { path: '/companies/:companyId', element: <QuickLogButton /> },
  { path: '/pipeline', element: <p>Pipeline page</p> },
];

const viewerAs = (role: 'ACCOUNT_MANAGER' | 'ANALYST') =>
  answer(ViewerQuery).with(() => ({ data: { viewer: { ...viewer, role } } }));

const exporterPage = answer(QuickLogContextQuery).with(() => ({
  data: { company: { __typename: 'Company', id: 'e1', name: 'Рыбный мир', kind: 'EXPORTER' } },
}));

const search = answer(CompanyPickerSearchQuery).with(() => ({
  data: {
    companies: {
      __typename: 'CompanyConnection',
      nodes: [
        { __typename: 'Company', id: 'c2', name: 'Épiceries Al Wafa', kind: 'RETAILER', country: 'MA', city: null },
      ],
    },
  },
}));

function logged(input: Record<string, unknown>) {
  return {
    data: {
      logInteraction: {
        __typename: 'LogInteractionPayload' as const,
        interaction: {
          __typename: 'Interaction' as const,
          id: 'i9',
          kind: 'MEETING' as const,
          subject: String(input.subject),
          occurredAt: String(input.occurredAt),
          startsAt: (input.startsAt as string) ?? null,
          endsAt: (input.endsAt as string) ?? null,
          status: 'HELD' as const,
        },
        userErrors: [],
      },
    },
  };
}

function render(url: string, ...answers: Answer[]) {
  const { link, calls } = scriptedLink(...answers);
  return { ...renderRoutes({ transport: link, routes, url }), calls };
}

describe('QuickLogButton', () => {
  it('opens with the L key, but not while the user types', async () => {
    render('/', viewerAs('ACCOUNT_MANAGER'));
    const button = await screen.findByRole('button', { name: 'Log interaction' });
    expect(button.getAttribute('aria-keyshortcuts')).toBe('L');

    const input = document.createElement('input');
    document.body.append(input);
    fireEvent.keyDown(input, { key: 'l' });
    expect(screen.queryByRole('dialog')).toBeNull();
    input.remove();

    fireEvent.keyDown(document.body, { key: 'l' });
    expect(await screen.findByRole('dialog', { name: 'Log an interaction' })).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Meeting' }) as HTMLInputElement).checked).toBe(true);
  });

  it('logs a meeting for the company of the page, then offers to create a deal from it', async () => {
    const inputs: Record<string, unknown>[] = [];
    const { router } = render(
      '/companies/e1',
      viewerAs('ACCOUNT_MANAGER'),
      exporterPage,
      search,
      answer(LogInteractionMutation).with((vars) => {
        inputs.push(vars.input as Record<string, unknown>);
        return logged(vars.input as Record<string, unknown>);
      }),
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Log interaction' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log an interaction' });
    const exporter = within(dialog).getByRole('combobox', { name: 'Exporter' }) as HTMLInputElement;
    await waitFor(() => expect(exporter.value).toBe('Рыбный мир'));

    const counterpart = within(dialog).getByRole('combobox', { name: 'Counterpart' });
    fireEvent.focus(counterpart);
    fireEvent.change(counterpart, { target: { value: 'wafa' } });
    fireEvent.mouseDown(await screen.findByRole('option', { name: /Épiceries Al Wafa/ }));

    fireEvent.change(within(dialog).getByLabelText('Date and time'), { target: { value: '2026-03-10T09:30' } });
    fireEvent.change(within(dialog).getByLabelText('Duration'), { target: { value: '45' } });
    fireEvent.change(within(dialog).getByLabelText('Summary'), { target: { value: 'Intéressés par la gamme.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Log meeting' }));

    expect(await screen.findByText('Meeting logged')).toBeTruthy();
    const start = new Date(2026, 2, 10, 9, 30);
    expect(inputs).toEqual([
      {
        kind: 'MEETING',
        exporterId: 'e1',
        counterpartId: 'c2',
        subject: 'Meeting with Épiceries Al Wafa',
        notes: 'Intéressés par la gamme.',
        occurredAt: start.toISOString(),
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 45 * 60_000).toISOString(),
        status: 'HELD',
      },
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Create a deal from this meeting' }));
    expect(await screen.findByText('Pipeline page')).toBeTruthy();
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/pipeline?fromInteraction=i9');
  });

  it('shows an agenda clash at the date field and keeps the form open', async () => {
    render(
      '/companies/e1',
      viewerAs('ACCOUNT_MANAGER'),
      exporterPage,
      answer(LogInteractionMutation).with(() => ({
        data: {
          logInteraction: {
            __typename: 'LogInteractionPayload',
            interaction: null,
            userErrors: [
              {
                __typename: 'UserError',
                field: ['input', 'startsAt'],
                code: 'CONFLICT',
                message: 'Рыбный мир already has a meeting at 09:30.',
                existingId: 'i1',
              },
            ],
          },
        },
      })),
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Log interaction' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log an interaction' });
    const exporter = within(dialog).getByRole('combobox', { name: 'Exporter' }) as HTMLInputElement;
    await waitFor(() => expect(exporter.value).toBe('Рыбный мир'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Log meeting' }));

    const message = await within(dialog).findByText('Рыбный мир already has a meeting at 09:30.');
    const when = within(dialog).getByLabelText('Date and time');
    expect(when.getAttribute('aria-invalid')).toBe('true');
    expect(when.getAttribute('aria-describedby')).toContain(message.id);
    expect(within(dialog).getByRole('button', { name: 'Log meeting' })).toHaveProperty('disabled', false);
  });

  it('asks for the exporter before calling the server', async () => {
    const { calls } = render('/', viewerAs('ACCOUNT_MANAGER'));
    fireEvent.click(await screen.findByRole('button', { name: 'Log interaction' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log an interaction' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Call' }));
    expect(within(dialog).queryByLabelText('Duration')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Log call' }));

    expect(await within(dialog).findByText('This field is required.')).toBeTruthy();
    expect(calls).not.toContain('QuickLogInteraction');
  });

  it('is not offered to analysts, by button or by key', async () => {
    const { calls } = render('/', viewerAs('ANALYST'));
    await waitFor(() => expect(calls).toContain('Viewer'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(screen.queryByRole('button', { name: 'Log interaction' })).toBeNull();
    fireEvent.keyDown(document.body, { key: 'l' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
