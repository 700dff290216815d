export const LANGUAGES = ['fr', 'en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

const STORAGE_KEY = 'crm.language';
/** The last signed-in user's own language on this browser: the next page load starts in it. */
const VIEWER_KEY = 'crm.viewerLanguage';

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

// Storage can be unavailable (privacy modes): never throw; a value not kept only holds for this page.
function readKey(key: string): Language | null {
  try {
    const stored = globalThis.localStorage?.getItem(key);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

function writeKey(key: string, language: Language | null): void {
  try {
    if (language) globalThis.localStorage?.setItem(key, language);
    else globalThis.localStorage?.removeItem(key);
  } catch {
    // Not persisted: the choice still holds for this page's lifetime.
  }
}

/** The user's explicit choice in the language picker on this browser. */
export function readStoredLanguage(): Language | null {
  return readKey(STORAGE_KEY);
}

export function storeLanguage(language: Language): void {
  writeKey(STORAGE_KEY, language);
}

/** Keeps (or, with null at sign-out, forgets) the signed-in user's own language for the next page load. */
export function rememberViewerLanguage(language: Language | null): void {
  writeKey(VIEWER_KEY, language);
}

/**
 * The language a page load starts in, before any request: the picker's choice, else the language
 * of the user signed in on this browser (so a reload shows no other language first), else the
 * browser's languages.
 */
export function startupLanguage(preferred: readonly string[] | undefined): Language {
  return readStoredLanguage() ?? readKey(VIEWER_KEY) ?? detectBrowserLanguage(preferred);
}
