import type { MissionAgendaQuery, MissionPageQuery } from '../../../gql/graphql';

export type Participant = NonNullable<MissionPageQuery['mission']>['participants']['nodes'][number];
export type AgendaItem = NonNullable<MissionAgendaQuery['mission']>['agenda'][number];
