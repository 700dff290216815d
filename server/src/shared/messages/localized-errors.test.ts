import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../test/sign-in.js';
import { type ResponseNode, startTestServer, type TestServer } from '../../test/test-server.js';

/** userError messages in the language of the request's Accept-Language header (English by default). */

let server: TestServer;
let manager: string;
let nexT: string;
let anfa: string;
let atlasSmart: string;

const CREATE_COMPANY = `mutation($input: CreateCompanyInput!) {
  createCompany(input: $input) { company { id } userErrors { field code message existingId } }
}`;
const LOG = `mutation($input: LogInteractionInput!) {
  logInteraction(input: $input) { interaction { id } userErrors { field code message existingId } }
}`;

async function errors(query: string, input: Record<string, unknown>, language?: string): Promise<ResponseNode[]> {
  const response = await server.gql(
    query,
    { input },
    {
      cookie: manager,
      headers: language === undefined ? {} : { 'accept-language': language },
    },
  );
  expect(response.errors).toBeUndefined();
  return (Object.values(response.data!)[0] as ResponseNode).userErrors;
}

beforeAll(async () => {
  server = await startTestServer();
  ({ manager } = await signIn(server, 'manager'));
  nexT = await server.idOf('company', 'name', 'Nex-T LLC');
  anfa = await server.idOf('company', 'name', 'Anfa Tech Distribution');
  atlasSmart = await server.idOf('company', 'name', 'Atlas Smart Solutions');
});
afterAll(() => server?.close());

describe('a refused mutation speaks the language of the request', () => {
  const duplicate = { name: 'NEX T  llc', kind: 'EXPORTER', country: 'RU' };

  it('a duplicate company: English by default, French, Russian', async () => {
    const expected = { code: 'DUPLICATE', field: ['input', 'name'], existingId: nexT };
    expect(await errors(CREATE_COMPANY, duplicate)).toEqual([
      { ...expected, message: 'A company with this name already exists in this country.' },
    ]);
    expect(await errors(CREATE_COMPANY, duplicate, 'fr')).toEqual([
      { ...expected, message: 'Une entreprise de ce nom existe déjà dans ce pays.' },
    ]);
    expect(await errors(CREATE_COMPANY, duplicate, 'ru')).toEqual([
      { ...expected, message: 'Компания с таким названием в этой стране уже есть.' },
    ]);
  });

  it('follows the preferred supported language of the header, and falls back to English', async () => {
    const message = async (header: string) => (await errors(CREATE_COMPANY, duplicate, header))[0].message;
    expect(await message('fr-FR,fr;q=0.9,en;q=0.8')).toBe('Une entreprise de ce nom existe déjà dans ce pays.');
    expect(await message('de-DE, ru;q=0.5, fr;q=0.4')).toBe('Компания с таким названием в этой стране уже есть.');
    expect(await message('de, it')).toBe('A company with this name already exists in this country.');
  });

  it('the rules of the input (class-validator): required and too long', async () => {
    const input = { name: '', kind: 'BUYER', country: 'MA', city: 'x'.repeat(121) };
    const byField = (list: ResponseNode[]) =>
      Object.fromEntries(list.map((error) => [error.field.join('.'), [error.code, error.message]]));
    expect(byField(await errors(CREATE_COMPANY, input, 'fr'))).toMatchObject({
      'input.name': ['REQUIRED', 'Ce champ est obligatoire.'],
      'input.city': ['INVALID', '120 caractères au maximum.'],
    });
    expect(byField(await errors(CREATE_COMPANY, input, 'ru'))).toMatchObject({
      'input.name': ['REQUIRED', 'Обязательное поле.'],
      'input.city': ['INVALID', 'Не более 120 символов.'],
    });
    expect(byField(await errors(CREATE_COMPANY, input))).toMatchObject({
      'input.name': ['REQUIRED', 'This field is required.'],
      'input.city': ['INVALID', 'At most 120 characters.'],
    });
  });

  it('an agenda conflict, names, subject and times interpolated', async () => {
    const meeting = (subject: string, counterpartId: string, from: string, to: string) => ({
      kind: 'MEETING',
      subject,
      exporterId: nexT,
      counterpartId,
      startsAt: `2033-05-17T${from}:00Z`,
      endsAt: `2033-05-17T${to}:00Z`,
    });
    expect(await errors(LOG, meeting('Rendez-vous X', anfa, '10:00', '11:00'))).toEqual([]);
    const clash = meeting('Rendez-vous Y', atlasSmart, '10:30', '11:30');
    const expected = { code: 'CONFLICT', field: ['input', 'startsAt'] };
    expect(await errors(LOG, clash, 'fr')).toEqual([
      expect.objectContaining({
        ...expected,
        message:
          'Conflit d’agenda : Nex-T LLC a déjà un rendez-vous le 17/05/2033 de 10:00 à 11:00 UTC, ' +
          '« Rendez-vous X » (Nex-T LLC avec Anfa Tech Distribution).',
      }),
    ]);
    expect(await errors(LOG, clash, 'ru')).toEqual([
      expect.objectContaining({
        ...expected,
        message:
          'Конфликт в расписании: 17.05.2033 с 10:00 до 11:00 UTC уже запланирована встреча «Rendez-vous X» ' +
          '(Nex-T LLC и Anfa Tech Distribution); заняты: Nex-T LLC.',
      }),
    ]);
    expect(await errors(LOG, clash)).toEqual([
      expect.objectContaining({
        ...expected,
        message:
          'Agenda conflict: Nex-T LLC already booked 2033-05-17 10:00–11:00 UTC in "Rendez-vous X" ' +
          '(Nex-T LLC with Anfa Tech Distribution).',
      }),
    ]);
  });
});
