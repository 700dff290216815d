import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { newId } from '../../shared/ids.js';
import { msg } from '../../shared/messages/index.js';
import { refuse } from '../../shared/mutation.js';
import { agencyQuery, sql } from '../../shared/sql.js';
import { UserErrorCode } from '../../shared/user-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { ImportBatchStatus, ImportKind } from './import.enums.js';
import type { StoredFile } from './import-file.service.js';
import { ImportPhase, type ImportProgress } from './import-progress.js';
import { rememberedColumns } from './mapping.js';
import { type ExistingCompany, type ExistingContact, type Plan, RowAction, type RowPlan } from './plan-model.js';
import {
  type CompanyRecord,
  type ContactRecord,
  companyInserts,
  companyRecord,
  companyUpdates,
  contactInserts,
  contactRecord,
  contactUpdates,
  type Details,
  recordset,
  setSectors,
  writeInChunks,
} from './record-writers.js';

/** What applying one plan writes with: the transaction's em, the request, the batch and what it records of it. */
interface BatchWrite {
  em: EntityManager;
  ctx: Context;
  agencyId: string;
  plan: Plan;
  batchId: string;
  details: Details;
  progress?: ImportProgress;
}

/** One audit event per updated record: the fields the row changes, before and after. */
function auditUpdate(
  { em, ctx }: BatchWrite,
  entity: 'Company' | 'Contact',
  row: RowPlan,
  id: string,
  before: (field: string) => unknown,
  after: (field: string) => unknown,
) {
  const values = (of: (field: string) => unknown) => Object.fromEntries(row.changes.map((field) => [field, of(field)]));
  recordAudit(em, ctx, {
    action: `update${entity}`,
    entity,
    entityId: id,
    before: values(before),
    after: values(after),
  });
}

async function applyCompanies(run: BatchWrite) {
  const { em, agencyId, plan, batchId, details, progress } = run;
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
      auditUpdate(
        run,
        'Company',
        row,
        existing.id,
        (field) => auditValue(existing, field),
        (field) => auditValue(record, field, row),
      );
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
  await writeInChunks(em, created, companyInserts(agencyId, batchId), progress);
  await setSectors(em, agencyId, createdSectors, false);
  await writeInChunks(em, updated, companyUpdates(agencyId), progress);
  await setSectors(em, agencyId, updatedSectors, true);
  await writeInChunks(
    em,
    participants,
    (
      chunk,
    ) => sql`insert into mission_participant (id, agency_id, mission_id, company_id, status, notes, import_batch_id,
         created_at, updated_at)
       select r.id, ${agencyId}, m.id, r.company_id, r.status, r.notes, ${batchId}, now(), now()
       from ${recordset(chunk, 'id uuid, company_id uuid, status text, notes text')}
       join mission m on m.id = ${plan.missionId} and m.agency_id = ${agencyId}`,
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

/** A contact's field as its column holds it (`jobTitle`: job_title, `company`: company_id). */
function contactColumn(source: ExistingContact | ContactRecord, field: string): unknown {
  const column = field === 'company' ? 'company_id' : field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return (source as unknown as Record<string, unknown>)[column] ?? null;
}

async function applyContacts(run: BatchWrite) {
  const { em, agencyId, plan, batchId, details, progress } = run;
  const created: ContactRecord[] = [];
  const updated: ContactRecord[] = [];
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
      auditUpdate(
        run,
        'Contact',
        row,
        existing.id,
        (field) => contactColumn(existing, field),
        (field) => contactColumn(record, field),
      );
    }
  }
  progress?.phase(ImportPhase.WRITING, created.length + updated.length);
  await writeInChunks(em, created, contactInserts(agencyId, batchId), progress);
  await writeInChunks(em, updated, contactUpdates(agencyId), progress);
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
  const missionId = plan.kind === ImportKind.DELEGATION ? plan.missionId : null;
  await agencyQuery(
    em,
    sql`insert into import_batch (id, agency_id, kind, mission_id, file_name, file_size, sha256, created_by_id, counts,
       details, status, created_at, updated_at)
     values (${batchId}, ${agencyId}, ${plan.kind}, ${missionId}, ${file.fileName}, ${file.fileSize}, ${file.sha256},
       ${ctx.viewer!.userId}, ${JSON.stringify(counts)}::jsonb, '{}'::jsonb, ${ImportBatchStatus.APPLIED}, now(), now())`,
  );
  const run: BatchWrite = { em, ctx, agencyId, plan, batchId, details, progress };
  if (plan.kind === ImportKind.CONTACTS) await applyContacts(run);
  else await applyCompanies(run);
  await agencyQuery(
    em,
    sql`update import_batch set details = ${JSON.stringify(details)}::jsonb where id = ${batchId} and agency_id = ${agencyId}`,
  );
  const columns = JSON.stringify(rememberedColumns(plan.headers, plan.mapping));
  await agencyQuery(
    em,
    sql`insert into import_mapping (id, agency_id, kind, columns, created_at, updated_at)
     values (${newId()}, ${agencyId}, ${plan.kind}, ${columns}::jsonb, now(), now())
     on conflict (agency_id, kind) do update set columns = import_mapping.columns || excluded.columns, updated_at = now()`,
  );
  recordAudit(em, ctx, {
    action: 'applyImport',
    entity: 'ImportBatch',
    entityId: batchId,
    after: { kind: plan.kind, fileName: file.fileName, sha256: file.sha256, mission: plan.missionId, counts },
  });
  return batchId;
}
