import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/i18n';
import { isLanguage, readStoredLanguage } from '../i18n/languages';

/**
 * Shows the UI in the signed-in user's own language (their `locale`), on every page load,
 * unless they chose another one in the language picker on this browser.
 */
export function useViewerLanguage(locale: string | null | undefined): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (!isLanguage(locale) || readStoredLanguage() || i18n.resolvedLanguage === locale) return;
    void switchLanguage(i18n, locale, false);
  }, [i18n, locale]);
}
