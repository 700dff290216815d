import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { msg } from '../../shared/messages/index.js';
import { refuse } from '../../shared/mutation.js';
import { distinct, normalizeName, text } from '../../shared/normalize.js';
import { agencyQuery, sql, withSavepoint } from '../../shared/sql.js';
import { UserErrorCode } from '../../shared/user-error.js';
import { refuseNulls } from '../../shared/validators.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { Sector } from '../sector/sector.entity.js';
import { User } from '../user/user.entity.js';
import { Company } from './company.entity.js';
import type { CreateCompanyInput, UpdateCompanyInput } from './company.inputs.js';

const AUDITED = ['name', 'kind', 'country', 'city', 'website', 'brands', 'notes', 'accountManager'] as const;
const UNIQUE_NAME_COUNTRY = 'company_agency_normalized_name_country_unique';

/** The audited fields, sectors as sorted ids (the collection must be loaded). */
export function companySnapshot(company: Company): Record<string, unknown> {
  return { ...snapshot(company, AUDITED), sectors: company.sectors.getIdentifiers<string>().sort() };
}

async function sectorsByIds(em: EntityManager, ids: readonly string[]): Promise<Sector[]> {
  const given = ids.map((id) => id.toLowerCase());
  const wanted = distinct(given);
  const found = wanted.length > 0 ? await em.find(Sector, { id: { $in: wanted } }) : [];
  const byId = new Map(found.map((sector) => [sector.id, sector]));
  const missing = given.findIndex((id) => !byId.has(id));
  if (missing >= 0) {
    refuse(UserErrorCode.NOT_FOUND, msg('noSuchSectorId', { id: ids[missing] }), [
      'input',
      'sectorIds',
      String(missing),
    ]);
  }
  return wanted.map((id) => byId.get(id)!);
}

async function accountManagerById(em: EntityManager, id: string): Promise<User> {
  const user = await em.findOne(User, id);
  if (!user) return refuse(UserErrorCode.NOT_FOUND, msg('noSuchUser'), ['input', 'accountManagerId']);
  if (!user.active) return refuse(UserErrorCode.INVALID, msg('userDeactivated'), ['input', 'accountManagerId']);
  return user;
}

function refuseDuplicate(existingId: string | undefined): never {
  return refuse(UserErrorCode.DUPLICATE, msg('duplicateCompany'), ['input', 'name'], existingId);
}

/** The same company, by normalised name and country, other than `exceptId`. */
async function refuseExisting(em: EntityManager, normalizedName: string, country: string, exceptId?: string) {
  const existing = await em.findOne(Company, {
    normalizedName,
    country,
    ...(exceptId ? { id: { $ne: exceptId } } : {}),
  });
  if (existing) refuseDuplicate(existing.id);
}

/**
 * Flushes a new or renamed company. The check before it can miss a concurrent insert of the
 * same company; the unique constraint catches it, and the refusal still names the existing
 * row. A savepoint keeps the transaction usable to look that row up.
 */
async function flushCompany(em: EntityManager, company: Company): Promise<void> {
  try {
    await withSavepoint(em, 'company_write', () => em.flush());
  } catch (error) {
    const violation = error as UniqueConstraintViolationException & { constraint?: string };
    if (
      !(error instanceof UniqueConstraintViolationException) ||
      !`${violation.constraint ?? ''} ${violation.message}`.includes(UNIQUE_NAME_COUNTRY)
    ) {
      throw error;
    }
    const rows = await agencyQuery<{ id: string }>(
      em,
      (agency) => sql`select id from company where agency_id = ${agency}
        and normalized_name = ${company.normalizedName} and country = ${company.country} and id <> ${company.id}`,
    );
    refuseDuplicate(rows[0]?.id);
  }
}

export async function createCompany(em: EntityManager, ctx: Context, input: CreateCompanyInput): Promise<Company> {
  const name = input.name.trim();
  const normalizedName = normalizeName(name);
  await refuseExisting(em, normalizedName, input.country);
  const sectors = await sectorsByIds(em, input.sectorIds ?? []);
  const accountManager = input.accountManagerId ? await accountManagerById(em, input.accountManagerId) : null;
  const company = em.create(Company, {
    agency: ctx.viewer!.agencyId,
    name,
    normalizedName,
    kind: input.kind,
    country: input.country,
    city: text(input.city),
    website: text(input.website),
    brands: distinct(input.brands),
    notes: text(input.notes),
    sectors,
    accountManager,
  });
  recordAudit(em, ctx, {
    action: 'createCompany',
    entity: 'Company',
    entityId: company.id,
    after: companySnapshot(company),
  });
  await flushCompany(em, company);
  return company;
}

export async function updateCompany(em: EntityManager, ctx: Context, input: UpdateCompanyInput): Promise<Company> {
  refuseNulls(input, ['name', 'kind', 'country']);
  const company = await em.findOne(Company, input.companyId, { populate: ['sectors'] });
  if (!company) return refuse(UserErrorCode.NOT_FOUND, msg('noSuchCompany'), ['input', 'companyId']);
  const before = companySnapshot(company);

  const name = input.name != null ? input.name.trim() : company.name;
  const normalizedName = normalizeName(name);
  const country = input.country ?? company.country;
  if (normalizedName !== company.normalizedName || country !== company.country) {
    await refuseExisting(em, normalizedName, country, company.id);
  }
  const sectors = input.sectorIds !== undefined ? await sectorsByIds(em, input.sectorIds ?? []) : undefined;
  const accountManager =
    input.accountManagerId === undefined
      ? undefined
      : input.accountManagerId === null
        ? null
        : await accountManagerById(em, input.accountManagerId);

  company.name = name;
  company.normalizedName = normalizedName;
  company.country = country;
  if (input.kind != null) company.kind = input.kind;
  if (input.city !== undefined) company.city = text(input.city);
  if (input.website !== undefined) company.website = text(input.website);
  if (input.brands !== undefined) company.brands = distinct(input.brands);
  if (input.notes !== undefined) company.notes = text(input.notes);
  if (sectors) company.sectors.set(sectors);
  if (accountManager !== undefined) company.accountManager = accountManager;

  recordAudit(em, ctx, {
    action: 'updateCompany',
    entity: 'Company',
    entityId: company.id,
    before,
    after: companySnapshot(company),
  });
  await flushCompany(em, company);
  return company;
}
