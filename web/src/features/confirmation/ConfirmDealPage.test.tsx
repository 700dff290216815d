import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderRoutes } from '../../test/renderWithProviders';
import { answer, scriptedLink } from '../../test/scriptedLink';
import { ConfirmDealPage } from './ConfirmDealPage';
import { AnswerDealConfirmationMutation, DealConfirmationRequestQuery } from './graphql/confirmation';

const routes = [{ path: '/confirm/:token', element: <ConfirmDealPage /> }];

function request(locale: 'fr' | 'en' | 'ru') {
  return answer(DealConfirmationRequestQuery).with(() => ({
    data: {
      dealConfirmationRequest: {
        __typename: 'PublicDealConfirmation',
        locale,
        agencyName: 'Моспром',
        exporterName: 'Nex-T LLC',
        contactName: 'Ольга Петрова',
        dealTitle: 'Зарядные станции для Касабланки',
        recordedValue: { __typename: 'Money', amount: '1500000.00', currency: 'RUB' },
        recordedClosedOn: '2026-09-15',
        destinationCountry: 'MA',
        expiresAt: '2026-10-22T09:00:00Z',
      },
    },
  }));
}

describe('ConfirmDealPage', () => {
  it('speaks the language of the link, whatever the browser’s, and shows the deal as recorded', async () => {
    const { link } = scriptedLink(request('ru'));
    renderRoutes({ transport: link, url: '/confirm/tok-ru', routes, language: 'en' });

    expect(
      await screen.findByRole('heading', { name: 'Моспром просит вас подтвердить сделку', level: 1 }),
    ).toBeTruthy();
    expect(document.documentElement.lang).toBe('ru');
    expect(screen.getByText(/Здравствуйте, Ольга Петрова!/)).toBeTruthy();

    const deal = screen.getByRole('region', { name: 'Сделка в том виде, как она записана' });
    expect(within(deal).getByText('Зарядные станции для Касабланки')).toBeTruthy();
    expect(within(deal).getByText('Nex-T LLC')).toBeTruthy();
    expect(within(deal).getByText(/^1\s500\s000,00\s₽$/)).toBeTruthy();
    expect(within(deal).getByText('15 сентября 2026 г.')).toBeTruthy();
    expect(within(deal).getByText('Марокко')).toBeTruthy();

    expect(screen.getByRole('group', { name: 'Всё верно?' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Да, как записано' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Насколько важной была помощь агентства?' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Состоялась бы сделка без агентства?' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Да, Моспром может приводить эту сделку как пример' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Отправить ответ' })).toBeTruthy();
  });

  it('sends a corrected amount with the answers, then thanks the contact', async () => {
    const sent: unknown[] = [];
    const { link } = scriptedLink(
      request('ru'),
      answer(AnswerDealConfirmationMutation).with((variables) => {
        sent.push(variables);
        return {
          data: {
            answerDealConfirmation: {
              __typename: 'AnswerDealConfirmationPayload',
              status: 'CORRECTED',
              userErrors: [],
            },
          },
        };
      }),
    );
    renderRoutes({ transport: link, url: '/confirm/tok-ru', routes, language: 'en' });
    const ui = userEvent.setup();

    await ui.click(await screen.findByRole('radio', { name: 'Сделка состоялась, но с другой суммой или датой' }));
    const amount = screen.getByLabelText('Сумма') as HTMLInputElement;
    expect(amount.value).toBe('1500000.00');
    expect((screen.getByLabelText('Валюта') as HTMLInputElement).value).toBe('RUB');
    expect((screen.getByLabelText('Дата подписания') as HTMLInputElement).value).toBe('2026-09-15');

    // The recorded figures are not a correction.
    await ui.click(screen.getByRole('button', { name: 'Отправить ответ' }));
    expect(
      screen.getByText('Это записанные данные: измените что-нибудь или выберите «Да, как записано».'),
    ).toBeTruthy();
    expect(sent).toEqual([]);

    await ui.clear(amount);
    await ui.type(amount, '1 750 000,50');
    await ui.click(screen.getByRole('radio', { name: '4 Сильно' }));
    await ui.click(screen.getByRole('radio', { name: 'Позже или в меньшем объёме' }));
    await ui.click(screen.getByRole('checkbox', { name: 'Да, Моспром может приводить эту сделку как пример' }));
    await ui.type(screen.getByLabelText('Комментарий (необязательно)'), 'Контракт подписан на выставке.');
    await ui.click(screen.getByRole('button', { name: 'Отправить ответ' }));

    expect(await screen.findByRole('heading', { name: 'Спасибо, Ольга Петрова!' })).toBeTruthy();
    expect(screen.getByText('Ваш ответ получен агентством «Моспром».')).toBeTruthy();
    expect(screen.getByText('Исправленные данные сохранены.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Отправить ответ' })).toBeNull();
    expect(sent).toEqual([
      {
        input: {
          token: 'tok-ru',
          answer: 'CORRECTED',
          amount: '1750000.50',
          currency: 'RUB',
          closedOn: '2026-09-15',
          helpRating: 4,
          additionality: 'LATER_OR_SMALLER',
          caseStudyAllowed: true,
          comment: 'Контракт подписан на выставке.',
        },
      },
    ]);
  });

  it('shows the server’s refusal at its field', async () => {
    const { link } = scriptedLink(
      request('en'),
      answer(AnswerDealConfirmationMutation).with(() => ({
        data: {
          answerDealConfirmation: {
            __typename: 'AnswerDealConfirmationPayload',
            status: null,
            userErrors: [
              {
                __typename: 'UserError',
                field: ['input', 'helpRating'],
                code: 'INVALID',
                message: 'Give a rating from 1 to 5.',
              },
            ],
          },
        },
      })),
    );
    renderRoutes({ transport: link, url: '/confirm/tok-en', routes, language: 'fr' });
    const ui = userEvent.setup();

    await ui.click(await screen.findByRole('radio', { name: 'Yes, as recorded' }));
    await ui.click(screen.getByRole('button', { name: 'Send my answer' }));

    const rating = screen.getByRole('group', { name: 'How much did the agency’s help matter?' });
    expect(await within(rating).findByText('Give a rating from 1 to 5.')).toBeTruthy();
    expect(rating.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('button', { name: 'Send my answer' })).toBeTruthy();
  });

  it('says when the link no longer works', async () => {
    const { link } = scriptedLink(
      answer(DealConfirmationRequestQuery).with(() => ({ data: { dealConfirmationRequest: null } })),
    );
    renderRoutes({ transport: link, url: '/confirm/used-token', routes });

    expect(await screen.findByRole('heading', { name: 'This link no longer works' })).toBeTruthy();
    expect(screen.getByText('It was answered already or it expired.')).toBeTruthy();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send my answer' })).toBeNull();
  });

  it('says how long to wait after too many attempts', async () => {
    const { link, calls } = scriptedLink(
      answer(DealConfirmationRequestQuery).with(() => ({
        data: null,
        errors: [
          {
            message: 'Too many attempts.',
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 42 },
          },
        ],
      })),
    );
    renderRoutes({ transport: link, url: '/confirm/tok-en', routes });

    expect(await screen.findByText('Too many attempts from your network. Try again in 42 seconds.')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(calls.filter((name) => name === 'DealConfirmationRequest')).toHaveLength(2));
  });
});
