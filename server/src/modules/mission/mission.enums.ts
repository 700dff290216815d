import { registerEnumType } from 'type-graphql';

export enum MissionKind {
  TRADE_MISSION = 'TRADE_MISSION',
  BUYERS_PROGRAMME = 'BUYERS_PROGRAMME',
  BUSINESS_FORUM = 'BUSINESS_FORUM',
  INBOUND_DELEGATION = 'INBOUND_DELEGATION',
  ONLINE_MISSION = 'ONLINE_MISSION',
  TRADE_FAIR = 'TRADE_FAIR',
}
registerEnumType(MissionKind, { name: 'MissionKind' });

export enum MissionStatus {
  PLANNED = 'PLANNED',
  OPEN = 'OPEN',
  ONGOING = 'ONGOING',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MissionStatus, { name: 'MissionStatus' });

export enum ParticipantStatus {
  INVITED = 'INVITED',
  REGISTERED = 'REGISTERED',
  CONFIRMED = 'CONFIRMED',
  ATTENDED = 'ATTENDED',
  WITHDREW = 'WITHDREW',
}
registerEnumType(ParticipantStatus, { name: 'ParticipantStatus' });
