import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { emailDomain, fold, PUBLIC_MAIL_DOMAINS, websiteDomain } from '../../shared/fold.js';
import { isUuid } from '../../shared/ids.js';
import { type Message, msg } from '../../shared/messages/index.js';
import { CompanyKind } from '../company/company.enums.js';
import { ImportKind } from './import.enums.js';
import { ImportPhase, type ImportProgress } from './import-progress.js';
import { COLUMNS_OF, type Mapping, REQUIRED_FIELDS } from './mapping.js';
import type { Table } from './read-file.js';
import {
  type CellError,
  type CompanyValues,
  type ContactValues,
  companyValues,
  contactValues,
  type Lookups,
  type ParticipantValues,
  participantValues,
} from './row-values.js';
import { SIMILARITY_THRESHOLD, TrigramIndex, trigrams } from './similarity.js';

export enum RowAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  LINK = 'LINK',
  UNCHANGED = 'UNCHANGED',
  SKIP = 'SKIP',
  ERROR = 'ERROR',
  POSSIBLE_DUPLICATE = 'POSSIBLE_DUPLICATE',
}

export enum DecisionAction {
  LINK = 'LINK',
  CREATE = 'CREATE',
  SKIP = 'SKIP',
}

export interface Decision {
  row: number;
  action: DecisionAction;
  targetId?: string | null;
}

export interface PlanInput {
  kind: ImportKind;
  missionId?: string | null;
  mapping: Mapping;
  decisions: Decision[];
  /** CREATE or SKIP: what every possible duplicate without a decision of its own becomes. */
  undecided?: DecisionAction | null;
  /** Where the run reports how far it got (the wizard's progress bar). */
  progress?: ImportProgress;
}

/** A record of the CRM or an earlier row of the file that a row resembles. */
export interface Candidate {
  id: string | null;
  row: number | null;
  name: string;
  country: string | null;
  city: string | null;
  website: string | null;
  email: string | null;
  score: number;
}

export interface ExistingCompany {
  id: string;
  name: string;
  kind: CompanyKind;
  country: string;
  city: string | null;
  website: string | null;
  brands: string[];
  notes: string | null;
  account_manager_id: string | null;
  sector_ids: string[];
  updated_at: Date;
}

export interface ExistingContact {
  id: string;
  company_id: string;
  full_name: string;
  job_title: string | null;
  email: string | null;
  phone: string | null;
  languages: string[];
  updated_at: Date;
}

export interface RowPlan {
  index: number;
  /** The row as the spreadsheet numbers it (the header is row 1). */
  row: number;
  cells: string[];
  action: RowAction;
  label: string;
  target: { id: string; name: string } | null;
  reasons: Message[];
  errors: CellError[];
  candidates: Candidate[];
  /** Fields an UPDATE changes. */
  changes: string[];
  decision: Decision | null;
  company?: CompanyValues;
  contact?: ContactValues;
  participant?: ParticipantValues;
  /** CONTACTS: the company the person works at. */
  companyId?: string;
}

export interface Plan {
  kind: ImportKind;
  missionId: string | null;
  mapping: Mapping;
  headers: string[];
  rows: RowPlan[];
  /** Errors of the whole import (a required field not mapped, no mission): nothing can be applied. */
  errors: { field: string | null; text: Message }[];
  existingCompanies: Map<string, ExistingCompany>;
  existingContacts: Map<string, ExistingContact>;
  counts: Record<string, number>;
}

const POSSIBLE_MATCHES = 3;

