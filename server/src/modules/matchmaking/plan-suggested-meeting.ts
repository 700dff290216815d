import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { msg, render } from '../../shared/messages/index.js';
import { refuse } from '../../shared/mutation.js';
import { agencyQuery, sql } from '../../shared/sql.js';
import { UserErrorCode } from '../../shared/user-error.js';
import { Company } from '../company/company.entity.js';
import type { Interaction } from '../interaction/interaction.entity.js';
import { InteractionKind, MeetingStatus } from '../interaction/interaction.enums.js';
import { logInteraction } from '../interaction/interaction.service.js';
import { Mission } from '../mission/mission.entity.js';
import { dayBounds, hostTimeZone } from '../mission/time-zone.js';
import { User } from '../user/user.entity.js';

/** Planned suggestions last this long, between these hours of the host's day, on the half hour. */
export const MEETING_MINUTES = 30;
const FIRST_HOUR = 9;
const LAST_START_HOUR = 17.5;
const STEP_MINUTES = 30;

/**
 * The first slot of the mission (from now on, or its own days when it is over; 9:00 to 18:00 in
 * the host's zone) when neither the
 * exporter nor the counterpart has a planned or held meeting, by the agenda rule's own overlap
 * (half-open intervals); one statement. Null when the mission has none left.
 */
async function nextFreeSlot(em: EntityManager, mission: Mission, exporterId: string, counterpartId: string) {
  const zone = hostTimeZone(mission.hostCountry);
  const today = new Date().toISOString().slice(0, 10);
  const last = mission.endsOn ?? mission.startsOn;
  if (!mission.startsOn || !last) return null;
  // A mission under way or to come: from now on. One that is over (an agenda recorded after the
  // trip, as the demo's missions are): its own days.
  const over = last < today;
  const first = over || mission.startsOn > today ? mission.startsOn : today;
  const starts: Date[] = [];
  for (let day = first; day <= last && starts.length < 2_000; ) {
    const { start, end } = dayBounds(day, zone);
    for (let minutes = FIRST_HOUR * 60; minutes <= LAST_START_HOUR * 60; minutes += STEP_MINUTES) {
      const at = new Date(start.getTime() + minutes * 60_000);
      if (over || at.getTime() > Date.now()) starts.push(at);
    }
    day = new Date(end.getTime() + 12 * 3_600_000).toISOString().slice(0, 10);
  }
  if (starts.length === 0) return null;
  const [row] = await agencyQuery<{ at: Date | string }>(
    em,
    (
      agency,
    ) => sql`select s.at from unnest(${`{${starts.map((at) => at.toISOString()).join(',')}}`}::timestamptz[]) as s(at)
      where not exists (
        select 1 from interaction i
        where i.agency_id = ${agency} and i.kind = 'MEETING' and i.status in ('PLANNED', 'HELD')
          and i.starts_at < s.at + make_interval(mins => ${MEETING_MINUTES}) and i.ends_at > s.at
          and (i.exporter_id in (${exporterId}, ${counterpartId}) or i.counterpart_id in (${exporterId}, ${counterpartId}))
      )
      order by s.at limit 1`,
  );
  return row ? new Date(row.at) : null;
}

/**
 * Plans a suggested meeting in one click: at the exporter's next free slot of the mission where the
 * counterpart is free too, through logInteraction (which checks the agenda rule again, under its lock).
 */
export async function planSuggestedMeeting(
  em: EntityManager,
  ctx: Context,
  input: { missionId: string; exporterId: string; counterpartId: string },
): Promise<Interaction> {
  const [mission, counterpart, viewer] = await Promise.all([
    em.findOne(Mission, input.missionId),
    em.findOne(Company, input.counterpartId),
    em.findOneOrFail(User, ctx.viewer!.userId),
  ]);
  if (!mission) refuse(UserErrorCode.NOT_FOUND, msg('noSuchMission'), ['input', 'missionId']);
  if (!counterpart) refuse(UserErrorCode.NOT_FOUND, msg('noSuchCompany'), ['input', 'counterpartId']);
  const startsAt = await nextFreeSlot(em, mission, input.exporterId, input.counterpartId);
  if (!startsAt) refuse(UserErrorCode.CONFLICT, msg('noFreeSlot'), ['input', 'missionId']);
  return logInteraction(em, ctx, {
    kind: InteractionKind.MEETING,
    missionId: mission.id,
    exporterId: input.exporterId,
    counterpartId: counterpart.id,
    startsAt,
    endsAt: new Date(startsAt.getTime() + MEETING_MINUTES * 60_000),
    // Planned, whenever it falls: the agenda rule is checked for planned meetings.
    status: MeetingStatus.PLANNED,
    subject: render(msg('suggestedMeetingSubject', { counterpart: counterpart.name }), viewer.locale).slice(0, 300),
  } as Parameters<typeof logInteraction>[2]);
}
