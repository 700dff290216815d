import { describe, expect, it } from 'vitest';
import { detectBrowserLanguage, rememberViewerLanguage, startupLanguage, storeLanguage } from './languages';

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

describe('the language a page load starts in', () => {
  it('is the choice made on this browser, else the last signed-in user’s, else the browser’s', () => {
    expect(startupLanguage(['ru-RU'])).toBe('ru');
    rememberViewerLanguage('fr');
    expect(startupLanguage(['ru-RU'])).toBe('fr');
    storeLanguage('en');
    expect(startupLanguage(['ru-RU'])).toBe('en');
    localStorage.clear();
    rememberViewerLanguage('fr');
    rememberViewerLanguage(null); // signed out
    expect(startupLanguage(['ru-RU'])).toBe('ru');
  });
});
