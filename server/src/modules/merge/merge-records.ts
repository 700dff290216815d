import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NOT_MERGED_FILTER } from '../../db/merged-filter.js';
import type { Context } from '../../graphql/context.js';
import { isUuid } from '../../shared/ids.js';
import type { Message } from '../../shared/messages/index.js';
import { msg } from '../../shared/messages/index.js';
import { UserErrorsException } from '../../shared/mutation.js';
import { agencyQuery, joinSql, list, type Sql, sql, trusted } from '../../shared/sql.js';
import { type UserError, UserErrorCode, userError } from '../../shared/user-error.js';
import { recordAudit } from '../audit/audit.service.js';
import { Company } from '../company/company.entity.js';
import { Contact } from '../contact/contact.entity.js';
import type { SeenVersionInput } from './merge.inputs.js';

/** The filters of a read that must see merged (archived) records too. */
export const WITH_MERGED = { filters: { [NOT_MERGED_FILTER]: false } } as const;

type Mergeable = Company | Contact;

type MergeSetInput = { keepId: string; mergeIds: string[]; seen?: SeenVersionInput[] | null };

export interface MergeSet<T extends Mergeable> {
  keep: T;
  merged: T[];
  /** Every id of the set, kept one first. */
  ids: string[];
  mergedIds: string[];
}

const tableOf = (entity: EntityClass<Mergeable>) => trusted(entity === Company ? 'company' : 'contact');
const label = (record: Mergeable) => (record instanceof Company ? record.name : record.fullName);
const entityName = (record: Mergeable) => (record instanceof Company ? 'Company' : 'Contact');

/**
 * The records of a merge, checked: the kept one is not among the merged, none is listed twice,
 * all exist in the agency and are live, none changed since the reviewer saw it. Locked `for
 * update` when merging, so that no one changes them between the check and the merge.
 */
async function loadMergeSet<T extends Mergeable>(
  em: EntityManager,
  entity: EntityClass<T>,
  input: MergeSetInput,
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
    await agencyQuery(
      em,
      (agency) =>
        sql`select id from ${tableOf(entity)} where agency_id = ${agency} and id in (${list(valid)}) order by id for update`,
    );
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
function chosenSources<T extends Mergeable, F extends string>(
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

/** What is merged: the entity, its fields whose value the reviewer chooses, the refusal of an unknown id. */
export interface MergeKind<T extends Mergeable, F extends string> {
  entity: EntityClass<T>;
  fields: readonly F[];
  notFound: Message;
}

/** What a preview shows of a merge refused before its plan: the records, when they were found, and why. */
interface RefusedMerge<T extends Mergeable> {
  keep: T | null;
  merged: T[];
  result: null;
  moves: [];
  userErrors: UserError[];
}

/**
 * The start of every merge plan: the checked records (loadMergeSet) and, for each field, the
 * record whose value is kept (chosenSources); or, when either is refused, the preview saying why.
 * Further refusals of the plan go into `errors`.
 */
export async function startMergePlan<T extends Mergeable, F extends string>(
  em: EntityManager,
  kind: MergeKind<T, F>,
  input: MergeSetInput & { fields?: Partial<Record<F, string | null>> | null },
  options: { lock: boolean },
): Promise<{ set: MergeSet<T>; sources: Record<F, T>; errors: UserError[] } | { refused: RefusedMerge<T> }> {
  const errors: UserError[] = [];
  const refused = (set?: MergeSet<T>) => ({
    refused: { keep: set?.keep ?? null, merged: set?.merged ?? [], result: null, moves: [] as [], userErrors: errors },
  });
  const set = await loadMergeSet<T>(em, kind.entity, input, { ...options, errors, notFound: kind.notFound });
  if (!set) return refused();
  const sources = chosenSources(set, input.fields, kind.fields, errors);
  return errors.length > 0 ? refused(set) : { set, sources, errors };
}

/** A plan the merge may carry out; its refusals are thrown otherwise (the mutation answers them as userErrors). */
export function approved<P extends { set?: MergeSet<Mergeable>; preview: { userErrors: UserError[] } }>(
  plan: P,
): Extract<P, { set: MergeSet<Mergeable> }> {
  if (!plan.set || plan.preview.userErrors.length > 0) throw new UserErrorsException(plan.preview.userErrors);
  return plan as Extract<P, { set: MergeSet<Mergeable> }>;
}

/**
 * The end of every merge: archives the merged records into the kept one (with an audit entry
 * each) and flushes first (the kept record may take one of their unique names), then gives the
 * kept record its merged values (`apply`) and audits it: `audited` before and after, and the
 * records merged into it.
 */
export async function finishMerge<T extends Mergeable>(
  em: EntityManager,
  ctx: Context,
  set: MergeSet<T>,
  action: 'mergeCompanies' | 'mergeContacts',
  audited: (record: T) => Record<string, unknown>,
  apply: (keep: T) => void,
): Promise<T> {
  const before = audited(set.keep);
  const now = new Date();
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
  await em.flush();
  apply(set.keep);
  set.keep.updatedAt = now;
  recordAudit(em, ctx, {
    action,
    entity: entityName(set.keep),
    entityId: set.keep.id,
    before: { ...before, merged: [] },
    after: { ...audited(set.keep), merged: set.mergedIds },
  });
  await em.flush();
  return set.keep;
}

/** `[record, keeper]` pairs as the rows of a `values` list, `d(id, keeper)` once named. */
export function keeperValues(pairs: readonly (readonly [string, string])[]): Sql {
  return joinSql(
    pairs.map(([id, keeper]) => sql`(${id}::uuid, ${keeper}::uuid)`),
    ', ',
  );
}

/**
 * Moves the meetings of contacts to the contact each merges into (`[contact, keeper]` pairs): a
 * meeting both attended keeps one link. Only meetings of the agency are touched.
 */
export async function moveMeetings(em: EntityManager, pairs: readonly (readonly [string, string])[]): Promise<void> {
  if (pairs.length === 0) return;
  const keepers = keeperValues(pairs);
  await agencyQuery(
    em,
    (agency) => sql`insert into interaction_contact (interaction_id, contact_id)
      select ic.interaction_id, d.keeper from interaction_contact ic
      join (values ${keepers}) as d(id, keeper) on d.id = ic.contact_id
      join interaction i on i.id = ic.interaction_id and i.agency_id = ${agency}
      on conflict do nothing`,
  );
  await agencyQuery(
    em,
    (agency) => sql`delete from interaction_contact ic using interaction i
      where i.id = ic.interaction_id and i.agency_id = ${agency}
        and ic.contact_id in (${list(pairs.map(([id]) => id))})`,
  );
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
  const table = tableOf(entity);
  const rows = await agencyQuery<{ id: string }>(
    em,
    sql`with recursive chain(id, next, depth) as (
       select id, merged_into_id, 0 from ${table} where agency_id = ${agencyId} and id = ${id}
       union all
       select t.id, t.merged_into_id, chain.depth + 1 from ${table} t
       join chain on t.id = chain.next where t.agency_id = ${agencyId} and chain.depth < 50
     )
     select id from chain where next is null limit 1`,
  );
  if (!rows[0]) return null;
  return (await em.findOne(entity as unknown as typeof Company, rows[0].id)) as unknown as T | null;
}
