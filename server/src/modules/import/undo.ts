import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { isUuid } from '../../shared/ids.js';
import { msg } from '../../shared/messages/index.js';
import { refuse } from '../../shared/mutation.js';
import { normalizeName } from '../../shared/normalize.js';
import { agencyQuery, sql, trusted } from '../../shared/sql.js';
import { UserErrorCode } from '../../shared/user-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { ImportBatchStatus } from './import.enums.js';
import {
  companyUpdates,
  contactUpdates,
  type Details,
  setSectors,
  uuidArray,
  writeInChunks,
} from './record-writers.js';

/**
 * Undoes an import while what it did is untouched: deletes the records it created and puts back
 * the values it overwrote. Refused when one of them was changed since (its updated_at is later
 * than the batch's) or when records added since point to a record it created.
 */
export async function undoBatch(em: EntityManager, ctx: Context, batchId: string): Promise<void> {
  const agencyId = ctx.viewer!.agencyId;
  const notFound = () => refuse(UserErrorCode.NOT_FOUND, msg('importBatchNotFound'), ['batchId']);
  if (!isUuid(batchId)) return notFound();
  const [batch] = await agencyQuery<{ id: string; status: string; created_at: Date; details: Details }>(
    em,
    sql`select id, status, created_at, details from import_batch where agency_id = ${agencyId} and id = ${batchId} for update`,
  );
  if (!batch) return notFound();
  if (batch.status === ImportBatchStatus.UNDONE) {
    return refuse(UserErrorCode.CONFLICT, msg('importAlreadyUndone'), ['batchId']);
  }
  const details = batch.details;
  const since = batch.created_at;
  const updatedCompanyIds = details.updatedCompanies.map((entry) => entry.id);
  const updatedContactIds = details.updatedContacts.map((entry) => entry.id);

  const [modified] = await agencyQuery<{ name: string }>(
    em,
    sql`select name from company where agency_id = ${agencyId} and updated_at > ${since}
       and (import_batch_id = ${batchId} or id = any(${uuidArray(updatedCompanyIds)}::uuid[])
         or merged_into_id is not null and import_batch_id = ${batchId})
     union all
     select full_name from contact where agency_id = ${agencyId} and updated_at > ${since}
       and (import_batch_id = ${batchId} or id = any(${uuidArray(updatedContactIds)}::uuid[]))
     union all
     select c.name from mission_participant p join company c on c.id = p.company_id
     where p.agency_id = ${agencyId} and p.import_batch_id = ${batchId} and p.updated_at > ${since}
     limit 1`,
  );
  if (modified) return refuse(UserErrorCode.CONFLICT, msg('importUndoModified', { name: modified.name }), ['batchId']);

  const [referenced] = await agencyQuery<{ name: string }>(
    em,
    sql`select c.name from company c where c.agency_id = ${agencyId} and c.import_batch_id = ${batchId} and (
       exists (select 1 from contact x where x.company_id = c.id and x.import_batch_id is distinct from c.import_batch_id)
       or exists (select 1 from mission_participant p where p.company_id = c.id and p.import_batch_id is distinct from c.import_batch_id)
       or exists (select 1 from mission_partner p where p.company_id = c.id)
       or exists (select 1 from task t where t.company_id = c.id)
       or exists (select 1 from deal d where d.exporter_id = c.id or d.buyer_id = c.id)
       or exists (select 1 from interaction i where i.exporter_id = c.id or i.counterpart_id = c.id)
       or exists (select 1 from company m where m.merged_into_id = c.id))
     union all
     select x.full_name from contact x where x.agency_id = ${agencyId} and x.import_batch_id = ${batchId} and (
       exists (select 1 from interaction_contact ic where ic.contact_id = x.id)
       or exists (select 1 from contact m where m.merged_into_id = x.id))
     limit 1`,
  );
  if (referenced) {
    return refuse(UserErrorCode.CONFLICT, msg('importUndoReferenced', { name: referenced.name }), ['batchId']);
  }

  // What the batch created, children first.
  for (const table of ['mission_participant', 'contact', 'company']) {
    await agencyQuery(
      em,
      sql`delete from ${trusted(table)} where agency_id = ${agencyId} and import_batch_id = ${batchId}`,
    );
  }
  const restoredCompanies = details.updatedCompanies.map(({ before }) => ({
    ...before,
    normalized_name: normalizeName(before.name),
  }));
  await writeInChunks(em, restoredCompanies, companyUpdates(agencyId));
  await setSectors(
    em,
    agencyId,
    details.updatedCompanies.map(({ before }) => ({ id: before.id, sectorIds: before.sector_ids })),
    true,
  );
  const restoredContacts = details.updatedContacts.map(({ before }) => ({
    ...before,
    normalized_name: normalizeName(before.full_name),
  }));
  await writeInChunks(em, restoredContacts, contactUpdates(agencyId));
  await agencyQuery(
    em,
    sql`update import_batch set status = ${ImportBatchStatus.UNDONE}, undone_at = now(), updated_at = now()
     where id = ${batchId} and agency_id = ${agencyId}`,
  );
  recordAudit(em, ctx, {
    action: 'undoImport',
    entity: 'ImportBatch',
    entityId: batchId,
    before: { status: ImportBatchStatus.APPLIED },
    after: { status: ImportBatchStatus.UNDONE },
  });
}
