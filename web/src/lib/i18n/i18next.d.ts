import 'i18next';
import type fr from './locales/fr.json';

// French is the reference language: a key missing there is a type error everywhere.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}
