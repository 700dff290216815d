import type { EntityManager } from '@mikro-orm/postgresql';
import { fold } from '../../shared/fold.js';
import { agencyQuery, sql } from '../../shared/sql.js';
import type { ExistingCompany, ExistingContact } from './plan-model.js';
import type { Lookups } from './row-values.js';

export async function loadLookups(em: EntityManager, agencyId: string): Promise<Lookups> {
  const [agency] = await agencyQuery<{ country: string }>(em, sql`select country from agency where id = ${agencyId}`);
  const sectors = await agencyQuery<{ id: string; code: string; names: Record<string, string> }>(
    em,
    sql`select id, code, names from sector where agency_id = ${agencyId}`,
  );
  const users = await agencyQuery<{ id: string; email: string; full_name: string }>(
    em,
    sql`select id, email, full_name from "user" where agency_id = ${agencyId} and active`,
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
export async function loadCompanies(em: EntityManager, agencyId: string): Promise<ExistingCompany[]> {
  return agencyQuery<ExistingCompany>(
    em,
    sql`select c.id, c.name, c.kind, c.country, c.city, c.website, c.brands, c.notes, c.account_manager_id, c.updated_at,
       coalesce((select array_agg(cs.sector_id::text order by cs.sector_id) from company_sector cs where cs.company_id = c.id), '{}') as sector_ids
     from company c where c.agency_id = ${agencyId} and c.merged_into_id is null`,
  );
}

export async function loadContacts(em: EntityManager, agencyId: string): Promise<ExistingContact[]> {
  return agencyQuery<ExistingContact>(
    em,
    sql`select id, company_id, full_name, job_title, email, phone, languages, updated_at
     from contact where agency_id = ${agencyId} and merged_into_id is null`,
  );
}
