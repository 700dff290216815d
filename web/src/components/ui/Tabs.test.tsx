import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Tabs, tabId } from './Tabs';

const ITEMS = [
  { id: 'delegation', label: 'Delegation', count: 6 },
  { id: 'agenda', label: 'Agenda' },
  { id: 'outcome', label: 'Outcome' },
] as const;

function Harness() {
  const [selected, setSelected] = useState<(typeof ITEMS)[number]['id']>('delegation');
  return (
    <>
      <Tabs label="Mission" prefix="t" items={ITEMS} selected={selected} onSelect={setSelected} panelId="panel" />
      <div role="tabpanel" id="panel" aria-labelledby={tabId('t', selected)}>
        {selected} panel
      </div>
    </>
  );
}

describe('Tabs', () => {
  it('selects by click, and by arrow keys (wrapping), Home and End, moving the focus along', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(screen.getByRole('tab', { name: /^Delegation\s*6$/ }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: /^Delegation\s*6$/ }).textContent).toBe('delegation panel');

    await user.click(screen.getByRole('tab', { name: 'Agenda' }));
    expect(screen.getByRole('tabpanel').textContent).toBe('agenda panel');

    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Outcome' }));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: /^Delegation\s*6$/ }));
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Outcome' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Home}');
    expect(screen.getByRole('tabpanel').textContent).toBe('delegation panel');
    await user.keyboard('{End}');
    expect(screen.getByRole('tabpanel').textContent).toBe('outcome panel');
    // Only the selected tab is in the page's tab order.
    expect(screen.getAllByRole('tab').map((tab) => tab.tabIndex)).toEqual([-1, -1, 0]);
  });
});
