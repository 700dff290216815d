/** The set-based SQL writers (chunked jsonb_to_recordset statements) shared by applying and undoing an import. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { normalizeName } from '../../shared/normalize.js';
import { agencyQuery, type Sql, sql, trusted } from '../../shared/sql.js';
import type { ImportProgress } from './import-progress.js';
import type { ExistingCompany, ExistingContact, RowPlan } from './plan-model.js';

/** Rows per statement: a few statements for 10,000 rows, each well under the parameter and size limits. */
const CHUNK = 1_000;

export interface Details extends Record<string, unknown> {
  companies: string[];
  contacts: string[];
  participants: string[];
  updatedCompanies: { id: string; before: ExistingCompany }[];
  updatedContacts: { id: string; before: ExistingContact }[];
}

/** A uuid[] parameter as PostgreSQL's array literal (a JS array would be spread into a list of parameters). */
export const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/**
 * Runs one statement per chunk of `records` (the statement of a chunk: one of the builders
 * below) on the request's agency-scoped `em`, counting the records written.
 */
export async function writeInChunks<T>(
  em: EntityManager,
  records: readonly T[],
  statement: (chunk: T[]) => Sql,
  progress?: ImportProgress,
): Promise<void> {
  for (let i = 0; i < records.length; i += CHUNK) {
    const chunk = records.slice(i, i + CHUNK);
    await agencyQuery(em, statement(chunk));
    progress?.advance(chunk.length);
  }
}

/** The rows of a chunk as a table `r` of the given columns (one jsonb parameter for the whole chunk). */
export function recordset(chunk: readonly object[], columns: string): Sql {
  return sql`jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(${trusted(columns)})`;
}

const COMPANY_COLUMNS = `id uuid, name text, normalized_name text, kind text, country text, city text, website text,
  brands text[], notes text, account_manager_id uuid`;

/** The columns of a company that an import writes. */
export type CompanyRecord = Omit<ExistingCompany, 'sector_ids' | 'updated_at'> & { normalized_name: string };

/** The company a row leaves: the record's values, replaced by the row's non-empty cells. */
export function companyRecord(row: RowPlan, id: string, existing?: ExistingCompany): CompanyRecord {
  const values = row.company!;
  const given = (field: string) => !existing || values.given.has(field);
  const name = given('name') ? values.name.trim() : existing!.name;
  return {
    id,
    name,
    normalized_name: normalizeName(name),
    kind: given('kind') ? values.kind : existing!.kind,
    country: given('country') ? values.country : existing!.country,
    city: given('city') ? values.city : existing!.city,
    website: given('website') ? values.website : existing!.website,
    brands: given('brands') ? values.brands : existing!.brands,
    notes: given('notes') ? values.notes : existing!.notes,
    account_manager_id: given('accountManager') ? values.accountManagerId : existing!.account_manager_id,
  };
}

const CONTACT_COLUMNS = `id uuid, company_id uuid, full_name text, normalized_name text, job_title text, email text,
  phone text, languages text[]`;

/** The columns of a contact that an import writes. */
export type ContactRecord = Omit<ExistingContact, 'updated_at'> & { normalized_name: string };

export function contactRecord(row: RowPlan, id: string, existing?: ExistingContact): ContactRecord {
  const values = row.contact!;
  const given = (field: string) => !existing || values.given.has(field);
  const fullName = given('fullName') ? values.fullName.trim() : existing!.full_name;
  return {
    id,
    company_id: row.companyId!,
    full_name: fullName,
    normalized_name: normalizeName(fullName),
    job_title: given('jobTitle') ? values.jobTitle : existing!.job_title,
    email: given('email') ? values.email : existing!.email,
    phone: given('phone') ? values.phone : existing!.phone,
    languages: given('languages') ? values.languages : existing!.languages,
  };
}

/** Inserts the companies a batch creates. */
export const companyInserts = (agencyId: string, batchId: string) => (chunk: CompanyRecord[]) =>
  sql`insert into company (id, agency_id, name, normalized_name, kind, country, city, website, brands, notes,
     account_manager_id, import_batch_id, created_at, updated_at)
   select r.id, ${agencyId}, r.name, r.normalized_name, r.kind, r.country, r.city, r.website, coalesce(r.brands, '{}'),
     r.notes, r.account_manager_id, ${batchId}, now(), now()
   from ${recordset(chunk, COMPANY_COLUMNS)}`;

/** Puts these values in the companies. */
export const companyUpdates = (agencyId: string) => (chunk: CompanyRecord[]) =>
  sql`update company c set name = r.name, normalized_name = r.normalized_name, kind = r.kind, country = r.country,
     city = r.city, website = r.website, brands = coalesce(r.brands, '{}'), notes = r.notes,
     account_manager_id = r.account_manager_id, updated_at = now()
   from ${recordset(chunk, COMPANY_COLUMNS)}
   where c.id = r.id and c.agency_id = ${agencyId}`;

/** Inserts the contacts a batch creates; the companies they point to are the agency's (the join drops any other id). */
export const contactInserts = (agencyId: string, batchId: string) => (chunk: ContactRecord[]) =>
  sql`insert into contact (id, agency_id, company_id, full_name, normalized_name, job_title, email, phone, languages,
     import_batch_id, created_at, updated_at)
   select r.id, ${agencyId}, c.id, r.full_name, r.normalized_name, r.job_title, r.email, r.phone,
     coalesce(r.languages, '{}'), ${batchId}, now(), now()
   from ${recordset(chunk, CONTACT_COLUMNS)}
   join company c on c.id = r.company_id and c.agency_id = ${agencyId}`;

/** Puts these values in the contacts (the companies they point to are the agency's, as on insert). */
export const contactUpdates = (agencyId: string) => (chunk: ContactRecord[]) =>
  sql`update contact x set company_id = c.id, full_name = r.full_name, normalized_name = r.normalized_name,
     job_title = r.job_title, email = r.email, phone = r.phone, languages = coalesce(r.languages, '{}'),
     updated_at = now()
   from ${recordset(chunk, CONTACT_COLUMNS)}
   join company c on c.id = r.company_id and c.agency_id = ${agencyId}
   where x.id = r.id and x.agency_id = ${agencyId}`;

/** Replaces the sectors of these companies (sectors of the agency only). */
export async function setSectors(
  em: EntityManager,
  agencyId: string,
  companies: { id: string; sectorIds: string[] }[],
  replace: boolean,
) {
  if (replace) {
    await writeInChunks(
      em,
      companies,
      (chunk) => sql`delete from company_sector cs using company c
        where cs.company_id = c.id and c.agency_id = ${agencyId}
          and c.id = any(${uuidArray(chunk.map((company) => company.id))}::uuid[])`,
    );
  }
  const pairs = companies.flatMap((company) =>
    company.sectorIds.map((sectorId) => ({ company_id: company.id, sector_id: sectorId })),
  );
  await writeInChunks(
    em,
    pairs,
    (chunk) => sql`insert into company_sector (company_id, sector_id)
       select r.company_id, r.sector_id from ${recordset(chunk, 'company_id uuid, sector_id uuid')}
       join sector s on s.id = r.sector_id and s.agency_id = ${agencyId}`,
  );
}
