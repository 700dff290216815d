// Every language at once, for tests and the translation-keys check; the app loads one language
// at a time (see loadLanguage in i18n.ts).
import en from './bundles/en';
import fr from './bundles/fr';
import ru from './bundles/ru';

export const resources = { fr, en, ru } as const;
