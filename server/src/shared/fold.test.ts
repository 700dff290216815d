import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { emailDomain, fold, websiteDomain } from './fold.js';

const NAMES = [
  'Овчинский',
  'Ovtchinski',
  'OVCHINSKY',
  'Société Générale',
  'Фиш Ворлд',
  'FISH WORLD LLC',
  'Михайлов Щукин Maxim',
  'Intermobility.EVa',
  'Усманов / Oussmanov',
  'Зерно-Экспорт «Юг»',
  'Ёлка Объединённая',
  'Crème brûlée & Cie',
  'Kühne+Nagel',
];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
});
afterAll(() => server?.close());

describe('fold', () => {
  it('gives the same form as the database for Latin, accented and Cyrillic names', async () => {
    const rows = await server.sql<{ folded: string }>(
      'select crm_fold(name) as folded from jsonb_array_elements_text(?::jsonb) with ordinality as t(name, n) order by n',
      [JSON.stringify(NAMES)],
    );
    expect(rows.map((row) => row.folded)).toEqual(NAMES.map(fold));
  });

  it('folds the spellings of one Russian name together', () => {
    expect(new Set(['Овчинский', 'Ovtchinski', 'Ovchinsky', 'ovchinskiy'].map(fold))).toEqual(new Set(['ovchinski']));
    expect(fold('Société Générale')).toBe(fold('societe generale'));
  });

  it('reads domains from websites and e-mail addresses', () => {
    expect(websiteDomain('https://www.FishWorld.ma/contact')).toBe('fishworld.ma');
    expect(websiteDomain('fishworld.ma')).toBe('fishworld.ma');
    expect(websiteDomain('n/a')).toBeNull();
    expect(emailDomain('Ivan.Petrov@Fish-World.ru')).toBe('fish-world.ru');
    expect(emailDomain('nobody')).toBeNull();
  });
});
