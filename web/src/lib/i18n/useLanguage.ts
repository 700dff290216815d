import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, type Language, storeLanguage } from './languages';

/** The current UI language and a setter that also remembers the choice in localStorage. */
export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  const setLanguage = useCallback(
    (language: Language) => {
      storeLanguage(language);
      void i18n.changeLanguage(language);
    },
    [i18n],
  );
  return [current, setLanguage];
}
