import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import type { Context } from '../../graphql/context.js';
import { msg } from '../../shared/messages/index.js';
import { refuse } from '../../shared/mutation.js';
import { agencyQuery, sql } from '../../shared/sql.js';
import { UserErrorCode } from '../../shared/user-error.js';
import { Agency } from '../agency/agency.entity.js';
import { recordAudit, snapshot } from '../audit/audit.service.js';
import { Company } from '../company/company.entity.js';
import { CompanyKind } from '../company/company.enums.js';
import { today } from '../exchange-rate/conversion.js';
import { Interaction } from '../interaction/interaction.entity.js';
import { Mission } from '../mission/mission.entity.js';
import { Pipeline } from '../pipeline/pipeline.entity.js';
import { StageCategory } from '../pipeline/pipeline.enums.js';
import { PipelineStage } from '../pipeline/pipeline-stage.entity.js';
import { Sector } from '../sector/sector.entity.js';
import { User } from '../user/user.entity.js';
import { Deal } from './deal.entity.js';
import type { CreateDealInput, MoveDealInput, UpdateDealInput } from './deal.inputs.js';
import { DealStageChange } from './deal-stage-change.entity.js';

const AUDITED = [
  'title',
  'pipeline',
  'stage',
  'exporter',
  'buyer',
  'owner',
  'sourceMission',
  'sourceInteraction',
  'amount',
  'currency',
  'expectedCloseOn',
  'closedOn',
  'lostReason',
  'destinationCountry',
  'sector',
  'products',
] as const;

const field = (name: string) => ['input', name];

function conflict(yours: number, current: number): never {
  return refuse(UserErrorCode.CONFLICT, msg('dealChanged', { yours, current }), field('version'));
}

async function findExporter(em: EntityManager, id: string, path: string[]): Promise<Company> {
  const company = await em.findOne(Company, id);
  if (!company) return refuse(UserErrorCode.NOT_FOUND, msg('noSuchCompany'), path);
  if (company.kind !== CompanyKind.EXPORTER) {
    refuse(UserErrorCode.INVALID, msg('dealExporterNotExporter', { name: company.name, kind: company.kind }), path);
  }
  return company;
}

async function findBuyer(em: EntityManager, id: string, path: string[]): Promise<Company> {
  const company = await em.findOne(Company, id);
  if (!company) return refuse(UserErrorCode.NOT_FOUND, msg('noSuchCompany'), path);
  if (company.kind === CompanyKind.EXPORTER) {
    refuse(UserErrorCode.INVALID, msg('buyerIsExporter', { name: company.name }), path);
  }
  return company;
}

async function findOwner(em: EntityManager, id: string, path: string[]): Promise<User> {
  const user = await em.findOne(User, id);
  if (!user) return refuse(UserErrorCode.NOT_FOUND, msg('noSuchUser'), path);
  if (!user.active) refuse(UserErrorCode.INVALID, msg('userDeactivatedNamed', { name: user.fullName }), path);
  return user;
}

async function findOne<T extends object>(
  em: EntityManager,
  entity: new () => T,
  id: string,
  notFound: 'noSuchStage' | 'noSuchPipeline' | 'noSuchInteraction' | 'noSuchSector' | 'noSuchMission',
  path: string[],
): Promise<T> {
  const found = await em.findOne(entity as never, id);
  if (!found) return refuse(UserErrorCode.NOT_FOUND, msg(notFound), path);
  return found as T;
}

/** Where a new deal starts: the stage given, or the first OPEN stage of the pipeline (the default one). */
async function startingStage(em: EntityManager, input: CreateDealInput): Promise<PipelineStage> {
  if (input.stageId) {
    const stage = await findOne(em, PipelineStage, input.stageId, 'noSuchStage', field('stageId'));
    if (input.pipelineId && stage.pipeline.id !== input.pipelineId) {
      refuse(UserErrorCode.INVALID, msg('stageNotInPipeline'), field('stageId'));
    }
    if (stage.retired) refuse(UserErrorCode.INVALID, msg('stageRetired', { name: stage.name }), field('stageId'));
    if (stage.category !== StageCategory.OPEN) {
      refuse(
        UserErrorCode.INVALID,
        msg('dealStartsOpen', { name: stage.name, category: stage.category }),
        field('stageId'),
      );
    }
    return stage;
  }
  const pipeline = input.pipelineId
    ? await findOne(em, Pipeline, input.pipelineId, 'noSuchPipeline', field('pipelineId'))
    : await em.findOne(Pipeline, { isDefault: true }, { orderBy: { createdAt: 'asc' } });
  if (!pipeline) return refuse(UserErrorCode.INVALID, msg('noDefaultPipeline'), field('pipelineId'));
  const stage = await em.findOne(
    PipelineStage,
    { pipeline, category: StageCategory.OPEN, retired: false },
    { orderBy: { position: 'asc' } },
  );
  if (!stage)
    return refuse(UserErrorCode.INVALID, msg('pipelineHasNoOpenStage', { name: pipeline.name }), field('pipelineId'));
  return stage;
}

