import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '../../test/renderWithProviders';
import { scriptedLink } from '../../test/scriptedLink';
import { ExportMenu } from './ExportMenu';
import { exportUrl } from './exportUrl';

function params(href: string | null): URLSearchParams {
  return new URL(href ?? '', 'http://localhost').searchParams;
}

describe('ExportMenu', () => {
  it('offers CSV and Excel downloads of the list with the page’s filter, order and language', () => {
    const { link } = scriptedLink();
    const element = (
      <ExportMenu
        list="companies"
        filter={{ kinds: ['EXPORTER'], search: undefined }}
        orderBy={{ field: 'NAME', direction: 'DESC' }}
      />
    );
    renderRoutes({ transport: link, routes: [{ path: '/', element }], language: 'fr' });
    const button = screen.getByRole('button', { name: 'Exporter' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('link')).toBeNull();

    fireEvent.click(button);
    const csv = screen.getByRole('link', { name: 'CSV (Excel)' });
    const xlsx = screen.getByRole('link', { name: 'Excel (.xlsx)' });
    expect(csv.getAttribute('href')).toMatch(/^\/export\/companies\.csv\?/);
    expect(xlsx.getAttribute('href')).toMatch(/^\/export\/companies\.xlsx\?/);
    expect(csv.hasAttribute('download')).toBe(true);
    const query = params(csv.getAttribute('href'));
    expect(JSON.parse(query.get('filter')!)).toEqual({ kinds: ['EXPORTER'] });
    expect(JSON.parse(query.get('orderBy')!)).toEqual({ field: 'NAME', direction: 'DESC' });
    expect(query.get('lang')).toBe('fr');

    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('builds mission lists’ URLs, and leaves out an empty filter', () => {
    const query = params(
      exportUrl('agenda', 'csv', { missionId: 'm1', day: '2026-12-03', filter: {} }, 'ru', 'Europe/Moscow'),
    );
    expect(Object.fromEntries(query)).toEqual({ missionId: 'm1', day: '2026-12-03', lang: 'ru', tz: 'Europe/Moscow' });
  });
});
