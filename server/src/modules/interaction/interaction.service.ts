import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { refuse, UserErrorsException } from '../../shared/mutation.js';
import { normalizeName } from '../../shared/normalize.js';
import { type UserError, UserErrorCode, userError } from '../../shared/user-error.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { Company } from '../company/company.entity.js';
import { CompanyKind } from '../company/company.enums.js';
import { Contact } from '../contact/contact.entity.js';
import { Deal } from '../deal/deal.entity.js';
import { Mission } from '../mission/mission.entity.js';
import { ParticipantStatus } from '../mission/mission.enums.js';
import { MissionParticipant } from '../mission/mission-participant.entity.js';
import { Interaction } from './interaction.entity.js';
import { InteractionKind, MeetingStatus, type Outcome } from './interaction.enums.js';
import type { LogInteractionInput, UpdateInteractionInput } from './interaction.inputs.js';

const AUDITED = [
  'kind',
  'occurredAt',
  'subject',
  'notes',
  'outcome',
  'mission',
  'exporter',
  'counterpart',
  'deal',
  'author',
  'startsAt',
  'endsAt',
  'place',
  'status',
] as const;

const MEETING_ONLY = ['startsAt', 'endsAt', 'place', 'status'] as const;

/** Fields whose change re-runs the agenda check of a planned meeting. */
const SCHEDULE = ['kind', 'startsAt', 'endsAt', 'status', 'exporterId', 'counterpartId', 'contactIds'] as const;

/** An interaction as it will be once the mutation is applied (ids for references). */
interface Draft {
  kind: InteractionKind | null;
  occurredAt: Date | null;
  subject: string | null;
  notes: string | null;
  outcome: Outcome | null;
  missionId: string | null;
  exporterId: string | null;
  counterpartId: string | null;
  contactIds: string[];
  dealId: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  place: string | null;
  status: MeetingStatus | null;
}

interface Resolved {
  mission: Mission | null;
  exporter: Company;
  counterpart: Company | null;
  contacts: Contact[];
  deal: Deal | null;
}

const field = (name: string, ...rest: string[]) => ['input', name, ...rest];

function auditSnapshot(interaction: Interaction): Record<string, unknown> {
  return {
    ...snapshot(interaction, AUDITED),
    contacts: interaction.contacts
      .getItems()
      .map((contact) => contact.id)
      .sort(),
  };
}

const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

function unique(ids: readonly string[] | null | undefined): string[] {
  return [...new Set(ids ?? [])];
}

/** A meeting that starts later than now is planned; one logged after the fact was held. */
function defaultStatus(startsAt: Date | null): MeetingStatus {
  return startsAt && startsAt.getTime() > Date.now() ? MeetingStatus.PLANNED : MeetingStatus.HELD;
}

function refuseAll(errors: UserError[]): void {
  if (errors.length > 0) throw new UserErrorsException(errors);
}

/** The rules a draft must follow on its own (before looking anything up). */
function checkDraft(draft: Draft, errors: UserError[]): void {
  if (!draft.subject?.trim()) errors.push(userError(UserErrorCode.REQUIRED, 'Give the subject.', field('subject')));
  if (draft.kind !== InteractionKind.MEETING) return;
  if (draft.startsAt && !draft.endsAt) {
    errors.push(userError(UserErrorCode.REQUIRED, 'A meeting with a start needs an end.', field('endsAt')));
  }
  if (draft.endsAt && !draft.startsAt) {
    errors.push(userError(UserErrorCode.REQUIRED, 'A meeting with an end needs a start.', field('startsAt')));
  }
  if (draft.startsAt && draft.endsAt && draft.endsAt.getTime() <= draft.startsAt.getTime()) {
    errors.push(userError(UserErrorCode.INVALID, 'The meeting must end after it starts.', field('endsAt')));
  }
  if (draft.status === MeetingStatus.PLANNED && !draft.startsAt && !draft.endsAt) {
    errors.push(
      userError(UserErrorCode.REQUIRED, 'A planned meeting needs a start and an end on the agenda.', field('startsAt')),
    );
  }
}

/**
 * Looks up the references of a draft in the viewer's agency and checks how they fit together.
 * `current` is the interaction as stored (on update): a link to a deal is checked against the
 * exporter when either changes, so that editing a meeting whose deal has since changed hands
 * is not refused for a link nobody touched.
 */