export async function createDeal(em: EntityManager, ctx: Context, input: CreateDealInput): Promise<Deal> {
  const viewer = ctx.viewer!;
  const interaction = input.fromInteractionId
    ? await findOne(em, Interaction, input.fromInteractionId, 'noSuchInteraction', field('fromInteractionId'))
    : null;

  const exporterId = input.exporterId ?? interaction?.exporter.id;
  if (!exporterId) refuse(UserErrorCode.REQUIRED, msg('dealNeedsExporter'), field('exporterId'));
  const exporter = await findExporter(em, exporterId, field(input.exporterId ? 'exporterId' : 'fromInteractionId'));

  const buyerId = input.buyerId !== undefined ? input.buyerId : (interaction?.counterpart?.id ?? null);
  const buyer = buyerId
    ? await findBuyer(em, buyerId, field(input.buyerId !== undefined ? 'buyerId' : 'fromInteractionId'))
    : null;

  const title = (input.title ?? interaction?.subject ?? '').trim();
  if (!title) refuse(UserErrorCode.REQUIRED, msg('dealNeedsTitle'), field('title'));

  const owner = await findOwner(em, input.ownerId ?? viewer.userId, field('ownerId'));
  const stage = await startingStage(em, input);

  const sourceMissionId =
    input.sourceMissionId !== undefined ? input.sourceMissionId : (interaction?.mission?.id ?? null);
  const sourceMission = sourceMissionId
    ? await findOne(
        em,
        Mission,
        sourceMissionId,
        'noSuchMission',
        field(input.sourceMissionId ? 'sourceMissionId' : 'fromInteractionId'),
      )
    : null;
  const sector = input.sectorId ? await findOne(em, Sector, input.sectorId, 'noSuchSector', field('sectorId')) : null;
  const currency = input.currency ?? (await em.findOneOrFail(Agency, viewer.agencyId)).baseCurrency;

  const now = new Date();
  const deal = em.create(Deal, {
    agency: viewer.agencyId,
    title,
    pipeline: stage.pipeline,
    stage,
    exporter,
    buyer,
    owner,
    sourceMission,
    sourceInteraction: interaction,
    amount: input.amount == null ? null : new Decimal(input.amount).toFixed(2),
    currency,
    expectedCloseOn: input.expectedCloseOn ?? null,
    closedOn: null,
    lostReason: null,
    destinationCountry: input.destinationCountry ?? buyer?.country ?? null,
    sector,
    products: input.products?.trim() || null,
    createdAt: now,
    updatedAt: now,
  });
  em.create(DealStageChange, {
    agency: viewer.agencyId,
    deal,
    fromStage: null,
    toStage: stage,
    changedAt: now,
    changedBy: viewer.userId,
  });
  // The meeting that produced the lead is the first interaction of the deal.
  if (interaction && !interaction.deal) interaction.deal = deal;
  recordAudit(em, ctx, {
    action: 'createDeal',
    entity: 'Deal',
    entityId: deal.id,
    after: snapshot(deal, AUDITED),
  });
  return deal;
}

async function findDeal(em: EntityManager, dealId: string, version: number): Promise<Deal> {
  const deal = await em.findOne(Deal, dealId);
  if (!deal) return refuse(UserErrorCode.NOT_FOUND, msg('noSuchDeal'), field('dealId'));
  if (deal.version !== version) conflict(version, deal.version);
  return deal;
}

