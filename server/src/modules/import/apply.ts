import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { newId } from '../../shared/ids.js';
import { msg } from '../../shared/messages/index.js';
import { refuse } from '../../shared/mutation.js';
import { UserErrorCode } from '../../shared/user-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { ImportBatchStatus, ImportKind } from './import.enums.js';
import type { StoredFile } from './import-file.service.js';
import { ImportPhase, type ImportProgress } from './import-progress.js';
import { rememberedColumns } from './mapping.js';
import { type ExistingCompany, type Plan, RowAction, type RowPlan } from './plan-model.js';
import {
  CONTACT_RECORD,
  type CompanyRecord,
  companyRecord,
  contactRecord,
  type Details,
  inChunks,
  insertCompanies,
  setSectors,
  updateCompanies,
} from './record-writers.js';

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
