// Every string of the UI in one language: loaded as its own chunk, only when that language is used.

import admin from '../locales/admin/ru.json';
import apiAccess from '../locales/api-access/ru.json';
import companies from '../locales/companies/ru.json';
import dashboard from '../locales/dashboard/ru.json';
import imports from '../locales/import/ru.json';
import interactions from '../locales/interactions/ru.json';
import merge from '../locales/merge/ru.json';
import missions from '../locales/missions/ru.json';
import pipeline from '../locales/pipeline/ru.json';
import translation from '../locales/ru.json';
import search from '../locales/search/ru.json';

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
