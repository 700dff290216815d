import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { msg } from '../../shared/messages/index.js';
import { agencyQuery, EMPTY, list, sql, trusted } from '../../shared/sql.js';
import { UserErrorCode, userError } from '../../shared/user-error.js';
import type { Company } from '../company/company.entity.js';
import { type Draft, field, type Resolved, refuseAll } from './interaction.draft.js';
import { InteractionKind, MeetingStatus } from './interaction.enums.js';

interface ClashRow {
  id: string;
  subject: string;
  starts_at: Date | string;
  ends_at: Date | string;
  exporter_id: string;
  counterpart_id: string | null;
  exporter_name: string;
  counterpart_name: string | null;
  shared_contacts: string | null;
}

/**
 * THE AGENDA RULE: a planned meeting may not overlap a planned or held meeting that shares a
 * party (the exporter or the counterpart, on either side) or a contact. Half-open intervals:
 * back-to-back meetings do not clash; cancelled and no-show meetings never do. Checked in SQL
 * in the mutation's transaction, after an advisory lock that serialises agenda changes of the
 * agency, so two concurrent plans cannot both pass the check.
 */
export async function checkAgenda(
  em: EntityManager,
  ctx: Context,
  draft: Draft,
  resolved: Resolved,
  selfId: string,
): Promise<void> {
  const agencyId = ctx.viewer!.agencyId;
  await agencyQuery(em, (agency) => sql`select pg_advisory_xact_lock(hashtextextended('agenda:' || ${agency}, 0))`);

  const parties = [resolved.exporter, resolved.counterpart].filter((c): c is Company => Boolean(c));
  const partyIds = list(parties.map((company) => company.id));
  const contactIds = resolved.contacts.map((contact) => contact.id);
  const contacts = contactIds.length > 0 ? list(contactIds) : null;
  const sharesContact = contacts
    ? sql`or exists (select 1 from interaction_contact ic where ic.interaction_id = i.id and ic.contact_id in (${contacts}))`
    : EMPTY;
  const sharedContacts = contacts
    ? sql`(select string_agg(ct.full_name, ', ' order by ct.full_name)
                     from interaction_contact ic join contact ct on ct.id = ic.contact_id
                    where ic.interaction_id = i.id and ic.contact_id in (${contacts}))`
    : trusted('null');
  const clashes = await agencyQuery<ClashRow>(
    em,
    sql`
    select i.id, i.subject, i.starts_at, i.ends_at, i.exporter_id, i.counterpart_id,
           e.name as exporter_name, c.name as counterpart_name,
           ${sharedContacts} as shared_contacts
      from interaction i
      join company e on e.id = i.exporter_id
      left join company c on c.id = i.counterpart_id
     where i.agency_id = ${agencyId} and i.id <> ${selfId} and i.kind = ${InteractionKind.MEETING}
       and i.status in (${MeetingStatus.PLANNED}, ${MeetingStatus.HELD})
       and i.starts_at < ${draft.endsAt} and i.ends_at > ${draft.startsAt}
       and (i.exporter_id in (${partyIds}) or i.counterpart_id in (${partyIds})
            ${sharesContact})
     order by i.starts_at, i.id
     limit 5`,
  );
  refuseAll(
    clashes.map((clash) => {
      const busy = parties
        .filter((party) => party.id === clash.exporter_id || party.id === clash.counterpart_id)
        .map((party) => party.name);
      if (clash.shared_contacts) busy.push(...clash.shared_contacts.split(', '));
      return userError(
        UserErrorCode.CONFLICT,
        msg('agendaConflict', {
          busy,
          startsAt: new Date(clash.starts_at),
          endsAt: new Date(clash.ends_at),
          subject: clash.subject,
          exporter: clash.exporter_name,
          counterpart: clash.counterpart_name,
        }),
        field('startsAt'),
        clash.id,
      );
    }),
  );
}
