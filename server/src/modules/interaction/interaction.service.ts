import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { msg } from '../../shared/messages/index.js';
import { refuse } from '../../shared/mutation.js';
import { normalizeName } from '../../shared/normalize.js';
import { type UserError, UserErrorCode, userError } from '../../shared/user-error.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { checkAgenda } from './agenda-conflicts.js';
import {
  checkDraft,
  type Draft,
  defaultStatus,
  field,
  type Resolved,
  refuseAll,
  refuseMeetingFieldsOnOtherKinds,
  unique,
} from './interaction.draft.js';
import { Interaction } from './interaction.entity.js';
import { InteractionKind, MeetingStatus } from './interaction.enums.js';
import type { LogInteractionInput, UpdateInteractionInput } from './interaction.inputs.js';
import { resolveReferences } from './interaction.references.js';

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

/** Fields whose change re-runs the agenda check of a planned meeting. */
const SCHEDULE = ['kind', 'startsAt', 'endsAt', 'status', 'exporterId', 'counterpartId', 'contactIds'] as const;

function auditSnapshot(interaction: Interaction): Record<string, unknown> {
  return {
    ...snapshot(interaction, AUDITED),
    contacts: interaction.contacts
      .getItems()
      .map((contact) => contact.id)
      .sort(),
  };
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
  if (!interaction) return refuse(UserErrorCode.NOT_FOUND, msg('noSuchInteraction'), field('interactionId'));
  const before = auditSnapshot(interaction);
  const errors: UserError[] = [];
  for (const name of ['kind', 'occurredAt', 'subject', 'exporterId'] as const) {
    if (input[name] === null)
      errors.push(userError(UserErrorCode.REQUIRED, msg('cannotBeRemoved', { field: name }), field(name)));
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
    errors.push(userError(UserErrorCode.REQUIRED, msg('meetingNeedsStatus'), field('status')));
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
