import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/i18n';
import { isLanguage, type Language, readStoredLanguage, rememberViewerLanguage } from '../i18n/languages';

/**
 * Shows the UI in the signed-in user's own language (their `locale`), on every page load,
 * unless they chose another one in the language picker on this browser. The language is
 * remembered for the next load, which starts in it (`startupLanguage`).
 *
 * Returns whether the UI already shows the language it should: until then a page holds its
 * content back, so it never appears in one language and then another (if the language's strings
 * cannot be loaded, the page shows in the current one rather than wait forever).
 */
export function useViewerLanguage(locale: string | null | undefined): boolean {
  const { i18n } = useTranslation();
  const [unavailable, setUnavailable] = useState<Language | null>(null);
  const own = isLanguage(locale) ? locale : null;
  const pending = own !== null && own !== unavailable && !readStoredLanguage() && i18n.resolvedLanguage !== own;
  useEffect(() => {
    if (own) rememberViewerLanguage(own);
    if (own && pending) switchLanguage(i18n, own, false).catch(() => setUnavailable(own));
  }, [i18n, own, pending]);
  return !pending;
}
