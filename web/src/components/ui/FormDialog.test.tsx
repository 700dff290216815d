import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderRoutes } from '../../test/renderWithProviders';
import { scriptedLink } from '../../test/scriptedLink';
import { FormDialog } from './FormDialog';
import { TextField } from './TextField';

function renderDialog(props: Partial<Parameters<typeof FormDialog>[0]> = {}) {
  const onSubmit = vi.fn();
  const onClose = vi.fn();
  renderRoutes({
    transport: scriptedLink().link,
    routes: [
      {
        path: '/',
        element: (
          <FormDialog title="New task" onClose={onClose} onSubmit={onSubmit} submitLabel="Create" {...props}>
            <TextField label="Title" />
          </FormDialog>
        ),
      },
    ],
  });
  return { onSubmit, onClose, dialog: screen.getByRole('dialog', { name: 'New task' }) };
}

describe('FormDialog', () => {
  it('submits the form from its footer button and cancels', () => {
    const { onSubmit, onClose, dialog } = renderDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('shows the messages tied to no field above the fields', () => {
    const { dialog } = renderDialog({ formErrors: ['Mission is closed.', 'Try another.'], saving: true });
    expect(within(dialog).getByRole('alert').textContent).toContain('Mission is closed. Try another.');
    expect(within(dialog).getByRole('button', { name: 'Create' }).hasAttribute('disabled')).toBe(true);
  });

  it('shows a result in place of the form, with one button that closes', () => {
    const { onClose, dialog } = renderDialog({ result: { content: <p>Link ready</p>, doneLabel: 'Done' } });
    expect(within(dialog).queryByLabelText('Title')).toBeNull();
    expect(within(dialog).getByText('Link ready')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
