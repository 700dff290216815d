import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../../../lib/i18n/i18n';
import { isLanguage, type Language } from '../../../lib/i18n/languages';

/**
 * Shows the page in the language of the link (the contact's), whatever this browser's or its
 * picker's: once, when the link is known, and without remembering it, so the picker still
 * works afterwards and the next page load starts as before. Returns whether that is done: until
 * then the page holds its content back, so it never shows in one language and then another (if
 * the language's strings cannot be loaded, the page shows in the current one).
 */
export function useLinkLanguage(locale: string | null | undefined): boolean {
  const { i18n } = useTranslation();
  const wanted: Language | null = isLanguage(locale) ? locale : null;
  const [applied, setApplied] = useState<Language | null>(null);
  useEffect(() => {
    if (!wanted || applied === wanted) return;
    let live = true;
    switchLanguage(i18n, wanted, false)
      .catch(() => {})
      .finally(() => {
        if (live) setApplied(wanted);
      });
    return () => {
      live = false;
    };
  }, [i18n, wanted, applied]);
  return wanted === null || applied === wanted;
}