async function resolveReferences(
  em: EntityManager,
  draft: Draft,
  errors: UserError[],
  current?: Draft,
): Promise<Resolved | null> {
  const companyIds = [draft.exporterId, draft.counterpartId].filter((id): id is string => Boolean(id));
  const [companies, mission, contacts, deal] = await Promise.all([
    companyIds.length > 0 ? em.find(Company, { id: { $in: companyIds } }) : Promise.resolve([]),
    draft.missionId ? em.findOne(Mission, draft.missionId) : Promise.resolve(null),
    draft.contactIds.length > 0 ? em.find(Contact, { id: { $in: draft.contactIds } }) : Promise.resolve([]),
    draft.dealId ? em.findOne(Deal, draft.dealId) : Promise.resolve(null),
  ]);
  const exporter = companies.find((company) => company.id === draft.exporterId) ?? null;
  const counterpart = companies.find((company) => company.id === draft.counterpartId) ?? null;

  if (draft.missionId && !mission) {
    errors.push(userError(UserErrorCode.NOT_FOUND, 'No such mission.', field('missionId')));
  }
  if (!exporter) {
    errors.push(userError(UserErrorCode.NOT_FOUND, 'No such exporter.', field('exporterId')));
  } else if (exporter.kind !== CompanyKind.EXPORTER) {
    errors.push(
      userError(
        UserErrorCode.INVALID,
        `${exporter.name} is ${withArticle(exporter.kind.toLowerCase())}, not an exporter: put it as the counterpart.`,
        field('exporterId'),
      ),
    );
  }
  if (draft.counterpartId && !counterpart) {
    errors.push(userError(UserErrorCode.NOT_FOUND, 'No such counterpart.', field('counterpartId')));
  } else if (counterpart && counterpart.id === draft.exporterId) {
    errors.push(
      userError(UserErrorCode.INVALID, 'The counterpart cannot be the exporter itself.', field('counterpartId')),
    );
  } else if (counterpart && mission && counterpart.kind === CompanyKind.EXPORTER) {
    const inDelegation = await em.count(MissionParticipant, {
      mission,
      company: counterpart,
      status: { $ne: ParticipantStatus.WITHDREW },
    });
    if (inDelegation > 0) {
      errors.push(
        userError(
          UserErrorCode.INVALID,
          `${counterpart.name} is an exporter of the delegation of ${mission.name}: meet buyers, distributors or institutions.`,
          field('counterpartId'),
        ),
      );
    }
  }

  const linkChanged = !current || current.dealId !== draft.dealId || current.exporterId !== draft.exporterId;
  if (draft.dealId && !deal) {
    errors.push(userError(UserErrorCode.NOT_FOUND, 'No such deal.', field('dealId')));
  } else if (deal && exporter && deal.exporter.id !== exporter.id && linkChanged) {
    errors.push(
      userError(
        UserErrorCode.INVALID,
        `The deal "${deal.title}" is not ${exporter.name}'s: link the interaction to a deal of its exporter.`,
        field('dealId'),
      ),
    );
  }

  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const parties = new Set(companyIds);
  draft.contactIds.forEach((id, index) => {
    const contact = byId.get(id);
    if (!contact) {
      errors.push(userError(UserErrorCode.NOT_FOUND, 'No such contact.', field('contactIds', String(index))));
    } else if (!parties.has(contact.company.id)) {
      errors.push(
        userError(
          UserErrorCode.INVALID,
          `${contact.fullName} works for neither the exporter nor the counterpart.`,
          field('contactIds', String(index)),
        ),
      );
    }
  });
  if (errors.length > 0 || !exporter) return null;
  return { mission, exporter, counterpart, contacts: draft.contactIds.map((id) => byId.get(id)!), deal };
}

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

function span(startsAt: Date, endsAt: Date): string {
  const start = startsAt.toISOString();
  const end = endsAt.toISOString();
  const endText =
    start.slice(0, 10) === end.slice(0, 10) ? end.slice(11, 16) : `${end.slice(0, 10)} ${end.slice(11, 16)}`;
  return `${start.slice(0, 10)} ${start.slice(11, 16)}–${endText} UTC`;
}

/**
 * THE AGENDA RULE: a planned meeting may not overlap a planned or held meeting that shares a
 * party (the exporter or the counterpart, on either side) or a contact. Half-open intervals:
 * back-to-back meetings do not clash; cancelled and no-show meetings never do. Checked in SQL
 * in the mutation's transaction, after an advisory lock that serialises agenda changes of the
 * agency, so two concurrent plans cannot both pass the check.
 */
