import type { NonEmptyArray } from 'type-graphql';
import { AgencyResolver, UserAgencyResolver } from '../modules/agency/agency.resolver.js';
import { AnalyticsResolver } from '../modules/analytics/analytics.resolver.js';
import { AuditEventResolver } from '../modules/audit/audit.resolver.js';
import { ApiTokenResolver } from '../modules/auth/api-token.resolver.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { CompanyResolver } from '../modules/company/company.resolver.js';
import {
  DealConfirmationFieldResolver,
  DealConfirmationResolver,
} from '../modules/confirmation/confirmation.resolver.js';
import { ContactResolver } from '../modules/contact/contact.resolver.js';
import { DealResolver, DealStageChangeResolver } from '../modules/deal/deal.resolver.js';
import { PipelineStageDealsResolver } from '../modules/deal/stage-deals.resolver.js';
import { DealEventsResolver, InteractionEventsResolver } from '../modules/events/events.resolver.js';
import { ExchangeRateResolver } from '../modules/exchange-rate/exchange-rate.resolver.js';
import { ImportPreviewResolver, ImportResolver } from '../modules/import/import.resolver.js';
import { ImportProgressResolver } from '../modules/import/import-progress.resolver.js';
import { CompanyInteractionsResolver } from '../modules/interaction/company-interactions.resolver.js';
import { InteractionResolver } from '../modules/interaction/interaction.resolver.js';
import { MissionInteractionsResolver } from '../modules/interaction/mission-interactions.resolver.js';
import { OutboxMailResolver } from '../modules/mail/mail.resolver.js';
import { MissionSuggestionsResolver } from '../modules/matchmaking/matchmaking.resolver.js';
import { MergeResolver } from '../modules/merge/merge.resolver.js';
import { CompanyMissionsResolver } from '../modules/mission/company-missions.resolver.js';
import { MissionParticipantResolver, MissionResolver } from '../modules/mission/mission.resolver.js';
import { PipelineResolver, PipelineStageResolver } from '../modules/pipeline/pipeline.resolver.js';
import { SearchResolver } from '../modules/search/search.resolver.js';
import { SectorResolver } from '../modules/sector/sector.resolver.js';
import { CompanyTasksResolver, MissionTasksResolver } from '../modules/task/nested-tasks.resolver.js';
import { TaskResolver } from '../modules/task/task.resolver.js';
import { InvitationResolver, UserResolver } from '../modules/user/user.resolver.js';

/** Every resolver of the API; a module adds its own here. */
export const resolvers: NonEmptyArray<Function> = [
  AuthResolver,
  DealEventsResolver,
  InteractionEventsResolver,
  ApiTokenResolver,
  UserResolver,
  InvitationResolver,
  AuditEventResolver,
  AgencyResolver,
  UserAgencyResolver,
  SectorResolver,
  CompanyResolver,
  ContactResolver,
  MissionResolver,
  MissionParticipantResolver,
  CompanyMissionsResolver,
  InteractionResolver,
  CompanyInteractionsResolver,
  MissionInteractionsResolver,
  TaskResolver,
  MissionTasksResolver,
  CompanyTasksResolver,
  PipelineResolver,
  PipelineStageResolver,
  PipelineStageDealsResolver,
  DealResolver,
  DealStageChangeResolver,
  ExchangeRateResolver,
  AnalyticsResolver,
  MergeResolver,
  SearchResolver,
  ImportResolver,
  ImportPreviewResolver,
  ImportProgressResolver,
  DealConfirmationResolver,
  DealConfirmationFieldResolver,
  OutboxMailResolver,
  MissionSuggestionsResolver,
];
