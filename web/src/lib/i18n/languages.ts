export const LANGUAGES = ['fr', 'en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

const STORAGE_KEY = 'crm.language';

// The UI language picks the conventions for dates and numbers; English follows British
// usage (day before month), which reads the same to our French and Russian users.
const INTL_LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB', ru: 'ru-RU' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function intlLocale(language: Language): string {
  return INTL_LOCALES[language];
}

/**
 * The language for someone not signed in, from the browser's preferred languages
 * (`navigator.languages`, best first): the first one we have (ru-RU → ru, fr-MA → fr),
 * English when none is.
 */
export function detectBrowserLanguage(preferred: readonly string[] | undefined): Language {
  for (const tag of preferred ?? []) {
    const primary = tag.split(/[-_]/)[0]?.toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** Reads the user's explicit choice; storage can be unavailable (privacy modes), so never throw. */
export function readStoredLanguage(): Language | null {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted: the choice still holds for this page's lifetime.
  }
}
