import type { BadgeTone } from '../../components/ui/Badge';
import type {
  CompanyKind,
  ConfirmationStatus,
  ImportRowAction,
  MailStatus,
  MeetingStatus,
  MissionStatus,
  Outcome,
  ParticipantStatus,
  StageCategory,
  UserStatus,
} from '../../gql/graphql';

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

/** A deal's stage category (a board column shows a badge for WON and LOST only). */
export const stageCategoryTone: Record<StageCategory, BadgeTone> = { OPEN: 'info', WON: 'success', LOST: 'danger' };

export const participantStatusTone: Record<ParticipantStatus, BadgeTone> = {
  INVITED: 'neutral',
  REGISTERED: 'info',
  CONFIRMED: 'info',
  ATTENDED: 'success',
  WITHDREW: 'danger',
};

export const userStatusTone: Record<UserStatus, BadgeTone> = {
  ACTIVE: 'success',
  INVITED: 'info',
  DEACTIVATED: 'neutral',
};

export const companyKindTone: Record<CompanyKind, BadgeTone> = {
  EXPORTER: 'info',
  BUYER: 'success',
  DISTRIBUTOR: 'warning',
  RETAILER: 'warning',
  INSTITUTION: 'neutral',
  PARTNER: 'neutral',
};

/** What an import does with a row. */
export const importRowActionTone: Record<ImportRowAction, BadgeTone> = {
  CREATE: 'success',
  UPDATE: 'info',
  LINK: 'info',
  UNCHANGED: 'neutral',
  SKIP: 'neutral',
  ERROR: 'danger',
  POSSIBLE_DUPLICATE: 'warning',
};

/** Where an exporter's confirmation of a won deal stands. */
export const confirmationStatusTone: Record<ConfirmationStatus, BadgeTone> = {
  REQUESTED: 'info',
  CONFIRMED: 'success',
  CORRECTED: 'warning',
  DISPUTED: 'danger',
  EXPIRED: 'neutral',
};

/** An outgoing mail: waiting (no SMTP server, or not yet sent), on its way, sent, or given up. */
export const mailStatusTone: Record<MailStatus, BadgeTone> = {
  PENDING: 'warning',
  SENDING: 'info',
  SENT: 'success',
  FAILED: 'danger',
};
