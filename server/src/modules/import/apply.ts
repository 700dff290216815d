import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { isUuid, newId } from '../../shared/ids.js';
import { msg } from '../../shared/messages/index.js';
import { refuse } from '../../shared/mutation.js';
import { normalizeName } from '../../shared/normalize.js';
import { UserErrorCode } from '../../shared/user-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { ImportBatchStatus, ImportKind } from './import.enums.js';
import type { StoredFile } from './import-file.service.js';
import { ImportPhase, type ImportProgress } from './import-progress.js';
import { rememberedColumns } from './mapping.js';
import { type ExistingCompany, type ExistingContact, type Plan, RowAction, type RowPlan } from './plan.js';

/** Rows per statement: a few statements for 10,000 rows, each well under the parameter and size limits. */
const CHUNK = 1_000;

interface Details extends Record<string, unknown> {
  companies: string[];
  contacts: string[];
  participants: string[];
  updatedCompanies: { id: string; before: ExistingCompany }[];
  updatedContacts: { id: string; before: ExistingContact }[];
}

/** A uuid[] parameter as PostgreSQL's array literal (a JS array would be spread into a list of parameters). */
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

async function inChunks<T>(
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

interface CompanyRecord {
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
function companyRecord(row: RowPlan, id: string, existing?: ExistingCompany): CompanyRecord {
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

const CONTACT_RECORD = `r(id uuid, company_id uuid, full_name text, normalized_name text, job_title text, email text,
  phone text, languages text[])`;

function contactRecord(row: RowPlan, id: string, existing?: ExistingContact) {
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

async function insertCompanies(
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

async function updateCompanies(
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
async function setSectors(
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

async function applyCompanies(
  em: EntityManager,
  ctx: Context,
  plan: Plan,
  batchId: string,
  details: Details,
  progress?: ImportProgress,
) {
  const agencyId = ctx.viewer!.agencyId;
  const created: CompanyRecord[] = [];
  const updated: CompanyRecord[] = [];
  const createdSectors: { id: string; sectorIds: string[] }[] = [];
  const updatedSectors: { id: string; sectorIds: string[] }[] = [];
  const participants: { id: string; company_id: string; status: string; notes: string | null }[] = [];
  for (const row of plan.rows) {
    let companyId: string | undefined;
    if (row.action === RowAction.CREATE) {
      companyId = newId();
      created.push(companyRecord(row, companyId));
      if (row.company!.sectorIds.length > 0) createdSectors.push({ id: companyId, sectorIds: row.company!.sectorIds });
      details.companies.push(companyId);
    } else if (row.action === RowAction.UPDATE && plan.kind === ImportKind.COMPANIES) {
      const existing = plan.existingCompanies.get(row.target!.id)!;
      const record = companyRecord(row, existing.id, existing);
      updated.push(record);
      if (row.changes.includes('sectors')) updatedSectors.push({ id: existing.id, sectorIds: row.company!.sectorIds });
      details.updatedCompanies.push({ id: existing.id, before: existing });
      recordAudit(em, ctx, {
        action: 'updateCompany',
        entity: 'Company',
        entityId: existing.id,
        before: Object.fromEntries(row.changes.map((field) => [field, auditValue(existing, field)])),
        after: Object.fromEntries(row.changes.map((field) => [field, auditValue(record, field, row)])),
      });
    } else if (row.action === RowAction.LINK) {
      companyId = row.target!.id;
    }
    if (plan.kind === ImportKind.DELEGATION && companyId) {
      const id = newId();
      participants.push({ id, company_id: companyId, status: row.participant!.status, notes: row.participant!.notes });
      details.participants.push(id);
    }
  }
  progress?.phase(ImportPhase.WRITING, created.length + updated.length + participants.length);
  await insertCompanies(em, agencyId, batchId, created, progress);
  await setSectors(em, agencyId, createdSectors, false);
  await updateCompanies(em, agencyId, updated, progress);
  await setSectors(em, agencyId, updatedSectors, true);
  await inChunks(
    participants,
    (chunk) =>
      em.execute(
        `insert into mission_participant (id, agency_id, mission_id, company_id, status, notes, import_batch_id, created_at, updated_at)
       select r.id, ?, m.id, r.company_id, r.status, r.notes, ?, now(), now()
       from jsonb_to_recordset(?::jsonb) as r(id uuid, company_id uuid, status text, notes text)
       join mission m on m.id = ? and m.agency_id = ?`,
        [agencyId, batchId, JSON.stringify(chunk), plan.missionId, agencyId],
      ),
    progress,
  );
}

function auditValue(source: ExistingCompany | CompanyRecord, field: string, row?: RowPlan): unknown {
  switch (field) {
    case 'accountManager':
      return source.account_manager_id;
    case 'sectors':
      return row ? row.company!.sectorIds : (source as ExistingCompany).sector_ids;
    default:
      return (source as unknown as Record<string, unknown>)[field] ?? null;
  }
}

async function applyContacts(
  em: EntityManager,
  ctx: Context,
  plan: Plan,
  batchId: string,
  details: Details,
  progress?: ImportProgress,
) {
  const agencyId = ctx.viewer!.agencyId;
  const created: ReturnType<typeof contactRecord>[] = [];
  const updated: ReturnType<typeof contactRecord>[] = [];
  for (const row of plan.rows) {
    if (row.action === RowAction.CREATE) {
      const id = newId();
      created.push(contactRecord(row, id));
      details.contacts.push(id);
    } else if (row.action === RowAction.UPDATE) {
      const existing = plan.existingContacts.get(row.target!.id)!;
      const record = contactRecord(row, existing.id, existing);
      updated.push(record);
      details.updatedContacts.push({ id: existing.id, before: existing });
      const plain = (source: Record<string, unknown>, field: string) =>
        source[field === 'company' ? 'company_id' : field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] ?? null;
      recordAudit(em, ctx, {
        action: 'updateContact',
        entity: 'Contact',
        entityId: existing.id,
        before: Object.fromEntries(row.changes.map((field) => [field, plain({ ...existing }, field)])),
        after: Object.fromEntries(row.changes.map((field) => [field, plain({ ...record }, field)])),
      });
    }
  }
  progress?.phase(ImportPhase.WRITING, created.length + updated.length);
  // Companies referenced are the agency's: the join refuses (drops) any other id.
  await inChunks(
    created,
    (chunk) =>
      em.execute(
        `insert into contact (id, agency_id, company_id, full_name, normalized_name, job_title, email, phone, languages,
         import_batch_id, created_at, updated_at)
       select r.id, ?, c.id, r.full_name, r.normalized_name, r.job_title, r.email, r.phone, coalesce(r.languages, '{}'),
         ?, now(), now()
       from jsonb_to_recordset(?::jsonb) as ${CONTACT_RECORD}
       join company c on c.id = r.company_id and c.agency_id = ?`,
        [agencyId, batchId, JSON.stringify(chunk), agencyId],
      ),
    progress,
  );
  await inChunks(
    updated,
    (chunk) =>
      em.execute(
        `update contact x set company_id = c.id, full_name = r.full_name, normalized_name = r.normalized_name,
         job_title = r.job_title, email = r.email, phone = r.phone, languages = coalesce(r.languages, '{}'),
         updated_at = now()
       from jsonb_to_recordset(?::jsonb) as ${CONTACT_RECORD}
       join company c on c.id = r.company_id and c.agency_id = ?
       where x.id = r.id and x.agency_id = ?`,
        [JSON.stringify(chunk), agencyId, agencyId],
      ),
    progress,
  );
}

/**
 * Applies a plan inside the caller's transaction: refuses while a possible duplicate waits for
 * a decision; records the batch first (created records point to it), writes in set-based
 * statements, audits the batch and each update, and remembers the mapping for the next file.
 */
export async function applyPlan(
  em: EntityManager,
  ctx: Context,
  file: StoredFile,
  plan: Plan,
  progress?: ImportProgress,
): Promise<string> {
  if (plan.errors.length > 0) {
    const [first] = plan.errors;
    return refuse(UserErrorCode.INVALID, first.text, ['input', first.field === 'missionId' ? 'missionId' : 'mapping']);
  }
  const waiting = plan.counts[RowAction.POSSIBLE_DUPLICATE] ?? 0;
  if (waiting > 0) {
    return refuse(UserErrorCode.INVALID, msg('importDecisionsMissing', { count: waiting }), ['input', 'decisions']);
  }
  const agencyId = ctx.viewer!.agencyId;
  const batchId = newId();
  const details: Details = { companies: [], contacts: [], participants: [], updatedCompanies: [], updatedContacts: [] };
  const counts = plan.counts;
  await em.execute(
    `insert into import_batch (id, agency_id, kind, mission_id, file_name, file_size, sha256, created_by_id, counts, details, status, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, '{}'::jsonb, ?, now(), now())`,
    [
      batchId,
      agencyId,
      plan.kind,
      plan.kind === ImportKind.DELEGATION ? plan.missionId : null,
      file.fileName,
      file.fileSize,
      file.sha256,
      ctx.viewer!.userId,
      JSON.stringify(counts),
      ImportBatchStatus.APPLIED,
    ],
  );
  if (plan.kind === ImportKind.CONTACTS) await applyContacts(em, ctx, plan, batchId, details, progress);
  else await applyCompanies(em, ctx, plan, batchId, details, progress);
  await em.execute('update import_batch set details = ?::jsonb where id = ? and agency_id = ?', [
    JSON.stringify(details),
    batchId,
    agencyId,
  ]);
  await em.execute(
    `insert into import_mapping (id, agency_id, kind, columns, created_at, updated_at) values (?, ?, ?, ?::jsonb, now(), now())
     on conflict (agency_id, kind) do update set columns = import_mapping.columns || excluded.columns, updated_at = now()`,
    [newId(), agencyId, plan.kind, JSON.stringify(rememberedColumns(plan.headers, plan.mapping))],
  );
  recordAudit(em, ctx, {
    action: 'applyImport',
    entity: 'ImportBatch',
    entityId: batchId,
    after: { kind: plan.kind, fileName: file.fileName, sha256: file.sha256, mission: plan.missionId, counts },
  });
  return batchId;
}

/**
 * Undoes an import while what it did is untouched: deletes the records it created and puts back
 * the values it overwrote. Refused when one of them was changed since (its updated_at is later
 * than the batch's) or when records added since point to a record it created.
 */
export async function undoBatch(em: EntityManager, ctx: Context, batchId: string): Promise<void> {
  const agencyId = ctx.viewer!.agencyId;
  const notFound = () => refuse(UserErrorCode.NOT_FOUND, msg('importBatchNotFound'), ['batchId']);
  if (!isUuid(batchId)) return notFound();
  const [batch] = await em.execute<{ id: string; status: string; created_at: Date; details: Details }[]>(
    'select id, status, created_at, details from import_batch where agency_id = ? and id = ? for update',
    [agencyId, batchId],
  );
  if (!batch) return notFound();
  if (batch.status === ImportBatchStatus.UNDONE) {
    return refuse(UserErrorCode.CONFLICT, msg('importAlreadyUndone'), ['batchId']);
  }
  const details = batch.details;
  const since = batch.created_at;
  const updatedCompanyIds = details.updatedCompanies.map((entry) => entry.id);
  const updatedContactIds = details.updatedContacts.map((entry) => entry.id);

  const [modified] = await em.execute<{ name: string }[]>(
    `select name from company where agency_id = ? and updated_at > ?
       and (import_batch_id = ? or id = any(?::uuid[]) or merged_into_id is not null and import_batch_id = ?)
     union all
     select full_name from contact where agency_id = ? and updated_at > ? and (import_batch_id = ? or id = any(?::uuid[]))
     union all
     select c.name from mission_participant p join company c on c.id = p.company_id
     where p.agency_id = ? and p.import_batch_id = ? and p.updated_at > ?
     limit 1`,
    [
      agencyId,
      since,
      batchId,
      uuidArray(updatedCompanyIds),
      batchId,
      agencyId,
      since,
      batchId,
      uuidArray(updatedContactIds),
      agencyId,
      batchId,
      since,
    ],
  );
  if (modified) return refuse(UserErrorCode.CONFLICT, msg('importUndoModified', { name: modified.name }), ['batchId']);

  const [referenced] = await em.execute<{ name: string }[]>(
    `select c.name from company c where c.agency_id = ? and c.import_batch_id = ? and (
       exists (select 1 from contact x where x.company_id = c.id and x.import_batch_id is distinct from c.import_batch_id)
       or exists (select 1 from mission_participant p where p.company_id = c.id and p.import_batch_id is distinct from c.import_batch_id)
       or exists (select 1 from mission_partner p where p.company_id = c.id)
       or exists (select 1 from task t where t.company_id = c.id)
       or exists (select 1 from deal d where d.exporter_id = c.id or d.buyer_id = c.id)
       or exists (select 1 from interaction i where i.exporter_id = c.id or i.counterpart_id = c.id)
       or exists (select 1 from company m where m.merged_into_id = c.id))
     union all
     select x.full_name from contact x where x.agency_id = ? and x.import_batch_id = ? and (
       exists (select 1 from interaction_contact ic where ic.contact_id = x.id)
       or exists (select 1 from contact m where m.merged_into_id = x.id))
     limit 1`,
    [agencyId, batchId, agencyId, batchId],
  );
  if (referenced) {
    return refuse(UserErrorCode.CONFLICT, msg('importUndoReferenced', { name: referenced.name }), ['batchId']);
  }

  await em.execute('delete from mission_participant where agency_id = ? and import_batch_id = ?', [agencyId, batchId]);
  await em.execute('delete from contact where agency_id = ? and import_batch_id = ?', [agencyId, batchId]);
  await em.execute('delete from company where agency_id = ? and import_batch_id = ?', [agencyId, batchId]);
  const restoredCompanies = details.updatedCompanies.map(({ before }) => ({
    ...before,
    normalized_name: normalizeName(before.name),
  }));
  await updateCompanies(em, agencyId, restoredCompanies);
  await setSectors(
    em,
    agencyId,
    details.updatedCompanies.map(({ before }) => ({ id: before.id, sectorIds: before.sector_ids })),
    true,
  );
  await inChunks(details.updatedContacts, (chunk) =>
    em.execute(
      `update contact x set company_id = c.id, full_name = r.full_name, normalized_name = r.normalized_name,
         job_title = r.job_title, email = r.email, phone = r.phone, languages = coalesce(r.languages, '{}'),
         updated_at = now()
       from jsonb_to_recordset(?::jsonb) as ${CONTACT_RECORD}
       join company c on c.id = r.company_id and c.agency_id = ?
       where x.id = r.id and x.agency_id = ?`,
      [
        JSON.stringify(chunk.map(({ before }) => ({ ...before, normalized_name: normalizeName(before.full_name) }))),
        agencyId,
        agencyId,
      ],
    ),
  );
  await em.execute(
    `update import_batch set status = ?, undone_at = now(), updated_at = now() where id = ? and agency_id = ?`,
    [ImportBatchStatus.UNDONE, batchId, agencyId],
  );
  recordAudit(em, ctx, {
    action: 'undoImport',
    entity: 'ImportBatch',
    entityId: batchId,
    before: { status: ImportBatchStatus.APPLIED },
    after: { status: ImportBatchStatus.UNDONE },
  });
}
