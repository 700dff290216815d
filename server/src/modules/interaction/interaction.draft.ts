import { msg } from '../../shared/messages/index.js';
import { UserErrorsException } from '../../shared/mutation.js';
import { type UserError, UserErrorCode, userError } from '../../shared/user-error.js';
import type { Company } from '../company/company.entity.js';
import type { Contact } from '../contact/contact.entity.js';
import type { Deal } from '../deal/deal.entity.js';
import type { Mission } from '../mission/mission.entity.js';
import { InteractionKind, MeetingStatus, type Outcome } from './interaction.enums.js';

/** The rules of an interaction on its own, before anything is looked up or written. */

export const MEETING_ONLY = ['startsAt', 'endsAt', 'place', 'status'] as const;

/** An interaction as it will be once the mutation is applied (ids for references). */
export interface Draft {
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

export interface Resolved {
  mission: Mission | null;
  exporter: Company;
  counterpart: Company | null;
  contacts: Contact[];
  deal: Deal | null;
}

export const field = (name: string, ...rest: string[]) => ['input', name, ...rest];

export function unique(ids: readonly string[] | null | undefined): string[] {
  return [...new Set(ids ?? [])];
}

/** A meeting that starts later than now is planned; one logged after the fact was held. */
export function defaultStatus(startsAt: Date | null): MeetingStatus {
  return startsAt && startsAt.getTime() > Date.now() ? MeetingStatus.PLANNED : MeetingStatus.HELD;
}

export function refuseAll(errors: UserError[]): void {
  if (errors.length > 0) throw new UserErrorsException(errors);
}

/** The rules a draft must follow on its own (before looking anything up). */
export function checkDraft(draft: Draft, errors: UserError[]): void {
  if (!draft.subject?.trim()) errors.push(userError(UserErrorCode.REQUIRED, msg('giveSubject'), field('subject')));
  if (draft.kind !== InteractionKind.MEETING) return;
  if (draft.startsAt && !draft.endsAt) {
    errors.push(userError(UserErrorCode.REQUIRED, msg('meetingNeedsEnd'), field('endsAt')));
  }
  if (draft.endsAt && !draft.startsAt) {
    errors.push(userError(UserErrorCode.REQUIRED, msg('meetingNeedsStart'), field('startsAt')));
  }
  if (draft.startsAt && draft.endsAt && draft.endsAt.getTime() <= draft.startsAt.getTime()) {
    errors.push(userError(UserErrorCode.INVALID, msg('meetingEndsBeforeStart'), field('endsAt')));
  }
  if (draft.status === MeetingStatus.PLANNED && !draft.startsAt && !draft.endsAt) {
    errors.push(userError(UserErrorCode.REQUIRED, msg('plannedMeetingNeedsTimes'), field('startsAt')));
  }
}

export function refuseMeetingFieldsOnOtherKinds(
  kind: InteractionKind | null,
  input: Partial<Record<(typeof MEETING_ONLY)[number], unknown>>,
  errors: UserError[],
): void {
  if (kind === InteractionKind.MEETING) return;
  for (const name of MEETING_ONLY) {
    if (input[name] != null) {
      errors.push(
        userError(UserErrorCode.INVALID, msg('onlyMeetingsHave', { field: name, interactionKind: kind }), field(name)),
      );
    }
  }
}
