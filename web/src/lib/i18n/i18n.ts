import { createInstance, type i18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language, storeLanguage } from './languages';

const NAMESPACES = [
  'translation',
  'dashboard',
  'missions',
  'companies',
  'pipeline',
  'interactions',
  'admin',
  'apiAccess',
  'search',
  'merge',
  'import',
  'confirmation',
];

// One chunk per language (~12 kB gzip): a page loads only the language it shows.
const BUNDLES: Record<Language, () => Promise<{ default: Record<string, object> }>> = {
  fr: () => import('./bundles/fr'),
  en: () => import('./bundles/en'),
  ru: () => import('./bundles/ru'),
};

/** The strings of one language, as i18next resources. */
export async function loadResources(language: Language): Promise<Resource> {
  const bundle = await BUNDLES[language]();
  return { [language]: bundle.default } as Resource;
}

/**
 * One i18next instance per app (and per test), initialised synchronously with the resources
 * given: the app passes the language it loaded before rendering (so there is no flash of
 * untranslated UI), tests pass every language.
 */
export function createI18n(language: Language, resources: Resource): i18n {
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

/** Loads a language if needed, then shows the UI in it; `remember` keeps the choice for this browser. */
export async function switchLanguage(instance: i18n, language: Language, remember: boolean): Promise<void> {
  if (remember) storeLanguage(language);
  if (!instance.hasResourceBundle(language, 'translation')) {
    const resources = await loadResources(language);
    for (const [namespace, strings] of Object.entries(resources[language] ?? {})) {
      instance.addResourceBundle(language, namespace, strings, true, true);
    }
  }
  await instance.changeLanguage(language);
}
