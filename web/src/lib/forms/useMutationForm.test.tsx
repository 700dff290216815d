import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { resources } from '../i18n/resources';
import { type MutationPayload, useMutationForm } from './useMutationForm';

type Send = () => Promise<MutationPayload | null>;

function NameForm({ send, onClose, name = 'Atlas' }: { send: Send; onClose: () => void; name?: string }) {
  const form = useMutationForm(['name']);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit(send, { check: { name: name ? undefined : 'Required' }, onSuccess: onClose });
      }}
    >
      {form.formErrors.length > 0 && <p role="alert">{form.formErrors.join(' ')}</p>}
      <label>
        Name
        <input aria-describedby="name-error" defaultValue={name} />
      </label>
      <p id="name-error" data-testid="name-error">
        {form.errors.name ?? ''}
      </p>
      <button type="submit" disabled={form.saving}>
        Save
      </button>
    </form>
  );
}

function renderForm(send: Send, name?: string) {
  const onClose = vi.fn();
  render(
    <I18nextProvider i18n={createI18n('en', resources)}>
      <NameForm send={send} onClose={onClose} name={name} />
    </I18nextProvider>,
  );
  return onClose;
}

async function save() {
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
}

describe('useMutationForm', () => {
  it('shows userErrors at their fields by path, the others above the form, and stays open', async () => {
    const onClose = renderForm(async () => ({
      userErrors: [
        { field: ['input', 'name'], code: 'DUPLICATE', message: 'This name is taken.' },
        { field: ['input', 'sectorIds'], code: 'INVALID', message: 'Unknown sector.' },
        { field: null, code: 'FORBIDDEN', message: 'Not allowed.' },
      ],
    }));
    await save();

    expect(screen.getByTestId('name-error').textContent).toBe('This name is taken.');
    expect(screen.getByRole('alert').textContent).toBe('Unknown sector. Not allowed.');
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(false);
  });

  it('closes on success, with no message left', async () => {
    const onClose = renderForm(async () => ({ userErrors: [] }));
    await save();

    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('name-error').textContent).toBe('');
  });

  it('sends nothing while a check before sending fails', async () => {
    const send = vi.fn(async () => ({ userErrors: [] }));
    const onClose = renderForm(send, '');
    await save();

    expect(send).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByTestId('name-error').textContent).toBe('Required');
  });

  it('says so above the form when the request fails, and lets the user try again', async () => {
    const onClose = renderForm(async () => {
      throw new Error('Failed to fetch');
    });
    await save();

    expect(screen.getByRole('alert').textContent).toBe('The server cannot be reached. Check your connection.');
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(false);
  });
});
