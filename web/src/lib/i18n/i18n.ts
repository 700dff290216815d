import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language, readStoredLanguage } from './languages';
import { NAMESPACES, resources } from './resources';

/**
 * One i18next instance per app (and per test), with every language bundled: the three
 * resource files are small, and loading them synchronously means no flash of untranslated UI.
 */
export function createI18n(language: Language = readStoredLanguage() ?? DEFAULT_LANGUAGE): i18n {
  const instance = createInstance();
  instance.on('languageChanged', (lng) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  });
  void instance.use(initReactI18next).init({
    resources,
    ns: NAMESPACES,
    defaultNS: 'translation',
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false,
  });
  return instance;
}
