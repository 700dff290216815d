import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../test/sign-in.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

/**
 * The refusals of shared code that is given no context (a page size out of range, a cursor that
 * is not one of the list's) and of the analytics' deal filter answer in the request's language,
 * as userErrors do (shared/messages/localized-errors.test.ts).
 */
let server: TestServer;
let manager: string;

/** The one error of a refused query, as its client reads it. */
async function refusal(query: string, language?: string): Promise<{ message: string; code: unknown }> {
  const response = await server.gql(query, undefined, {
    cookie: manager,
    headers: language === undefined ? {} : { 'accept-language': language },
  });
  expect(response.data ?? null, query).toBeNull();
  expect(response.errors, query).toHaveLength(1);
  const [error] = response.errors!;
  return { message: error.message, code: error.extensions?.code };
}

beforeAll(async () => {
  server = await startTestServer();
  ({ manager } = await signIn(server, 'manager'));
});
afterAll(() => server?.close());

describe('a refused page or cursor speaks the language of the request', () => {
  it('a page size out of range: English by default, French, Russian', async () => {
    const query = '{ companies(first: 1000) { totalCount } }';
    expect(await refusal(query)).toEqual({ code: 'BAD_USER_INPUT', message: '`first` must be between 0 and 100.' });
    expect(await refusal(query, 'fr-FR,fr;q=0.9')).toEqual({
      code: 'BAD_USER_INPUT',
      message: '`first` doit être compris entre 0 et 100.',
    });
    expect(await refusal(query, 'ru')).toEqual({ code: 'BAD_USER_INPUT', message: '`first` должен быть от 0 до 100.' });
  });

  it('both page directions at once', async () => {
    const query = '{ companies(first: 5, last: 5) { totalCount } }';
    expect((await refusal(query)).message).toBe('Pass either `first` or `last`, not both.');
    expect((await refusal(query, 'fr')).message).toBe('Passez `first` ou `last`, pas les deux.');
    expect((await refusal(query, 'ru')).message).toBe('Передайте `first` или `last`, но не оба.');
  });

  it('the page size of a list with its own limit (duplicate candidates, 50)', async () => {
    const query = '{ duplicateCandidates(first: 51) { totalCount } }';
    expect((await refusal(query, 'ru')).message).toBe('`first` должен быть от 0 до 50.');
    expect((await refusal(query, 'fr')).message).toBe('`first` doit être compris entre 0 et 50.');
  });

  it('a cursor that is not one of the list’s', async () => {
    const query = '{ companies(first: 5, after: "not-a-cursor") { totalCount } }';
    expect(await refusal(query)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'The cursor is not valid for this list and order.',
    });
    expect((await refusal(query, 'fr')).message).toBe('Le curseur n’est pas valable pour cette liste et cet ordre.');
    expect((await refusal(query, 'ru')).message).toBe('Курсор не подходит для этого списка и порядка.');
  });

  it('an analytics report’s deal filter', async () => {
    const query = `{ exportValue(groupBy: [COUNTRY], from: "2024-01-01", to: "2024-12-31",
      filter: { titleContains: "${'x'.repeat(201)}" }) { rows { label } } }`;
    expect((await refusal(query, 'fr')).message).toBe('Le filtre titleContains compte au plus 200 caractères.');
    expect((await refusal(query, 'ru')).message).toBe('Фильтр titleContains — не длиннее 200 символов.');
  });
});
