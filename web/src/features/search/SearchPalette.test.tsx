import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '../../test/renderWithProviders';
import { answer, scriptedLink } from '../../test/scriptedLink';
import { SearchPaletteQuery } from './graphql/search';
import { SearchPalette } from './SearchPalette';

const range = (start: number, length: number) => ({ __typename: 'TextRange' as const, start, length });

const HITS = [
  {
    __typename: 'SearchHitEdge' as const,
    cursor: 'c1',
    node: {
      __typename: 'SearchHit' as const,
      kind: 'CONTACT' as const,
      matchedField: 'NAME' as const,
      snippet: 'Овчинский Пётр',
      highlights: [range(0, 5)],
      node: {
        __typename: 'Contact' as const,
        id: 'p1',
        fullName: 'Овчинский Пётр',
        company: { __typename: 'Company' as const, id: 'fish', name: 'Fish World' },
      },
    },
  },
  {
    __typename: 'SearchHitEdge' as const,
    cursor: 'c2',
    node: {
      __typename: 'SearchHit' as const,
      kind: 'COMPANY' as const,
      matchedField: 'WEBSITE' as const,
      snippet: 'ovchinski-trading.ru',
      highlights: [range(0, 6)],
      node: { __typename: 'Company' as const, id: 'ot', name: 'Ovtchinski Trading', city: null, country: 'RU' },
    },
  },
];

function Where() {
  const location = useLocation();
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>;
}

function setup() {
  const queries: string[] = [];
  const { link } = scriptedLink(
    answer(SearchPaletteQuery).with((variables) => {
      queries.push(variables.query);
      const edges = variables.query.toLowerCase().startsWith('ovchin') ? HITS : [];
      return { data: { search: { __typename: 'SearchHitConnection', edges } } };
    }),
  );
  const layout = (
    <>
      <SearchPalette />
      <Where />
    </>
  );
  renderRoutes({
    transport: link,
    routes: [
      { path: '/', element: layout },
      { path: '/companies/:id', element: layout },
    ],
  });
  return { queries };
}

describe('SearchPalette', () => {
  it('opens on Ctrl+K, shows highlighted hits by kind, and opens the chosen record with the keyboard', async () => {
    const { queries } = setup();
    fireEvent.keyDown(document, { key: 'k', ctrlKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Search' });
    const input = within(dialog).getByRole('combobox', { name: 'Search companies, contacts, missions and deals' });
    expect(within(dialog).getByText(/Type a name in any script/)).toBeTruthy();

    fireEvent.change(input, { target: { value: 'ovchin' } });
    const contact = await within(dialog).findByRole('option', { name: /Овчинский Пётр/ });
    expect(queries).toEqual(['ovchin']);
    expect(contact.getAttribute('aria-selected')).toBe('true');
    expect(within(contact).getByText('Contact')).toBeTruthy();
    expect(within(contact).getByText('Fish World')).toBeTruthy();
    expect(contact.querySelector('mark')?.textContent).toBe('Овчин');
    const company = within(dialog).getByRole('option', { name: /Ovtchinski Trading/ });
    expect(within(company).getByText('Website:')).toBeTruthy();
    expect(company.querySelector('mark')?.textContent).toBe('ovchin');

    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(company.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(company.id);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'Enter' });
    // A contact opens its company's page.
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/companies/fish'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('has a launcher button, says when nothing matches, and closes', async () => {
    setup();
    fireEvent.click(await screen.findByRole('button', { name: /Search…/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Search' });
    fireEvent.change(within(dialog).getByRole('combobox'), { target: { value: 'zzz' } });
    expect(await within(dialog).findByText('No results for “zzz”.')).toBeTruthy();
    expect(within(dialog).queryAllByRole('option')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
