// Every language is bundled: the files are small, and loading them synchronously means no
// flash of untranslated UI. One namespace per feature, so each feature owns its strings;
// French is the reference language (see i18next.d.ts).

import admin_en from './locales/admin/en.json';
import admin_fr from './locales/admin/fr.json';
import admin_ru from './locales/admin/ru.json';
import analyst_en from './locales/analyst/en.json';
import analyst_fr from './locales/analyst/fr.json';
import analyst_ru from './locales/analyst/ru.json';
import companies_en from './locales/companies/en.json';
import companies_fr from './locales/companies/fr.json';
import companies_ru from './locales/companies/ru.json';
import dashboard_en from './locales/dashboard/en.json';
import dashboard_fr from './locales/dashboard/fr.json';
import dashboard_ru from './locales/dashboard/ru.json';
import en from './locales/en.json';
import fr from './locales/fr.json';
import interactions_en from './locales/interactions/en.json';
import interactions_fr from './locales/interactions/fr.json';
import interactions_ru from './locales/interactions/ru.json';
import missions_en from './locales/missions/en.json';
import missions_fr from './locales/missions/fr.json';
import missions_ru from './locales/missions/ru.json';
import pipeline_en from './locales/pipeline/en.json';
import pipeline_fr from './locales/pipeline/fr.json';
import pipeline_ru from './locales/pipeline/ru.json';
import ru from './locales/ru.json';

export const NAMESPACES = [
  'translation',
  'dashboard',
  'missions',
  'companies',
  'pipeline',
  'interactions',
  'admin',
  'analyst',
] as const;

export const resources = {
  fr: {
    translation: fr,
    dashboard: dashboard_fr,
    missions: missions_fr,
    companies: companies_fr,
    pipeline: pipeline_fr,
    interactions: interactions_fr,
    admin: admin_fr,
    analyst: analyst_fr,
  },
  en: {
    translation: en,
    dashboard: dashboard_en,
    missions: missions_en,
    companies: companies_en,
    pipeline: pipeline_en,
    interactions: interactions_en,
    admin: admin_en,
    analyst: analyst_en,
  },
  ru: {
    translation: ru,
    dashboard: dashboard_ru,
    missions: missions_ru,
    companies: companies_ru,
    pipeline: pipeline_ru,
    interactions: interactions_ru,
    admin: admin_ru,
    analyst: analyst_ru,
  },
} as const;