async function checkAgenda(
  em: EntityManager,
  ctx: Context,
  draft: Draft,
  resolved: Resolved,
  selfId: string,
): Promise<void> {
  const agencyId = ctx.viewer!.agencyId;
  const connection = em.getConnection();
  const tx = em.getTransactionContext();
  await connection.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`agenda:${agencyId}`], 'all', tx);

  const parties = [resolved.exporter, resolved.counterpart].filter((c): c is Company => Boolean(c));
  const partyIds = parties.map((company) => company.id);
  const contactIds = resolved.contacts.map((contact) => contact.id);
  const marks = (values: unknown[]) => values.map(() => '?').join(', ');
  const sharesContact = `exists (select 1 from interaction_contact ic where ic.interaction_id = i.id and ic.contact_id in (${marks(contactIds)}))`;
  const sql = `
    select i.id, i.subject, i.starts_at, i.ends_at, i.exporter_id, i.counterpart_id,
           e.name as exporter_name, c.name as counterpart_name,
           ${
             contactIds.length > 0
               ? `(select string_agg(ct.full_name, ', ' order by ct.full_name)
                     from interaction_contact ic join contact ct on ct.id = ic.contact_id
                    where ic.interaction_id = i.id and ic.contact_id in (${marks(contactIds)}))`
               : 'null'
           } as shared_contacts
      from interaction i
      join company e on e.id = i.exporter_id
      left join company c on c.id = i.counterpart_id
     where i.agency_id = ? and i.id <> ? and i.kind = ? and i.status in (?, ?)
       and i.starts_at < ? and i.ends_at > ?
       and (i.exporter_id in (${marks(partyIds)}) or i.counterpart_id in (${marks(partyIds)})
            ${contactIds.length > 0 ? `or ${sharesContact}` : ''})
     order by i.starts_at, i.id
     limit 5`;
  const params = [
    ...contactIds,
    agencyId,
    selfId,
    InteractionKind.MEETING,
    MeetingStatus.PLANNED,
    MeetingStatus.HELD,
    draft.endsAt,
    draft.startsAt,
    ...partyIds,
    ...partyIds,
    ...contactIds,
  ];
  const clashes = await connection.execute<ClashRow[]>(sql, params, 'all', tx);
  refuseAll(
    clashes.map((clash) => {
      const busy = parties
        .filter((party) => party.id === clash.exporter_id || party.id === clash.counterpart_id)
        .map((party) => party.name);
      if (clash.shared_contacts) busy.push(clash.shared_contacts);
      const other = clash.counterpart_name
        ? `${clash.exporter_name} with ${clash.counterpart_name}`
        : clash.exporter_name;
      return userError(
        UserErrorCode.CONFLICT,
        `Agenda conflict: ${busy.join(', ')} already booked ${span(new Date(clash.starts_at), new Date(clash.ends_at))} ` +
          `in "${clash.subject}" (${other}).`,
        field('startsAt'),
        clash.id,
      );
    }),
  );
}

function apply(interaction: Interaction, draft: Draft, resolved: Resolved): void {
  interaction.kind = draft.kind!;
  interaction.occurredAt = draft.occurredAt!;
  interaction.subject = draft.subject!.trim();
  interaction.normalizedSubject = normalizeName(interaction.subject);
  interaction.notes = draft.notes;
  interaction.outcome = draft.outcome;
  interaction.mission = resolved.mission;
  interaction.exporter = resolved.exporter;
  interaction.counterpart = resolved.counterpart;
  interaction.deal = resolved.deal;
  interaction.startsAt = draft.startsAt;
  interaction.endsAt = draft.endsAt;
  interaction.place = draft.place;
  interaction.status = draft.status;
  interaction.contacts.set(resolved.contacts);
}

function refuseMeetingFieldsOnOtherKinds(
  kind: InteractionKind | null,
  input: Partial<Record<(typeof MEETING_ONLY)[number], unknown>>,
  errors: UserError[],
): void {
  if (kind === InteractionKind.MEETING) return;
  for (const name of MEETING_ONLY) {
    if (input[name] != null) {
      errors.push(
        userError(UserErrorCode.INVALID, `Only meetings have ${name} (this is a ${kind?.toLowerCase()}).`, field(name)),
      );
    }
  }
}

export async function logInteraction(
  em: EntityManager,
  ctx: Context,
  input: LogInteractionInput,
): Promise<Interaction> {
  const errors: UserError[] = [];
  refuseMeetingFieldsOnOtherKinds(input.kind, input, errors);
  const meeting = input.kind === InteractionKind.MEETING;
  const startsAt = meeting ? (input.startsAt ?? null) : null;
  const draft: Draft = {
    kind: input.kind,
    occurredAt: input.occurredAt ?? startsAt ?? new Date(),
    subject: input.subject,
    notes: input.notes ?? null,
    outcome: input.outcome ?? null,
    missionId: input.missionId ?? null,
    exporterId: input.exporterId,
    counterpartId: input.counterpartId ?? null,
    contactIds: unique(input.contactIds),
    dealId: input.dealId ?? null,
    startsAt,
    endsAt: meeting ? (input.endsAt ?? null) : null,
    place: meeting ? (input.place ?? null) : null,
    status: meeting ? (input.status ?? defaultStatus(startsAt)) : null,
  };
  checkDraft(draft, errors);
  const resolved = await resolveReferences(em, draft, errors);
  refuseAll(errors);

  const interaction = em.create(Interaction, {
    agency: ctx.viewer!.agencyId,
    author: ctx.viewer!.userId,
    kind: draft.kind!,
    occurredAt: draft.occurredAt!,
    subject: draft.subject!,
    normalizedSubject: '',
    exporter: resolved!.exporter,
  });
  apply(interaction, draft, resolved!);
  if (draft.kind === InteractionKind.MEETING && draft.status === MeetingStatus.PLANNED) {
    await checkAgenda(em, ctx, draft, resolved!, interaction.id);
  }
  recordAudit(em, ctx, {
    action: 'logInteraction',
    entity: 'Interaction',
    entityId: interaction.id,
    after: auditSnapshot(interaction),
  });
  return interaction;
}

