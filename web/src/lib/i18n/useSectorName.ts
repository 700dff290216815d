import { useCallback } from 'react';
import { useLanguage } from './useLanguage';

export interface SectorNamesLike {
  names: { fr: string; en: string; ru: string };
}

/** A sector's name in the UI language (the API sends all three). */
export function useSectorName() {
  const [language] = useLanguage();
  return useCallback((sector: SectorNamesLike) => sector.names[language] || sector.names.fr, [language]);
}
