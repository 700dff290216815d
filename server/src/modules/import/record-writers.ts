/** The set-based SQL writers (chunked jsonb_to_recordset statements) shared by applying and undoing an import. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { normalizeName } from '../../shared/normalize.js';
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

export async function inChunks<T>(
  items: readonly T[],
  write: (chunk: T[]) => Promise<unknown>,
  progress?: ImportProgress,
): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) {
    const chunk = items.slice(i, i + CHUNK);
    await write(chunk);
    progress?.advance(chunk.length);
  }
}

const COMPANY_RECORD = `r(id uuid, name text, normalized_name text, kind text, country text, city text, website text,
  brands text[], notes text, account_manager_id uuid)`;

export interface CompanyRecord {
  id: string;
  name: string;
  normalized_name: string;
  kind: string;
  country: string;
  city: string | null;
  website: string | null;
  brands: string[];
  notes: string | null;
  account_manager_id: string | null;
}

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

export const CONTACT_RECORD = `r(id uuid, company_id uuid, full_name text, normalized_name text, job_title text, email text,
  phone text, languages text[])`;

export function contactRecord(row: RowPlan, id: string, existing?: ExistingContact) {
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

export async function insertCompanies(
  em: EntityManager,
  agencyId: string,
  batchId: string,
  records: CompanyRecord[],
  progress?: ImportProgress,
) {
  await inChunks(
    records,
    (chunk) =>
      em.execute(
        `insert into company (id, agency_id, name, normalized_name, kind, country, city, website, brands, notes,
         account_manager_id, import_batch_id, created_at, updated_at)
       select r.id, ?, r.name, r.normalized_name, r.kind, r.country, r.city, r.website, coalesce(r.brands, '{}'),
         r.notes, r.account_manager_id, ?, now(), now()
       from jsonb_to_recordset(?::jsonb) as ${COMPANY_RECORD}`,
        [agencyId, batchId, JSON.stringify(chunk)],
      ),
    progress,
  );
}

export async function updateCompanies(
  em: EntityManager,
  agencyId: string,
  records: CompanyRecord[],
  progress?: ImportProgress,
) {
  await inChunks(
    records,
    (chunk) =>
      em.execute(
        `update company c set name = r.name, normalized_name = r.normalized_name, kind = r.kind, country = r.country,
         city = r.city, website = r.website, brands = coalesce(r.brands, '{}'), notes = r.notes,
         account_manager_id = r.account_manager_id, updated_at = now()
       from jsonb_to_recordset(?::jsonb) as ${COMPANY_RECORD}
       where c.id = r.id and c.agency_id = ?`,
        [JSON.stringify(chunk), agencyId],
      ),
    progress,
  );
}

/** Replaces the sectors of these companies (sectors of the agency only). */
export async function setSectors(
  em: EntityManager,
  agencyId: string,
  companies: { id: string; sectorIds: string[] }[],
  replace: boolean,
) {
  if (replace) {
    await inChunks(companies, (chunk) =>
      em.execute(
        'delete from company_sector cs using company c where cs.company_id = c.id and c.agency_id = ? and c.id = any(?::uuid[])',
        [agencyId, uuidArray(chunk.map((company) => company.id))],
      ),
    );
  }
  const pairs = companies.flatMap((company) =>
    company.sectorIds.map((sectorId) => ({ company_id: company.id, sector_id: sectorId })),
  );
  await inChunks(pairs, (chunk) =>
    em.execute(
      `insert into company_sector (company_id, sector_id)
       select r.company_id, r.sector_id from jsonb_to_recordset(?::jsonb) as r(company_id uuid, sector_id uuid)
       join sector s on s.id = r.sector_id and s.agency_id = ?`,
      [JSON.stringify(chunk), agencyId],
    ),
  );
}