export function countActions(rows: readonly RowPlan[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(Object.values(RowAction).map((action) => [action, 0]));
  for (const row of rows) counts[row.action]++;
  counts.total = rows.length;
  return counts;
}

async function loadLookups(em: EntityManager, agencyId: string): Promise<Lookups> {
  const [agency] = await em.execute<{ country: string }[]>('select country from agency where id = ?', [agencyId]);
  const sectors = await em.execute<{ id: string; code: string; names: Record<string, string> }[]>(
    'select id, code, names from sector where agency_id = ?',
    [agencyId],
  );
  const users = await em.execute<{ id: string; email: string; full_name: string }[]>(
    'select id, email, full_name from "user" where agency_id = ? and active',
    [agencyId],
  );
  const sectorIndex = new Map<string, string>();
  for (const sector of sectors) {
    for (const name of [sector.code, ...Object.values(sector.names ?? {})]) sectorIndex.set(fold(name), sector.id);
  }
  const userIndex = new Map<string, string>();
  for (const user of users) {
    userIndex.set(user.email.toLowerCase(), user.id);
    userIndex.set(fold(user.full_name), user.id);
  }
  return { agencyCountry: agency?.country ?? 'MA', sectors: sectorIndex, users: userIndex };
}

/** The agency's live companies (merged ones never match), in one statement. */
async function loadCompanies(em: EntityManager, agencyId: string): Promise<ExistingCompany[]> {
  return em.execute<ExistingCompany[]>(
    `select c.id, c.name, c.kind, c.country, c.city, c.website, c.brands, c.notes, c.account_manager_id, c.updated_at,
       coalesce((select array_agg(cs.sector_id::text order by cs.sector_id) from company_sector cs where cs.company_id = c.id), '{}') as sector_ids
     from company c where c.agency_id = ? and c.merged_into_id is null`,
    [agencyId],
  );
}

async function loadContacts(em: EntityManager, agencyId: string): Promise<ExistingContact[]> {
  return em.execute<ExistingContact[]>(
    `select id, company_id, full_name, job_title, email, phone, languages, updated_at
     from contact where agency_id = ? and merged_into_id is null`,
    [agencyId],
  );
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** The given fields whose value differs from the record's (empty cells leave a field as it is). */
function companyChanges(values: CompanyValues, existing: ExistingCompany): string[] {
  const changed: string[] = [];
  const differs: Record<string, () => boolean> = {
    name: () => values.name.trim() !== existing.name,
    kind: () => values.kind !== existing.kind,
    country: () => values.country !== existing.country,
    city: () => values.city !== existing.city,
    website: () => values.website !== existing.website,
    brands: () => !sameList(values.brands, existing.brands),
    notes: () => values.notes !== existing.notes,
    sectors: () => !sameList(values.sectorIds, existing.sector_ids),
    accountManager: () => values.accountManagerId !== existing.account_manager_id,
  };
  for (const [field, check] of Object.entries(differs)) if (values.given.has(field) && check()) changed.push(field);
  return changed;
}

function contactChanges(values: ContactValues, companyId: string, existing: ExistingContact): string[] {
  const changed: string[] = [];
  const differs: Record<string, () => boolean> = {
    fullName: () => values.fullName.trim() !== existing.full_name,
    company: () => companyId !== existing.company_id,
    jobTitle: () => values.jobTitle !== existing.job_title,
    email: () => values.email?.toLowerCase() !== existing.email?.toLowerCase(),
    phone: () => values.phone !== existing.phone,
    languages: () => !sameList(values.languages, existing.languages),
  };
  for (const [field, check] of Object.entries(differs)) if (values.given.has(field) && check()) changed.push(field);
  return changed;
}

function newRow(table: Table, index: number): RowPlan {
  return {
    index,
    row: table.rowNumbers[index],
    cells: table.rows[index],
    action: RowAction.CREATE,
    label: '',
    target: null,
    reasons: [],
    errors: [],
    candidates: [],
    changes: [],
    decision: null,
  };
}

/** Whole-import problems: the fields every row needs must be mapped, each field once, and known. */
function mappingErrors(kind: ImportKind, mapping: Mapping): Plan['errors'] {
  const errors: Plan['errors'] = [];
  const known = new Set(COLUMNS_OF[kind].map((spec) => spec.field));
  const seen = new Set<string>();
  for (const field of mapping) {
    if (!field) continue;
    if (!known.has(field)) errors.push({ field, text: msg('importUnknownField', { field }) });
    else if (seen.has(field)) errors.push({ field, text: msg('importFieldMappedTwice', { field }) });
    seen.add(field);
  }
  for (const field of REQUIRED_FIELDS[kind]) {
    if (!seen.has(field)) errors.push({ field, text: msg('importFieldNotMapped', { field }) });
  }
  return errors;
}

/** The decision for a row number: its own, else the one for every undecided look-alike. */
type Decisions = Pick<Map<number, Decision>, 'get'>;

/**
 * Settles a row that resembles others: without a decision it waits for one; SKIP skips it,
 * CREATE creates it, LINK takes the chosen record (one of the candidates) as its match.
 */
function decide(row: RowPlan, decisions: Decisions): 'wait' | 'skip' | 'create' | { id: string } {
  const decision = decisions.get(row.row);
  row.decision = decision ?? null;
  if (!decision) return 'wait';
  if (decision.action === DecisionAction.SKIP) return 'skip';
  if (decision.action === DecisionAction.CREATE) return 'create';
  const chosen = row.candidates.find((candidate) => candidate.id && candidate.id === decision.targetId);
  return chosen?.id ? { id: chosen.id } : 'wait';
}

/** A look-alike: a record of the CRM (with its id) or an earlier row (with its number); what it lacks is null. */
function candidate(found: Pick<Candidate, 'name' | 'score'> & Partial<Candidate>): Candidate {
  return {
    id: found.id ?? null,
    row: found.row ?? null,
    name: found.name,
    country: found.country ?? null,
    city: found.city ?? null,
    website: found.website ?? null,
    email: found.email ?? null,
    score: found.score,
  };
}

/** The record a row names by its id column, saying so (or that no record has that id). */
function byOwnId<T>(row: RowPlan, id: string | null, byId: Map<string, T>, name: (record: T) => string): T | undefined {
  if (!id) return undefined;
  const target = byId.get(id);
  row.reasons.push(target ? msg('importReasonSameId', { name: name(target) }) : msg('importReasonUnknownId'));
  return target;
}

/** A row an earlier row of the file already stands for is skipped, saying which; true when it is. */
function skippedAsEarlierRow(row: RowPlan, sameRow: number | undefined): boolean {
  if (sameRow === undefined) return false;
  row.action = RowAction.SKIP;
  row.reasons = [msg('importReasonSameAsRow', { row: sameRow })];
  return true;
}

/**
 * A row that matches no record, given its look-alikes (`row.candidates`): none, it is created;
 * else per its decision it waits (POSSIBLE_DUPLICATE), is skipped, is created anyway, or takes
 * the record chosen as its match.
 */
function settleLookAlikes<T>(
  row: RowPlan,
  decisions: Decisions,
  byId: Map<string, T>,
  name: (record: T) => string,
): { skip: boolean; created: boolean; target?: T } {
  if (row.candidates.length === 0) return { skip: false, created: true };
  const outcome = decide(row, decisions);
  if (outcome === 'wait') {
    row.action = RowAction.POSSIBLE_DUPLICATE;
    row.reasons.push(msg('importReasonSimilar', { count: row.candidates.length }));
    return { skip: false, created: false };
  }
  if (outcome === 'skip') {
    row.action = RowAction.SKIP;
    row.reasons.push(msg('importReasonSkipped'));
    return { skip: true, created: false };
  }
  if (outcome === 'create') {
    row.reasons.push(msg('importReasonCreateAnyway'));
    return { skip: false, created: true };
  }
  const target = byId.get(outcome.id);
  if (target) row.reasons.push(msg('importReasonLinked', { name: name(target) }));
  return { skip: false, created: false, target };
}

/** A row matched to a record updates the fields that differ, or leaves it unchanged. */
function updateOrUnchanged(row: RowPlan, changes: string[]): void {
  row.changes = changes;
  row.action = changes.length > 0 ? RowAction.UPDATE : RowAction.UNCHANGED;
  row.reasons.push(
    changes.length > 0 ? msg('importReasonChanges', { fields: changes.join(', ') }) : msg('importReasonUnchanged'),
  );
}

/** A row that creates a record (saying it is new unless a reason says why already). */
function markCreated(row: RowPlan): void {
  row.action = RowAction.CREATE;
  if (row.reasons.length === 0) row.reasons.push(msg('importReasonNew'));
}

async function planCompanies(
  em: EntityManager,
  ctx: Context,
  table: Table,
  input: PlanInput,
  plan: Plan,
  decisions: Decisions,
): Promise<void> {
  const agencyId = ctx.viewer!.agencyId;
  const delegation = input.kind === ImportKind.DELEGATION;
  const lookups = await loadLookups(em, agencyId);
  const companies = await loadCompanies(em, agencyId);
  let participants = new Set<string>();
  if (delegation && input.missionId) {
    const rows = await em.execute<{ company_id: string }[]>(
      'select company_id from mission_participant where agency_id = ? and mission_id = ?',
      [agencyId, input.missionId],
    );
    participants = new Set(rows.map((row) => row.company_id));
  }

  const byId = new Map(companies.map((company) => [company.id, company]));
  const byDomain = new Map<string, ExistingCompany>();
  const byName = new Map<string, ExistingCompany>();
  const index = new TrigramIndex<ExistingCompany>();
  for (const company of companies) {
    const domain = websiteDomain(company.website);
    if (domain && !byDomain.has(domain)) byDomain.set(domain, company);
    const folded = fold(company.name);
    const key = `${folded}|${company.country}`;
    if (!byName.has(key)) byName.set(key, company);
    index.add(trigrams(folded), company);
  }
  plan.existingCompanies = byId;

  // Earlier rows of the file: by website, by name and country, by record matched, and by trigrams.
  const fileDomains = new Map<string, number>();
  const fileNames = new Map<string, number>();
  const claimed = new Map<string, number>();
  const fileIndex = new TrigramIndex<{ row: number; values: CompanyValues }>();

  input.progress?.phase(ImportPhase.CHECKING, table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    await input.progress?.step(i);
    const row = newRow(table, i);
    plan.rows.push(row);
    const { values, errors } = await companyValues(row.cells, input.mapping, lookups, CompanyKind.EXPORTER);
    row.company = values;
    row.label = values.name;
    if (delegation) {
      const participant = await participantValues(row.cells, input.mapping);
      row.participant = participant.values;
      errors.push(...participant.errors);
      if (values.given.has('kind') && values.kind !== CompanyKind.EXPORTER && errors.length === 0) {
        errors.push({ column: null, field: 'kind', text: msg('importNotAnExporter', { name: values.name }) });
      }
    }
    if (errors.length > 0) {
      row.action = RowAction.ERROR;
      row.errors = errors;
      continue;
    }

    let target = byOwnId(row, values.id, byId, (company) => company.name);
    if (!target && values.domain) {
      target = byDomain.get(values.domain);
      if (target) row.reasons.push(msg('importReasonSameDomain', { domain: values.domain, name: target.name }));
    }
    const nameKey = `${values.folded}|${values.country}`;
    if (!target) {
      target = byName.get(nameKey);
      if (target) row.reasons.push(msg('importReasonSameName', { name: target.name }));
    }

    const sameRow = target
      ? claimed.get(target.id)
      : ((values.domain ? fileDomains.get(values.domain) : undefined) ?? fileNames.get(nameKey));
    if (skippedAsEarlierRow(row, sameRow)) continue;

    let created = false;
    if (!target) {
      const grams = trigrams(values.folded);
      const sameCountry = (country: string) => country === values.country;
      row.candidates = [
        ...index
          .similar(grams, SIMILARITY_THRESHOLD, POSSIBLE_MATCHES, (c) => sameCountry(c.country))
          .map(({ value, score }) =>
            candidate({
              id: value.id,
              name: value.name,
              country: value.country,
              city: value.city,
              website: value.website,
              score,
            }),
          ),
        ...fileIndex
          .similar(grams, SIMILARITY_THRESHOLD, POSSIBLE_MATCHES, (c) => sameCountry(c.values.country))
          .map(({ value: earlier, score }) =>
            candidate({
              row: earlier.row,
              name: earlier.values.name,
              country: earlier.values.country,
              city: earlier.values.city,
              website: earlier.values.website,
              score,
            }),
          ),
      ];
      const settled = settleLookAlikes(row, decisions, byId, (company) => company.name);
      if (settled.skip) continue;
      created = settled.created;
      target = settled.target;
    }

    if (target) {
      claimed.set(target.id, row.row);
      row.target = { id: target.id, name: target.name };
      if (delegation) {
        if (target.kind !== CompanyKind.EXPORTER) {
          row.action = RowAction.ERROR;
          row.errors = [{ column: null, field: null, text: msg('importNotAnExporter', { name: target.name }) }];
        } else if (participants.has(target.id)) {
          row.action = RowAction.UNCHANGED;
          row.reasons.push(msg('importReasonInDelegation', { name: target.name }));
        } else {
          row.action = RowAction.LINK;
          row.reasons.push(msg('importReasonJoins', { name: target.name }));
        }
      } else {
        updateOrUnchanged(row, companyChanges(values, target));
      }
      continue;
    }

    if (created) {
      markCreated(row);
      if (delegation) row.reasons.push(msg('importReasonJoins', { name: values.name }));
    }
    if (values.domain) fileDomains.set(values.domain, row.row);
    fileNames.set(nameKey, row.row);
    fileIndex.add(trigrams(values.folded), { row: row.row, values });
  }
}

async function planContacts(
  em: EntityManager,
  ctx: Context,
  table: Table,
  input: PlanInput,
  plan: Plan,
  decisions: Decisions,
): Promise<void> {
  const agencyId = ctx.viewer!.agencyId;
  const companies = await loadCompanies(em, agencyId);
  const contacts = await loadContacts(em, agencyId);
  const companiesByName = new Map<string, ExistingCompany[]>();
  const companiesByDomain = new Map<string, ExistingCompany>();
  const companyById = new Map(companies.map((company) => [company.id, company]));
  for (const company of companies) {
    const key = fold(company.name);
    companiesByName.set(key, [...(companiesByName.get(key) ?? []), company]);
    const domain = websiteDomain(company.website);
    if (domain && !companiesByDomain.has(domain)) companiesByDomain.set(domain, company);
  }
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const byEmail = new Map<string, ExistingContact>();
  const byName = new Map<string, ExistingContact>();
  const index = new TrigramIndex<ExistingContact>();
  for (const contact of contacts) {
    if (contact.email && !byEmail.has(contact.email.toLowerCase())) byEmail.set(contact.email.toLowerCase(), contact);
    const folded = fold(contact.full_name);
    const key = `${folded}|${contact.company_id}`;
    if (!byName.has(key)) byName.set(key, contact);
    index.add(trigrams(folded), contact);
  }
  plan.existingContacts = byId;
  plan.existingCompanies = companyById;

  const fileEmails = new Map<string, number>();
  const fileNames = new Map<string, number>();
  const claimed = new Map<string, number>();
  const fileIndex = new TrigramIndex<{ row: number; values: ContactValues; companyId: string }>();

  input.progress?.phase(ImportPhase.CHECKING, table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    await input.progress?.step(i);
    const row = newRow(table, i);
    plan.rows.push(row);
    const { values, errors } = await contactValues(row.cells, input.mapping);
    row.contact = values;
    row.label = values.fullName;
    let company: ExistingCompany | undefined;
    if (values.company) {
      const named = (companiesByName.get(fold(values.company)) ?? []).filter(
        (candidate) => !values.companyCountry || candidate.country === values.companyCountry,
      );
      const domain = emailDomain(values.email);
      if (named.length === 1) company = named[0];
      else if (named.length === 0 && domain && !PUBLIC_MAIL_DOMAINS.has(domain))
        company = companiesByDomain.get(domain);
      const column = input.mapping.indexOf('company');
      if (named.length > 1) {
        errors.push({ column, field: 'company', text: msg('importAmbiguousCompany', { value: values.company }) });
      } else if (!company) {
        errors.push({ column, field: 'company', text: msg('importUnknownCompany', { value: values.company }) });
      }
    }
    if (errors.length > 0 || !company) {
      row.action = RowAction.ERROR;
      row.errors = errors;
      continue;
    }
    row.companyId = company.id;

    let target = byOwnId(row, values.id, byId, (contact) => contact.full_name);
    const email = values.email?.toLowerCase();
    if (!target && email) {
      target = byEmail.get(email);
      if (target) row.reasons.push(msg('importReasonSameEmail', { email, name: target.full_name }));
    }
    const nameKey = `${values.folded}|${company.id}`;
    if (!target) {
      target = byName.get(nameKey);
      if (target) row.reasons.push(msg('importReasonSameNameCompany', { name: target.full_name }));
    }
    const sameRow = target
      ? claimed.get(target.id)
      : ((email ? fileEmails.get(email) : undefined) ?? fileNames.get(nameKey));
    if (skippedAsEarlierRow(row, sameRow)) continue;

    let created = false;
    if (!target) {
      const grams = trigrams(values.folded);
      const companyId = company.id;
      row.candidates = [
        ...index
          .similar(grams, SIMILARITY_THRESHOLD, POSSIBLE_MATCHES, (c) => c.company_id === companyId)
          .map(({ value, score }) => candidate({ id: value.id, name: value.full_name, email: value.email, score })),
        ...fileIndex
          .similar(grams, SIMILARITY_THRESHOLD, POSSIBLE_MATCHES, (c) => c.companyId === companyId)
          .map(({ value: earlier, score }) =>
            candidate({ row: earlier.row, name: earlier.values.fullName, email: earlier.values.email, score }),
          ),
      ];
      const settled = settleLookAlikes(row, decisions, byId, (contact) => contact.full_name);
      if (settled.skip) continue;
      created = settled.created;
      target = settled.target;
    }

    if (target) {
      claimed.set(target.id, row.row);
      row.target = { id: target.id, name: target.full_name };
      updateOrUnchanged(row, contactChanges(values, company.id, target));
      continue;
    }
    if (created) {
      markCreated(row);
    }
    if (email) fileEmails.set(email, row.row);
    fileNames.set(nameKey, row.row);
    fileIndex.add(trigrams(values.folded), { row: row.row, values, companyId: company.id });
  }
}

/**
 * What importing the table would do, row by row, without writing anything: the same reads
 * whether it previews or applies (apply runs it inside its transaction).
 */
export async function planImport(em: EntityManager, ctx: Context, table: Table, input: PlanInput): Promise<Plan> {
  const mapping = table.headers.map((_, column) => input.mapping[column] ?? null);
  const plan: Plan = {
    kind: input.kind,
    missionId: input.missionId ?? null,
    mapping,
    headers: table.headers,
    rows: [],
    errors: mappingErrors(input.kind, mapping),
    existingCompanies: new Map(),
    existingContacts: new Map(),
    counts: {},
  };
  if (input.kind === ImportKind.DELEGATION) {
    const missions =
      input.missionId && isUuid(input.missionId)
        ? await em.execute<{ id: string }[]>('select id from mission where agency_id = ? and id = ?', [
            ctx.viewer!.agencyId,
            input.missionId,
          ])
        : [];
    if (missions.length === 0) plan.errors.push({ field: 'missionId', text: msg('importNeedsMission') });
  }
  if (plan.errors.length === 0) {
    const byRow = new Map(input.decisions.map((decision) => [decision.row, decision]));
    const otherwise = input.undecided === DecisionAction.LINK ? null : input.undecided;
    const decisions: Decisions = {
      get: (row) => byRow.get(row) ?? (otherwise ? { row, action: otherwise } : undefined),
    };
    const work = { ...input, mapping };
    input.progress?.phase(ImportPhase.MATCHING);
    if (input.kind === ImportKind.CONTACTS) await planContacts(em, ctx, table, work, plan, decisions);
    else await planCompanies(em, ctx, table, work, plan, decisions);
  }
  plan.counts = countActions(plan.rows);
  return plan;
}
