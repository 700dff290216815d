import { registerEnumType } from 'type-graphql';

export enum InteractionKind {
  MEETING = 'MEETING',
  CALL = 'CALL',
  EMAIL = 'EMAIL',
  VISIT = 'VISIT',
  NOTE = 'NOTE',
}
registerEnumType(InteractionKind, { name: 'InteractionKind' });

export enum MeetingStatus {
  PLANNED = 'PLANNED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
  NO_SHOW = 'NO_SHOW',
}
registerEnumType(MeetingStatus, { name: 'MeetingStatus' });

export enum Outcome {
  POSITIVE = 'POSITIVE',
  NEUTRAL = 'NEUTRAL',
  NEGATIVE = 'NEGATIVE',
}
registerEnumType(Outcome, { name: 'Outcome' });
