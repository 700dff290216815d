import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { msg } from '../../shared/messages/index.js';
import { UserErrorsException } from '../../shared/mutation.js';
import { normalizeName } from '../../shared/normalize.js';
import type { UserError } from '../../shared/user-error.js';
import { snapshot } from '../audit/audit.service.js';
import { Contact } from '../contact/contact.entity.js';
import {
  CONTACT_MERGE_FIELDS,
  type MergeContactsInput,
  type MergeContactsPreview,
  type MergedContactValues,
  MergeRelation,
} from './merge.inputs.js';
import {
  archiveMerged,
  auditKept,
  chosenSources,
  loadMergeSet,
  type MergeSet,
  scopedAgency,
  union,
} from './merge-records.js';

const AUDITED = ['fullName', 'jobTitle', 'email', 'phone', 'languages'] as const;

interface ContactMergePlan {
  set: MergeSet<Contact>;
  values: MergedContactValues;
  preview: MergeContactsPreview;
}

/** What merging contacts would do (shared by the preview and the merge, as for companies). */
export async function planContactMerge(
  em: EntityManager,
  input: MergeContactsInput,
  options: { lock: boolean },
): Promise<ContactMergePlan | { preview: MergeContactsPreview; set?: undefined }> {
  const errors: UserError[] = [];
  const empty = (): MergeContactsPreview => ({ keep: null, merged: [], result: null, moves: [], userErrors: errors });
  const set = await loadMergeSet<Contact>(em, Contact, input, { ...options, errors, notFound: msg('noSuchContact') });
  if (!set) return { preview: empty() };
  const sources = chosenSources(set, input.fields, CONTACT_MERGE_FIELDS, errors);
  if (errors.length > 0) return { preview: { ...empty(), keep: set.keep, merged: set.merged } };
  const all = [set.keep, ...set.merged];
  const values: MergedContactValues = {
    fullName: sources.fullName.fullName,
    jobTitle: sources.jobTitle.jobTitle ?? null,
    email: sources.email.email ?? null,
    phone: sources.phone.phone ?? null,
    languages: union(...all.map((contact) => contact.languages)),
  };
  const [row] = await em.execute<{ n: number }[]>(
    `select count(distinct ic.interaction_id)::int as n from interaction_contact ic
     join interaction i on i.id = ic.interaction_id and i.agency_id = ?
     where ic.contact_id in (?)
       and not exists (select 1 from interaction_contact k where k.interaction_id = ic.interaction_id and k.contact_id = ?)`,
    [scopedAgency(em), set.mergedIds, set.keep.id],
  );
  return {
    set,
    values,
    preview: {
      keep: set.keep,
      merged: set.merged,
      result: values,
      moves: [{ relation: MergeRelation.INTERACTIONS, count: row.n }],
      userErrors: errors,
    },
  };
}

export async function mergeContacts(em: EntityManager, ctx: Context, input: MergeContactsInput): Promise<Contact> {
  const plan = await planContactMerge(em, input, { lock: true });
  if (!plan.set || plan.preview.userErrors.length > 0) throw new UserErrorsException(plan.preview.userErrors);
  const { set, values } = plan as ContactMergePlan;
  const agencyId = ctx.viewer!.agencyId;
  const keep = set.keep.id;
  const before = snapshot(set.keep, AUDITED);

  await em.execute(
    `insert into interaction_contact (interaction_id, contact_id)
     select ic.interaction_id, ?::uuid from interaction_contact ic
     join interaction i on i.id = ic.interaction_id and i.agency_id = ?
     where ic.contact_id in (?) on conflict do nothing`,
    [keep, agencyId, set.mergedIds],
  );
  await em.execute(
    `delete from interaction_contact ic using interaction i
     where i.id = ic.interaction_id and i.agency_id = ? and ic.contact_id in (?)`,
    [agencyId, set.mergedIds],
  );
  const now = new Date();
  archiveMerged(em, ctx, set, 'mergeContacts', now);
  const contact = set.keep;
  contact.fullName = values.fullName.trim();
  contact.normalizedName = normalizeName(contact.fullName);
  contact.jobTitle = values.jobTitle;
  contact.email = values.email;
  contact.phone = values.phone;
  contact.languages = values.languages;
  contact.updatedAt = now;
  auditKept(em, ctx, set, 'mergeContacts', before, snapshot(contact, AUDITED));
  await em.flush();
  return contact;
}
