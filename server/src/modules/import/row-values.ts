import { isISO31661Alpha2 } from 'class-validator';
import { fold, websiteDomain } from '../../shared/fold.js';
import { isUuid } from '../../shared/ids.js';
import { type Message, msg } from '../../shared/messages/index.js';
import { distinct, normalizeName, text } from '../../shared/normalize.js';
import { splitList } from '../../shared/tabular/values.js';
import { validateInput } from '../../shared/validation.js';
import { CompanyKind } from '../company/company.enums.js';
import { CreateCompanyInput } from '../company/company.inputs.js';
import { CreateContactInput } from '../contact/contact.inputs.js';
import { ParticipantStatus } from '../mission/mission.enums.js';
import { AddMissionParticipantInput } from '../mission/mission.inputs.js';
import type { Mapping } from './mapping.js';

/** A problem with one cell (or with the row when `column` is null), in the catalog's words. */
export interface CellError {
  column: number | null;
  field: string | null;
  text: Message;
}

/** What the agency's reference data answers for names found in cells. */
export interface Lookups {
  agencyCountry: string;
  /** Folded sector code or name (any language) → sector id. */
  sectors: Map<string, string>;
  /** Lower-case e-mail or folded full name of an active user → user id. */
  users: Map<string, string>;
}

/** The fields of a company a row gives; a field absent from `given` was empty or not mapped, and stays. */
export interface CompanyValues {
  id: string | null;
  name: string;
  folded: string;
  normalizedName: string;
  kind: CompanyKind;
  country: string;
  city: string | null;
  website: string | null;
  domain: string | null;
  brands: string[];
  notes: string | null;
  sectorIds: string[];
  accountManagerId: string | null;
  given: Set<string>;
}

export interface ContactValues {
  id: string | null;
  fullName: string;
  folded: string;
  normalizedName: string;
  company: string;
  companyCountry: string | null;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  languages: string[];
  given: Set<string>;
}

export interface ParticipantValues {
  status: ParticipantStatus;
  notes: string | null;
}

const labels = <T extends string>(entries: Record<T, string[]>): Map<string, T> => {
  const map = new Map<string, T>();
  for (const [value, words] of Object.entries(entries) as [T, string[]][]) {
    for (const word of [value, ...words]) map.set(fold(word), value);
  }
  return map;
};

/** Codes and the labels the web client shows, in its three languages. */
const KINDS = labels<CompanyKind>({
  EXPORTER: ['exporter', 'exportateur', 'экспортёр'],
  BUYER: ['buyer', 'acheteur', 'покупатель'],
  DISTRIBUTOR: ['distributor', 'distributeur', 'дистрибьютор'],
  RETAILER: ['retailer', 'détaillant', 'розничная сеть'],
  INSTITUTION: ['institution', 'учреждение'],
  PARTNER: ['partner', 'partenaire', 'партнёр'],
});

const STATUSES = labels<ParticipantStatus>({
  INVITED: ['invited', 'invité', 'invitée', 'приглашён', 'приглашен'],
  REGISTERED: ['registered', 'inscrit', 'inscrite', 'зарегистрирован'],
  CONFIRMED: ['confirmed', 'confirmé', 'confirmée', 'подтверждён'],
  ATTENDED: ['attended', 'présent', 'présente', 'участвовал'],
  WITHDREW: ['withdrew', 'désisté', 'désistée', 'отказался'],
});

let countries: Map<string, string> | undefined;

/** Folded country names in English, French and Russian (from the runtime's ICU data), and codes, → ISO code. */
function countryIndex(): Map<string, string> {
  if (countries) return countries;
  countries = new Map();
  const names = ['en', 'fr', 'ru'].map((language) => new Intl.DisplayNames([language], { type: 'region' }));
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      if (!isISO31661Alpha2(code)) continue;
      countries.set(fold(code), code);
      for (const display of names) {
        const name = display.of(code);
        if (name && name !== code) countries.set(fold(name), code);
      }
    }
  }
  for (const [alias, code] of [
    ['Russie', 'RU'],
    ['Russia', 'RU'],
    ['Россия', 'RU'],
    ['РФ', 'RU'],
    ['UK', 'GB'],
    ['USA', 'US'],
  ]) {
    countries.set(fold(alias), code);
  }
  return countries;
}

/** A country cell as an ISO code; what cannot be read is kept, so that validation names it. */
export function countryCode(value: string): string {
  const trimmed = value.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) return trimmed.toUpperCase();
  return countryIndex().get(fold(trimmed)) ?? trimmed;
}

/** "www.x.ma" and "x.ma" are websites too: given a scheme so the URL rule accepts them. */
function websiteUrl(value: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || !value.includes('.') ? value : `https://${value}`;
}

/**
 * A list cell: our own exports join with "; " (splitList), so a cell with a semicolon or a line
 * break is split there only (a brand may hold a comma); a cell without them, as people type it in
 * Excel ("NexTouch, NexBoard"), is split at commas and bars.
 */
const list = (value: string) => distinct(/[;\n\r]/.test(value) ? splitList(value) : value.split(/[,|]/));

/** The cells of a row by field, from the mapping; the first non-empty cell wins when two columns share a field. */
export function cellsByField(
  cells: readonly string[],
  mapping: Mapping,
): Map<string, { value: string; column: number }> {
  const byField = new Map<string, { value: string; column: number }>();
  mapping.forEach((field, column) => {
    if (!field) return;
    const value = (cells[column] ?? '').trim();
    const current = byField.get(field);
    if (!current || (current.value === '' && value !== '')) byField.set(field, { value, column });
  });
  return byField;
}

