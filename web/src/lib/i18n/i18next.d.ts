import 'i18next';
import type admin from './locales/admin/fr.json';
import type apiAccess from './locales/api-access/fr.json';
import type companies from './locales/companies/fr.json';
import type confirmation from './locales/confirmation/fr.json';
import type dashboard from './locales/dashboard/fr.json';
import type fr from './locales/fr.json';
import type imports from './locales/import/fr.json';
import type interactions from './locales/interactions/fr.json';
import type merge from './locales/merge/fr.json';
import type missions from './locales/missions/fr.json';
import type pipeline from './locales/pipeline/fr.json';
import type search from './locales/search/fr.json';

// French is the reference language: a key missing there is a type error everywhere.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof fr;
      dashboard: typeof dashboard;
      missions: typeof missions;
      companies: typeof companies;
      pipeline: typeof pipeline;
      interactions: typeof interactions;
      admin: typeof admin;
      apiAccess: typeof apiAccess;
      search: typeof search;
      merge: typeof merge;
      import: typeof imports;
      confirmation: typeof confirmation;
    };
  }
}
