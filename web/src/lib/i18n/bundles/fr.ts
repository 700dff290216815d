// Every string of the UI in one language: loaded as its own chunk, only when that language is used.

import admin from '../locales/admin/fr.json';
import apiAccess from '../locales/api-access/fr.json';
import companies from '../locales/companies/fr.json';
import dashboard from '../locales/dashboard/fr.json';
import translation from '../locales/fr.json';
import imports from '../locales/import/fr.json';
import interactions from '../locales/interactions/fr.json';
import merge from '../locales/merge/fr.json';
import missions from '../locales/missions/fr.json';
import pipeline from '../locales/pipeline/fr.json';
import search from '../locales/search/fr.json';

export default {
  translation,
  dashboard,
  missions,
  companies,
  pipeline,
  interactions,
  admin,
  apiAccess,
  search,
  import: imports,
  merge,
};
