import { useMemo } from 'react';
import type { SelectOption } from '../../../components/ui/SelectField';
import { intlLocale } from '../../../lib/i18n/languages';
import { useLanguage } from '../../../lib/i18n/useLanguage';
import { COUNTRY_CODES } from './countries';

/** Country names in the UI language (Intl.DisplayNames) and the options of a country select, by name. */
export function useCountries() {
  const [language] = useLanguage();
  return useMemo(() => {
    const locale = intlLocale(language);
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    } catch {
      names = null;
    }
    const countryName = (code: string | null | undefined): string => {
      if (!code) return '';
      try {
        return names?.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    };
    const collator = new Intl.Collator(locale);
    const options: SelectOption[] = COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code) })).sort(
      (a, b) => collator.compare(a.label, b.label),
    );
    return { countryName, options };
  }, [language]);
}