/** The validation of the mutations, with each error put at the column that holds the field. */
async function validated(
  input: object,
  columnOf: (field: string) => number | null,
  fieldOf: (property: string) => string = (property) => property,
): Promise<CellError[]> {
  const errors = await validateInput(input);
  return errors.map((error) => {
    const property = error.field?.[1] ?? null;
    const field = property ? fieldOf(property) : null;
    return { column: field ? columnOf(field) : null, field, text: error.text };
  });
}

const PROPERTY_FIELD: Record<string, string> = { sectorIds: 'sectors', accountManagerId: 'accountManager' };

export async function companyValues(
  cells: readonly string[],
  mapping: Mapping,
  lookups: Lookups,
  defaultKind: CompanyKind,
): Promise<{ values: CompanyValues; errors: CellError[] }> {
  const byField = cellsByField(cells, mapping);
  const cell = (field: string) => byField.get(field)?.value ?? '';
  const columnOf = (field: string) => byField.get(field)?.column ?? null;
  const given = new Set([...byField].filter(([, entry]) => entry.value !== '').map(([field]) => field));
  const errors: CellError[] = [];
  const fail = (field: string, message: Message) => errors.push({ column: columnOf(field), field, text: message });

  let kind = defaultKind;
  if (given.has('kind')) {
    const found = KINDS.get(fold(cell('kind')));
    if (found) kind = found;
    else fail('kind', msg('importUnknownKind', { value: cell('kind') }));
  }
  const sectorIds: string[] = [];
  for (const name of given.has('sectors') ? list(cell('sectors')) : []) {
    const id = lookups.sectors.get(fold(name));
    if (id) sectorIds.push(id);
    else fail('sectors', msg('importUnknownSector', { value: name }));
  }
  let accountManagerId: string | null = null;
  if (given.has('accountManager')) {
    const value = cell('accountManager');
    accountManagerId = lookups.users.get(value.toLowerCase()) ?? lookups.users.get(fold(value)) ?? null;
    if (!accountManagerId) fail('accountManager', msg('importUnknownUser', { value }));
  }
  const name = cell('name');
  const website = given.has('website') ? websiteUrl(cell('website')) : null;
  const values: CompanyValues = {
    id: isUuid(cell('id')) ? cell('id').toLowerCase() : null,
    name,
    folded: fold(name),
    normalizedName: normalizeName(name),
    kind,
    country: given.has('country') ? countryCode(cell('country')) : lookups.agencyCountry,
    city: text(cell('city')),
    website,
    domain: websiteDomain(website),
    brands: list(cell('brands')),
    notes: text(cell('notes')),
    sectorIds: distinct(sectorIds),
    accountManagerId,
    given,
  };
  const input = Object.assign(new CreateCompanyInput(), {
    name,
    kind,
    country: values.country,
    city: values.city,
    website: values.website,
    brands: values.brands,
    notes: values.notes,
  });
  errors.push(...(await validated(input, columnOf, (property) => PROPERTY_FIELD[property] ?? property)));
  return { values, errors };
}

export async function participantValues(
  cells: readonly string[],
  mapping: Mapping,
): Promise<{ values: ParticipantValues; errors: CellError[] }> {
  const byField = cellsByField(cells, mapping);
  const columnOf = (field: string) => byField.get(field)?.column ?? null;
  const errors: CellError[] = [];
  const statusCell = byField.get('participantStatus')?.value ?? '';
  let status = ParticipantStatus.INVITED;
  if (statusCell) {
    const found = STATUSES.get(fold(statusCell));
    if (found) status = found;
    else
      errors.push({
        column: columnOf('participantStatus'),
        field: 'participantStatus',
        text: msg('importUnknownStatus', { value: statusCell }),
      });
  }
  const notes = text(byField.get('participantNotes')?.value);
  const input = Object.assign(new AddMissionParticipantInput(), {
    missionId: '00000000-0000-0000-0000-000000000000',
    companyId: '00000000-0000-0000-0000-000000000000',
    status,
    notes,
  });
  errors.push(
    ...(await validated(input, columnOf, (property) => (property === 'notes' ? 'participantNotes' : property))),
  );
  return { values: { status, notes }, errors };
}

export async function contactValues(
  cells: readonly string[],
  mapping: Mapping,
): Promise<{ values: ContactValues; errors: CellError[] }> {
  const byField = cellsByField(cells, mapping);
  const cell = (field: string) => byField.get(field)?.value ?? '';
  const columnOf = (field: string) => byField.get(field)?.column ?? null;
  const given = new Set([...byField].filter(([, entry]) => entry.value !== '').map(([field]) => field));
  const fullName = cell('fullName');
  const values: ContactValues = {
    id: isUuid(cell('id')) ? cell('id').toLowerCase() : null,
    fullName,
    folded: fold(fullName),
    normalizedName: normalizeName(fullName),
    company: cell('company'),
    companyCountry: given.has('companyCountry') ? countryCode(cell('companyCountry')) : null,
    jobTitle: text(cell('jobTitle')),
    email: text(cell('email')),
    phone: text(cell('phone')),
    languages: list(cell('languages').toLowerCase()),
    given,
  };
  const input = Object.assign(new CreateContactInput(), {
    companyId: '00000000-0000-0000-0000-000000000000',
    fullName,
    jobTitle: values.jobTitle,
    email: values.email,
    phone: values.phone,
    languages: values.languages,
  });
  const errors = await validated(input, columnOf);
  if (!values.company) errors.push({ column: columnOf('company'), field: 'company', text: msg('required') });
  return { values, errors };
}
