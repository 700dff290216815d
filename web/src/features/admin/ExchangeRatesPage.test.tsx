import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '../../test/renderWithProviders';
import { answer, scriptedLink } from '../../test/scriptedLink';
import { ExchangeRatesPage } from './ExchangeRatesPage';
import { AdminExchangeRatesQuery, SetExchangeRateMutation } from './graphql/exchangeRates';

const ratesAsked: Record<string, unknown>[] = [];
const ratesAnswer = answer(AdminExchangeRatesQuery).with((variables) => {
  ratesAsked.push(variables);
  return {
    data: {
      agency: { __typename: 'Agency', id: 'agency-1', baseCurrency: 'RUB' },
      exchangeRates: {
        __typename: 'ExchangeRateConnection',
        totalCount: 2,
        pageInfo: {
          __typename: 'PageInfo',
          hasNextPage: false,
          hasPreviousPage: false,
          startCursor: 'a',
          endCursor: 'b',
        },
        nodes: [
          {
            __typename: 'ExchangeRate',
            id: 'r-1',
            currency: 'EUR',
            rate: '93.5',
            validOn: '2026-01-01',
            updatedAt: '2026-01-02T08:00:00Z',
          },
          {
            __typename: 'ExchangeRate',
            id: 'r-2',
            currency: 'USD',
            rate: '79.8',
            validOn: '2026-01-01',
            updatedAt: '2026-01-02T08:00:00Z',
          },
        ],
      },
    },
  };
});

const route = { path: '/admin/exchange-rates', element: <ExchangeRatesPage /> };

describe('ExchangeRatesPage', () => {
  it('lists rates to the base currency and shows a refused rate at its field', async () => {
    const sent: unknown[] = [];
    const message = 'rate must be greater than 0, with at most 14 digits before the point and 10 after';
    const { link } = scriptedLink(
      ratesAnswer,
      answer(SetExchangeRateMutation).with((vars) => {
        sent.push(vars);
        return {
          data: {
            setExchangeRate: {
              __typename: 'SetExchangeRatePayload',
              exchangeRate: null,
              userErrors: [{ __typename: 'UserError', field: ['input', 'rate'], code: 'INVALID', message }],
            },
          },
        };
      }),
    );
    renderRoutes({ transport: link, url: '/admin/exchange-rates', routes: [route] });
    const ui = userEvent.setup();

    const table = await screen.findByRole('table', { name: 'Exchange rates' });
    expect(within(table).getByText('93.50')).toBeTruthy();
    expect(within(table).getAllByText('RUB')).toHaveLength(2);

    await ui.click(screen.getByRole('button', { name: 'Set a new rate for EUR' }));
    const dialog = screen.getByRole('dialog', { name: 'Set an exchange rate' });
    expect((within(dialog).getByLabelText('Currency') as HTMLInputElement).value).toBe('EUR');
    const validOn = within(dialog).getByLabelText('Valid from');
    await ui.clear(validOn);
    await ui.type(validOn, '2026-07-01');
    await ui.type(within(dialog).getByLabelText('Value of 1 EUR in RUB'), '0.00000000001');
    await ui.click(within(dialog).getByRole('button', { name: 'Save rate' }));

    const error = await within(dialog).findByText(message);
    const rate = within(dialog).getByLabelText('Value of 1 EUR in RUB');
    expect(rate.getAttribute('aria-invalid')).toBe('true');
    expect(rate.getAttribute('aria-describedby')).toContain(error.id);
    expect(sent).toEqual([{ input: { currency: 'EUR', validOn: '2026-07-01', rate: '0.00000000001' } }]);
    // The dialog stays open with what was typed.
    await waitFor(() => expect(screen.getByRole('dialog', { name: 'Set an exchange rate' })).toBeTruthy());
  });

  it('keeps its currency filter and order in the URL, so a reload shows the same list', async () => {
    ratesAsked.length = 0;
    const { link } = scriptedLink(ratesAnswer);
    renderRoutes({ transport: link, url: '/admin/exchange-rates?currencies=eur&sort=currency', routes: [route] });

    await screen.findByRole('table', { name: 'Exchange rates' });
    expect((screen.getByLabelText('Currencies') as HTMLInputElement).value).toBe('eur');
    expect(ratesAsked[0]).toMatchObject({
      filter: { currencies: ['EUR'] },
      orderBy: { field: 'CURRENCY', direction: 'ASC' },
    });
  });
});