export async function updateInteraction(
  em: EntityManager,
  ctx: Context,
  input: UpdateInteractionInput,
): Promise<Interaction> {
  const interaction = await em.findOne(Interaction, input.interactionId, { populate: ['contacts'] });
  if (!interaction) return refuse(UserErrorCode.NOT_FOUND, 'No such interaction.', field('interactionId'));
  const before = auditSnapshot(interaction);
  const errors: UserError[] = [];
  for (const name of ['kind', 'occurredAt', 'subject', 'exporterId'] as const) {
    if (input[name] === null) errors.push(userError(UserErrorCode.REQUIRED, `${name} cannot be removed.`, field(name)));
  }
  const pick = <T>(value: T | null | undefined, current: T | null): T | null => (value === undefined ? current : value);
  const current: Draft = {
    kind: interaction.kind,
    occurredAt: interaction.occurredAt,
    subject: interaction.subject,
    notes: interaction.notes ?? null,
    outcome: interaction.outcome ?? null,
    missionId: interaction.mission?.id ?? null,
    exporterId: interaction.exporter.id,
    counterpartId: interaction.counterpart?.id ?? null,
    contactIds: interaction.contacts.getItems().map((contact) => contact.id),
    dealId: interaction.deal?.id ?? null,
    startsAt: interaction.startsAt ?? null,
    endsAt: interaction.endsAt ?? null,
    place: interaction.place ?? null,
    status: interaction.status ?? null,
  };
  const kind = input.kind ?? current.kind;
  refuseMeetingFieldsOnOtherKinds(kind, input, errors);
  const meeting = kind === InteractionKind.MEETING;
  const startsAt = meeting ? pick(input.startsAt, current.startsAt) : null;
  // A meeting's occurredAt follows its start when the client moves it (unless it sets both).
  const followsStart = current.startsAt != null && interaction.occurredAt.getTime() === current.startsAt.getTime();
  const draft: Draft = {
    kind,
    occurredAt:
      input.occurredAt ?? (followsStart && startsAt && input.startsAt !== undefined ? startsAt : current.occurredAt),
    subject: input.subject ?? current.subject,
    notes: pick(input.notes, current.notes),
    outcome: pick(input.outcome, current.outcome),
    missionId: pick(input.missionId, current.missionId),
    exporterId: input.exporterId ?? current.exporterId,
    counterpartId: pick(input.counterpartId, current.counterpartId),
    contactIds: input.contactIds === undefined ? current.contactIds : unique(input.contactIds),
    dealId: pick(input.dealId, current.dealId),
    startsAt,
    endsAt: meeting ? pick(input.endsAt, current.endsAt) : null,
    place: meeting ? pick(input.place, current.place) : null,
    status: meeting ? (pick(input.status, current.status) ?? defaultStatus(startsAt)) : null,
  };
  if (meeting && input.status === null) {
    errors.push(userError(UserErrorCode.REQUIRED, 'A meeting always has a status.', field('status')));
  }
  checkDraft(draft, errors);
  const resolved = await resolveReferences(em, draft, errors, current);
  refuseAll(errors);

  const comparable = (value: unknown) => JSON.stringify(Array.isArray(value) ? [...value].sort() : value);
  const scheduleChanged = SCHEDULE.some((name) => comparable(draft[name]) !== comparable(current[name]));
  apply(interaction, draft, resolved!);
  if (draft.kind === InteractionKind.MEETING && draft.status === MeetingStatus.PLANNED && scheduleChanged) {
    await checkAgenda(em, ctx, draft, resolved!, interaction.id);
  }
  recordAudit(em, ctx, {
    action: 'updateInteraction',
    entity: 'Interaction',
    entityId: interaction.id,
    before,
    after: auditSnapshot(interaction),
  });
  return interaction;
}
