import { describe, expect, it } from 'vitest';
import { CATALOGS, LANGUAGES, languageFromHeader, type MessageId, msg, render } from './index.js';

/** Every param any message takes, to render all of them. */
const PARAMS = {
  name: 'Nex-T LLC',
  max: 200,
  min: 8,
  field: 'subject',
  id: '00000000-0000-0000-0000-000000000001',
  code: 'agri-food',
  currency: 'RUB',
  kind: 'BUYER',
  interactionKind: 'CALL',
  mission: 'Mission à Casablanca',
  deal: 'NexTouch',
  exporter: 'Nex-T LLC',
  answer: 'corrected',
  counterpart: 'Anfa Tech Distribution',
  busy: ['Nex-T LLC', 'Anna Petrova'],
  startsAt: new Date('2032-03-10T10:00:00Z'),
  endsAt: new Date('2032-03-10T11:00:00Z'),
  subject: 'Rendez-vous A',
  missing: ['WON', 'LOST'],
  count: 3,
  category: 'WON',
  // import
  value: 'Atlantide',
  row: 12,
  domain: 'epices-fes.ma',
  email: 'k.alaoui@epices-fes.ma',
  fields: 'city, website',
  // export
  parameter: 'filter',
  detail: 'kinds.0: Value "PIRATE" does not exist in "CompanyKind" enum.',
  day: '2026-02-30',
  zone: 'Mars/Olympus',
  seconds: 12,
  perMinute: 50000,
  yours: 1,
  current: 2,
};

const ids = Object.keys(CATALOGS.en) as MessageId[];

describe('the message catalogs', () => {
  it('have exactly the ids of the English one, each a text or a function like in English', () => {
    for (const language of LANGUAGES) {
      const catalog = CATALOGS[language];
      expect(Object.keys(catalog).sort(), language).toEqual([...ids].sort());
      for (const id of ids) expect(typeof catalog[id], `${language}.${id}`).toBe(typeof CATALOGS.en[id]);
    }
  });

  it('render every message in every language, params interpolated', () => {
    for (const language of LANGUAGES) {
      for (const id of ids) {
        const text = render({ id, params: PARAMS }, language);
        expect(text.trim(), `${language}.${id}`).not.toBe('');
        expect(text, `${language}.${id}`).not.toMatch(/undefined|NaN|\[object|\$\{/);
      }
    }
  });

  it('are distinct translations, with the typography of each language', () => {
    const sample = msg('stageRetired', { name: 'Échantillons' });
    expect(render(sample, 'en')).toBe('The stage "Échantillons" is retired.');
    expect(render(sample, 'fr')).toBe('L’étape « Échantillons » est retirée.');
    expect(render(sample, 'ru')).toBe('Этап «Échantillons» выведен из работы.');
    expect(render(msg('required'))).toBe('This field is required.');
  });

  it('agree numbers with their nouns', () => {
    const holds = (count: number, language: 'en' | 'fr' | 'ru') =>
      render(msg('stageHoldsDeals', { name: 'X', count }), language);
    expect(holds(1, 'en')).toContain('holds 1 deal:');
    expect(holds(2, 'en')).toContain('holds 2 deals:');
    expect(holds(1, 'fr')).toContain('contient 1 affaire :');
    expect(holds(2, 'fr')).toContain('contient 2 affaires :');
    expect(holds(1, 'ru')).toContain('1 сделка:');
    expect(holds(3, 'ru')).toContain('3 сделки:');
    expect(holds(5, 'ru')).toContain('5 сделок:');
    expect(holds(21, 'ru')).toContain('21 сделка:');
    expect(render(msg('tooLong', { max: 1 }), 'ru')).toBe('Не более 1 символа.');
    expect(render(msg('tooLong', { max: 200 }), 'ru')).toBe('Не более 200 символов.');
  });
});

describe('languageFromHeader', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['fr', 'fr'],
    ['ru', 'ru'],
    ['en', 'en'],
    ['fr-FR', 'fr'],
    ['RU-ru', 'ru'],
    ['fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7', 'fr'],
    ['de-DE, de;q=0.9, ru;q=0.5', 'ru'],
    ['en;q=0.5, fr;q=0.8', 'fr'],
    ['fr;q=0, ru;q=0.1', 'ru'],
    ['de, it', 'en'],
    ['*', 'en'],
    ['ru;q=abc, fr', 'fr'],
  ])('%s → %s', (header, language) => {
    expect(languageFromHeader(header)).toBe(language);
  });
});
