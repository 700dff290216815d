import type { BadgeTone } from '../../components/ui/Badge';
import type { MeetingStatus, MissionStatus, Outcome, StageCategory } from '../../gql/graphql';

/** One colour per status, whichever screen shows the badge. */

export const missionStatusTone: Record<MissionStatus, BadgeTone> = {
  PLANNED: 'neutral',
  OPEN: 'info',
  ONGOING: 'warning',
  COMPLETED: 'success',
  CANCELLED: 'danger',
};

export const meetingStatusTone: Record<MeetingStatus, BadgeTone> = {
  PLANNED: 'info',
  HELD: 'success',
  NO_SHOW: 'warning',
  CANCELLED: 'neutral',
};

export const outcomeTone: Record<Outcome, BadgeTone> = {
  POSITIVE: 'success',
  NEUTRAL: 'neutral',
  NEGATIVE: 'danger',
};

/** A deal's stage category (a board column header has its own, quieter OPEN). */
export const stageCategoryTone: Record<StageCategory, BadgeTone> = { OPEN: 'info', WON: 'success', LOST: 'danger' };
