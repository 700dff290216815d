import type { EntityManager } from '@mikro-orm/postgresql';
import { NOT_MERGED_FILTER } from '../../db/merged-filter.js';
import type { Context } from '../../graphql/context.js';
import { isUuid } from '../../shared/ids.js';
import type { Message } from '../../shared/messages/index.js';
import { msg } from '../../shared/messages/index.js';
import { type UserError, UserErrorCode, userError } from '../../shared/user-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { Company } from '../company/company.entity.js';
import { Contact } from '../contact/contact.entity.js';
import type { SeenVersionInput } from './merge.inputs.js';

/** The filters of a read that must see merged (archived) records too. */
export const WITH_MERGED = { filters: { [NOT_MERGED_FILTER]: false } } as const;

type Mergeable = Company | Contact;

export interface MergeSet<T extends Mergeable> {
  keep: T;
  merged: T[];
  /** Every id of the set, kept one first. */
  ids: string[];
  mergedIds: string[];
}

const label = (record: Mergeable) => (record instanceof Company ? record.name : record.fullName);
const entityName = (record: Mergeable) => (record instanceof Company ? 'Company' : 'Contact');

/**
 * The records of a merge, checked: the kept one is not among the merged, none is listed twice,
 * all exist in the agency and are live, none changed since the reviewer saw it. Locked `for
 * update` when merging, so that no one changes them between the check and the merge.
 */
export async function loadMergeSet<T extends Mergeable>(
  em: EntityManager,
  entity: typeof Company | typeof Contact,
  input: { keepId: string; mergeIds: string[]; seen?: SeenVersionInput[] | null },
  options: { lock: boolean; errors: UserError[]; notFound: Message },
): Promise<MergeSet<T> | null> {
  const { errors } = options;
  const keepId = input.keepId.toLowerCase();
  const mergeIds = input.mergeIds.map((id) => id.toLowerCase());
  if (mergeIds.length === 0) {
    errors.push(userError(UserErrorCode.REQUIRED, msg('mergeNothingToMerge'), ['input', 'mergeIds']));
    return null;
  }
  if (mergeIds.includes(keepId)) {
    errors.push(userError(UserErrorCode.INVALID, msg('mergeKeepAlsoMerged'), ['input', 'mergeIds']));
    return null;
  }
  if (new Set(mergeIds).size !== mergeIds.length) {
    errors.push(userError(UserErrorCode.INVALID, msg('mergeListedTwice'), ['input', 'mergeIds']));
    return null;
  }
  const ids = [keepId, ...mergeIds];
  const valid = ids.filter(isUuid);
  if (options.lock && valid.length > 0) {
    const table = entity === Company ? 'company' : 'contact';
    await em.execute(`select id from "${table}" where agency_id = ? and id in (?) order by id for update`, [
      scopedAgency(em),
      valid,
    ]);
  }
  const found = (valid.length
    ? await em.find(entity as unknown as typeof Company, { id: { $in: valid } }, WITH_MERGED)
    : []) as unknown as T[];
  const byId = new Map(found.map((record) => [record.id, record]));
  ids.forEach((id, index) => {
    if (!byId.has(id)) {
      const field = index === 0 ? ['input', 'keepId'] : ['input', 'mergeIds', String(index - 1)];
      errors.push(userError(UserErrorCode.NOT_FOUND, options.notFound, field));
    }
  });
  if (errors.length > 0) return null;
  for (const id of ids) {
    const record = byId.get(id)!;
    if (record.mergedInto) {
      errors.push(
        userError(UserErrorCode.CONFLICT, msg('mergeAlreadyMerged', { name: label(record) }), ['input'], record.id),
      );
    }
  }
  (input.seen ?? []).forEach((seen, index) => {
    const record = byId.get(seen.id.toLowerCase());
    if (!record) {
      errors.push(userError(UserErrorCode.NOT_FOUND, options.notFound, ['input', 'seen', String(index), 'id']));
    } else if (record.updatedAt.getTime() !== new Date(seen.updatedAt).getTime()) {
      errors.push(
        userError(UserErrorCode.CONFLICT, msg('mergeStale', { name: label(record) }), ['input', 'seen'], record.id),
      );
    }
  });
  if (errors.length > 0) return null;
  return { keep: byId.get(keepId)!, merged: mergeIds.map((id) => byId.get(id)!), ids, mergedIds: mergeIds };
}

/** For each field, the record whose value is kept (the kept record when not chosen). */
export function chosenSources<T extends Mergeable, F extends string>(
  set: MergeSet<T>,
  fields: Partial<Record<F, string | null>> | null | undefined,
  names: readonly F[],
  errors: UserError[],
): Record<F, T> {
  const byId = new Map([set.keep, ...set.merged].map((record) => [record.id, record]));
  const sources = {} as Record<F, T>;
  for (const name of names) {
    const id = fields?.[name];
    const source = id ? byId.get(id.toLowerCase()) : set.keep;
    if (!source)
      errors.push(userError(UserErrorCode.INVALID, msg('mergeValueFromElsewhere'), ['input', 'fields', name]));
    sources[name] = source ?? set.keep;
  }
  return sources;
}

/** Archives the merged records into the kept one (merged `now`), with an audit entry each. */
export function archiveMerged<T extends Mergeable>(
  em: EntityManager,
  ctx: Context,
  set: MergeSet<T>,
  action: 'mergeCompanies' | 'mergeContacts',
  now: Date,
): void {
  for (const record of set.merged) {
    (record as { mergedInto?: T | null }).mergedInto = set.keep;
    record.mergedAt = now;
    recordAudit(em, ctx, {
      action,
      entity: entityName(record),
      entityId: record.id,
      before: { mergedInto: null },
      after: { mergedInto: set.keep.id },
    });
  }
}

/** The kept record's audit entry: its values before and after the merge, and the records merged into it. */
export function auditKept<T extends Mergeable>(
  em: EntityManager,
  ctx: Context,
  set: MergeSet<T>,
  action: 'mergeCompanies' | 'mergeContacts',
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): void {
  recordAudit(em, ctx, {
    action,
    entity: entityName(set.keep),
    entityId: set.keep.id,
    before: { ...before, merged: [] },
    after: { ...after, merged: set.mergedIds },
  });
}

export function scopedAgency(em: EntityManager): string {
  const params = em.getFilterParams<{ agencyId?: string }>('agency');
  if (!params?.agencyId) throw new Error('A merge needs an agency-scoped EntityManager');
  return params.agencyId;
}

/** Unique values, first seen first. */
export function union(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

/**
 * The live record a link to a merged one leads to, following merges of merges (A → B → C),
 * in one statement bound to the agency.
 */
export async function liveRecord<T extends Mergeable>(
  em: EntityManager,
  entity: typeof Company | typeof Contact,
  agencyId: string,
  id: string,
): Promise<T | null> {
  const table = entity === Company ? 'company' : 'contact';
  const rows = await em.execute<{ id: string }[]>(
    `with recursive chain(id, next, depth) as (
       select id, merged_into_id, 0 from "${table}" where agency_id = ? and id = ?
       union all
       select t.id, t.merged_into_id, chain.depth + 1 from "${table}" t
       join chain on t.id = chain.next where t.agency_id = ? and chain.depth < 50
     )
     select id from chain where next is null limit 1`,
    [agencyId, id, agencyId],
  );
  if (!rows[0]) return null;
  return (await em.findOne(entity as unknown as typeof Company, rows[0].id)) as unknown as T | null;
}
