import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { msg } from '../../shared/messages/index.js';
import { normalizeName } from '../../shared/normalize.js';
import { agencyQuery, list, sql } from '../../shared/sql.js';
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
  approved,
  finishMerge,
  type MergeKind,
  type MergeSet,
  moveMeetings,
  startMergePlan,
  union,
} from './merge-records.js';

const AUDITED = ['fullName', 'jobTitle', 'email', 'phone', 'languages'] as const;

const CONTACTS: MergeKind<Contact, (typeof CONTACT_MERGE_FIELDS)[number]> = {
  entity: Contact,
  fields: CONTACT_MERGE_FIELDS,
  notFound: msg('noSuchContact'),
};

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
  const start = await startMergePlan(em, CONTACTS, input, options);
  if ('refused' in start) return { preview: start.refused };
  const { set, sources, errors } = start;
  const values: MergedContactValues = {
    fullName: sources.fullName.fullName,
    jobTitle: sources.jobTitle.jobTitle ?? null,
    email: sources.email.email ?? null,
    phone: sources.phone.phone ?? null,
    languages: union(...[set.keep, ...set.merged].map((contact) => contact.languages)),
  };
  const [row] = await agencyQuery<{ n: number }>(
    em,
    (agency) => sql`select count(distinct ic.interaction_id)::int as n from interaction_contact ic
     join interaction i on i.id = ic.interaction_id and i.agency_id = ${agency}
     where ic.contact_id in (${list(set.mergedIds)})
       and not exists (select 1 from interaction_contact k where k.interaction_id = ic.interaction_id and k.contact_id = ${set.keep.id})`,
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
  const { set, values } = approved(await planContactMerge(em, input, { lock: true }));
  await moveMeetings(
    em,
    set.mergedIds.map((id) => [id, set.keep.id] as const),
  );
  const fullName = values.fullName.trim();
  return finishMerge(
    em,
    ctx,
    set,
    'mergeContacts',
    (contact) => snapshot(contact, AUDITED),
    (contact) => Object.assign(contact, values, { fullName, normalizedName: normalizeName(fullName) }),
  );
}
