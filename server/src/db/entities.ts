import { Agency } from '../modules/agency/agency.entity.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { ApiToken } from '../modules/auth/api-token.entity.js';
import { OneTimeToken } from '../modules/auth/one-time-token.entity.js';
import { Session } from '../modules/auth/session.entity.js';
import { Company } from '../modules/company/company.entity.js';
import { CompanySector } from '../modules/company/company-sector.entity.js';
import { DealConfirmation } from '../modules/confirmation/deal-confirmation.entity.js';
import { Contact } from '../modules/contact/contact.entity.js';
import { Deal } from '../modules/deal/deal.entity.js';
import { DealStageChange } from '../modules/deal/deal-stage-change.entity.js';
import { ExchangeRate } from '../modules/exchange-rate/exchange-rate.entity.js';
import { ImportBatch } from '../modules/import/import-batch.entity.js';
import { ImportFile } from '../modules/import/import-file.entity.js';
import { ImportMapping } from '../modules/import/import-mapping.entity.js';
import { Interaction } from '../modules/interaction/interaction.entity.js';
import { InteractionContact } from '../modules/interaction/interaction-contact.entity.js';
import { OutboxMail } from '../modules/mail/outbox-mail.entity.js';
import { SuggestionDismissal } from '../modules/matchmaking/suggestion-dismissal.entity.js';
import { Mission } from '../modules/mission/mission.entity.js';
import { MissionParticipant } from '../modules/mission/mission-participant.entity.js';
import { MissionPartner } from '../modules/mission/mission-partner.entity.js';
import { MissionTargetSector } from '../modules/mission/mission-target-sector.entity.js';
import { Pipeline } from '../modules/pipeline/pipeline.entity.js';
import { PipelineStage } from '../modules/pipeline/pipeline-stage.entity.js';
import { Sector } from '../modules/sector/sector.entity.js';
import { Task } from '../modules/task/task.entity.js';
import { User } from '../modules/user/user.entity.js';
import { AgencyOwned } from '../shared/agency-owned.entity.js';
import { BaseEntity } from '../shared/base.entity.js';
import { LiveCount } from '../shared/live-count.entity.js';

/** Every table that belongs to an agency: the agency filter and guard apply to all of them. */
export const agencyOwnedEntities = [
  User,
  Session,
  ApiToken,
  OneTimeToken,
  Sector,
  Company,
  Contact,
  Mission,
  MissionParticipant,
  Interaction,
  Pipeline,
  PipelineStage,
  Deal,
  DealStageChange,
  Task,
  ExchangeRate,
  AuditEvent,
  ImportBatch,
  ImportMapping,
  ImportFile,
  OutboxMail,
  DealConfirmation,
  SuggestionDismissal,
];

export const entities = [
  BaseEntity,
  AgencyOwned,
  Agency,
  CompanySector,
  InteractionContact,
  MissionPartner,
  MissionTargetSector,
  LiveCount,
  ...agencyOwnedEntities,
];

export const agencyOwnedEntityNames = agencyOwnedEntities.map((entity) => entity.name);
