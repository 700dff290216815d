import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '../../test/renderWithProviders';
import { answer, scriptedLink } from '../../test/scriptedLink';
import { type CompanyOption, CompanyPicker } from './CompanyPicker';
import { CompanyPickerSearchQuery } from './graphql';

const companies = [
  {
    __typename: 'Company' as const,
    id: 'c1',
    name: 'Агрокомплекс',
    kind: 'EXPORTER' as const,
    country: 'RU',
    city: 'Москва',
  },
  {
    __typename: 'Company' as const,
    id: 'c2',
    name: 'Atlas Société',
    kind: 'EXPORTER' as const,
    country: 'MA',
    city: null,
  },
];

function Harness({ onPick }: { onPick: (company: CompanyOption | null) => void }) {
  const [value, setValue] = useState<CompanyOption | null>(null);
  return (
    <CompanyPicker
      label="Exporter"
      kinds={['EXPORTER']}
      value={value}
      onChange={(company) => {
        setValue(company);
        onPick(company);
      }}
    />
  );
}

describe('CompanyPicker', () => {
  it('searches as the user types and picks with the keyboard', async () => {
    const searches: unknown[] = [];
    const { link } = scriptedLink(
      answer(CompanyPickerSearchQuery).with((variables) => {
        searches.push(variables.filter);
        return { data: { companies: { __typename: 'CompanyConnection', nodes: companies } } };
      }),
    );
    const picked: (CompanyOption | null)[] = [];
    renderRoutes({ transport: link, routes: [{ path: '/', element: <Harness onPick={(c) => picked.push(c)} /> }] });

    const input = await screen.findByRole('combobox', { name: 'Exporter' });
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'soc' } });
    expect(await screen.findByRole('option', { name: /Atlas Société/ })).toBeTruthy();
    await waitFor(() => expect(searches).toContainEqual({ search: 'soc', kinds: ['EXPORTER'] }));

    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(picked.at(-1)).toEqual({ id: 'c2', name: 'Atlas Société' });
    expect((input as HTMLInputElement).value).toBe('Atlas Société');
    expect(screen.queryByRole('listbox')).toBeNull();
  });
});
