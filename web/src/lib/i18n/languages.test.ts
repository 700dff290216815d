import { describe, expect, it } from 'vitest';
import { detectBrowserLanguage } from './languages';

describe('the language of someone not signed in, from the browser', () => {
  it('takes the first of the browser’s languages we have, English otherwise', () => {
    expect(detectBrowserLanguage(['ru-RU', 'ru', 'en-US'])).toBe('ru');
    expect(detectBrowserLanguage(['fr-MA'])).toBe('fr');
    expect(detectBrowserLanguage(['FR_fr'])).toBe('fr');
    expect(detectBrowserLanguage(['en-US', 'ru-RU'])).toBe('en');
    expect(detectBrowserLanguage(['de-DE', 'ru-RU'])).toBe('ru');
    expect(detectBrowserLanguage(['de-DE'])).toBe('en');
    expect(detectBrowserLanguage(['ar-MA', 'es'])).toBe('en');
    expect(detectBrowserLanguage([])).toBe('en');
    expect(detectBrowserLanguage(undefined)).toBe('en');
  });
});
