// Every string of the UI in one language: loaded as its own chunk, only when that language is used.

import admin from '../locales/admin/en.json';
import apiAccess from '../locales/api-access/en.json';
import companies from '../locales/companies/en.json';
import dashboard from '../locales/dashboard/en.json';
import translation from '../locales/en.json';
import imports from '../locales/import/en.json';
import interactions from '../locales/interactions/en.json';
import merge from '../locales/merge/en.json';
import missions from '../locales/missions/en.json';
import pipeline from '../locales/pipeline/en.json';
import search from '../locales/search/en.json';

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