export async function updateDeal(em: EntityManager, ctx: Context, input: UpdateDealInput): Promise<Deal> {
  const deal = await findDeal(em, input.dealId, input.version);
  const before = snapshot(deal, AUDITED);

  if (input.title !== undefined) {
    const title = input.title?.trim();
    if (!title) refuse(UserErrorCode.REQUIRED, msg('dealNeedsTitle'), field('title'));
    deal.title = title;
  }
  if (input.exporterId !== undefined) {
    if (!input.exporterId) refuse(UserErrorCode.REQUIRED, msg('dealNeedsExporter'), field('exporterId'));
    deal.exporter = await findExporter(em, input.exporterId, field('exporterId'));
  }
  if (input.buyerId !== undefined) {
    deal.buyer = input.buyerId ? await findBuyer(em, input.buyerId, field('buyerId')) : null;
  }
  if (input.ownerId !== undefined) {
    if (!input.ownerId) refuse(UserErrorCode.REQUIRED, msg('dealNeedsOwner'), field('ownerId'));
    deal.owner = await findOwner(em, input.ownerId, field('ownerId'));
  }
  if (input.sourceMissionId !== undefined) {
    deal.sourceMission = input.sourceMissionId
      ? await findOne(em, Mission, input.sourceMissionId, 'noSuchMission', field('sourceMissionId'))
      : null;
  }
  if (input.sectorId !== undefined) {
    deal.sector = input.sectorId ? await findOne(em, Sector, input.sectorId, 'noSuchSector', field('sectorId')) : null;
  }
  if (input.amount !== undefined) deal.amount = input.amount == null ? null : new Decimal(input.amount).toFixed(2);
  if (input.currency !== undefined) {
    if (!input.currency) refuse(UserErrorCode.REQUIRED, msg('dealNeedsCurrency'), field('currency'));
    deal.currency = input.currency;
  }
  if (input.expectedCloseOn !== undefined) deal.expectedCloseOn = input.expectedCloseOn;
  if (input.destinationCountry !== undefined) deal.destinationCountry = input.destinationCountry;
  if (input.products !== undefined) deal.products = input.products?.trim() || null;
  if (input.lostReason !== undefined) {
    const stage = await em.findOneOrFail(PipelineStage, deal.stage.id);
    const reason = input.lostReason?.trim() || null;
    if (stage.category !== StageCategory.LOST && reason) {
      refuse(UserErrorCode.INVALID, msg('lostReasonOnlyWhenLost'), field('lostReason'));
    }
    if (stage.category === StageCategory.LOST && !reason) {
      refuse(UserErrorCode.REQUIRED, msg('lostDealKeepsReason'), field('lostReason'));
    }
    deal.lostReason = reason;
  }

  recordAudit(em, ctx, {
    action: 'updateDeal',
    entity: 'Deal',
    entityId: deal.id,
    before,
    after: snapshot(deal, AUDITED),
  });
  try {
    // `update deal set ..., version = version + 1 where id = ? and version = ?`: a change
    // committed since we read the deal makes it match no row.
    await em.flush();
  } catch (error) {
    if (!(error instanceof OptimisticLockError)) throw error;
    conflict(input.version, (await currentVersion(em, deal.id)) ?? input.version);
  }
  return deal;
}

export async function moveDeal(
  em: EntityManager,
  ctx: Context,
  input: MoveDealInput,
): Promise<{ deal: Deal; stageChange: DealStageChange }> {
  const viewer = ctx.viewer!;
  const deal = await findDeal(em, input.dealId, input.version);
  const toStage = await findOne(em, PipelineStage, input.toStageId, 'noSuchStage', field('toStageId'));
  if (toStage.pipeline.id !== deal.pipeline.id) {
    refuse(UserErrorCode.INVALID, msg('stageOfAnotherPipeline'), field('toStageId'));
  }
  if (toStage.retired) refuse(UserErrorCode.INVALID, msg('stageRetired', { name: toStage.name }), field('toStageId'));
  if (toStage.id === deal.stage.id) {
    refuse(UserErrorCode.INVALID, msg('dealAlreadyInStage', { name: toStage.name }), field('toStageId'));
  }
  const lostReason = input.lostReason?.trim() || null;
  if (toStage.category === StageCategory.LOST && !lostReason) {
    refuse(UserErrorCode.REQUIRED, msg('sayWhyLost'), field('lostReason'));
  }
  if (toStage.category !== StageCategory.LOST && lostReason) {
    refuse(UserErrorCode.INVALID, msg('lostReasonOnlyForLostStage'), field('lostReason'));
  }
  const fromStage = await em.findOneOrFail(PipelineStage, deal.stage.id);
  const before = snapshot(deal, ['stage', 'closedOn', 'lostReason']);
  const now = new Date();
  const closedOn = toStage.category === StageCategory.OPEN ? null : today();

  // Compare-and-set on the version: of two moves from the same version, the second matches no row.
  const updated = await em.nativeUpdate(
    Deal,
    { id: deal.id, agency: viewer.agencyId, version: input.version },
    { stage: toStage.id, closedOn, lostReason, version: input.version + 1, updatedAt: now },
  );
  if (updated !== 1) {
    conflict(input.version, (await currentVersion(em, deal.id)) ?? input.version);
  }
  const stageChange = em.create(DealStageChange, {
    agency: viewer.agencyId,
    deal,
    fromStage,
    toStage,
    changedAt: now,
    changedBy: viewer.userId,
  });
  recordAudit(em, ctx, {
    action: 'moveDeal',
    entity: 'Deal',
    entityId: deal.id,
    before: { ...before, version: input.version },
    after: { stage: toStage.id, closedOn, lostReason, version: input.version + 1 },
  });
  // Reload the row we changed (the identity map still holds the version we read).
  const moved = await em.findOneOrFail(Deal, deal.id, { refresh: true });
  return { deal: moved, stageChange };
}

/** The version of a deal as committed (after a lost optimistic-lock race). */
async function currentVersion(em: EntityManager, dealId: string): Promise<number | undefined> {
  const rows = await agencyQuery<{ version: number }>(
    em,
    (agency) => sql`select version from deal where id = ${dealId} and agency_id = ${agency}`,
  );
  return rows[0]?.version;
}
