import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from './i18n';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages';

/** The current UI language and a setter that loads it if needed and remembers the choice. */
export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  const setLanguage = useCallback(
    (language: Language) => {
      void switchLanguage(i18n, language, true);
    },
    [i18n],
  );
  return [current, setLanguage];
}
