import { ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { msg } from '../../shared/messages/index.js';
import { refuse, UserErrorsException } from '../../shared/mutation.js';
import { type UserError, UserErrorCode, userError } from '../../shared/user-error.js';
import { Agency } from '../agency/agency.entity.js';
import { localeOfCountry } from '../agency/agency.locale.js';
import { recordAudit } from '../audit/audit.service.js';
import { Deal } from '../deal/deal.entity.js';
import { DealStageChange } from '../deal/deal-stage-change.entity.js';
import { DEFAULT_STAGES } from './pipeline.defaults.js';
import { Pipeline } from './pipeline.entity.js';
import { StageCategory } from './pipeline.enums.js';
import type { CreatePipelineInput, PipelineStageInput, UpdatePipelineStagesInput } from './pipeline.inputs.js';
import { PipelineStage } from './pipeline-stage.entity.js';

interface StageSnapshot {
  id: string;
  name: string;
  category: StageCategory;
  probability: number;
  retired: boolean;
}

function pipelineSnapshot(pipeline: Pipeline, stages: PipelineStage[]) {
  return {
    name: pipeline.name,
    isDefault: pipeline.isDefault,
    stages: [...stages]
      .sort((a, b) => a.position - b.position)
      .map(
        (stage): StageSnapshot => ({
          id: stage.id,
          name: stage.name,
          category: stage.category,
          probability: stage.probability,
          retired: stage.retired,
        }),
      ),
  };
}

const key = (name: string) => name.trim().toLocaleLowerCase();

/**
 * The rules a list of stages must follow, whatever the pipeline: names given and unique, and a
 * deal can always be worked on, won and lost (one active stage of each category).
 */
function checkStageList(stages: readonly PipelineStageInput[]): UserError[] {
  const errors: UserError[] = [];
  const seen = new Map<string, number>();
  stages.forEach((stage, index) => {
    const name = stage.name.trim();
    if (!name) {
      errors.push(userError(UserErrorCode.REQUIRED, msg('stageNeedsName'), ['input', 'stages', String(index), 'name']));
    } else if (seen.has(key(name))) {
      errors.push(
        userError(UserErrorCode.DUPLICATE, msg('stageNamedTwice', { name }), [
          'input',
          'stages',
          String(index),
          'name',
        ]),
      );
    } else {
      seen.set(key(name), index);
    }
  });
  const active = new Set(stages.filter((stage) => !stage.retired).map((stage) => stage.category));
  const missing = Object.values(StageCategory).filter((category) => !active.has(category));
  if (missing.length > 0) {
    errors.push(userError(UserErrorCode.INVALID, msg('pipelineMissesCategories', { missing }), ['input', 'stages']));
  }
  return errors;
}

async function refuseTakenName(em: EntityManager, name: string, exceptId?: string): Promise<void> {
  const existing = await em.findOne(Pipeline, { name });
  if (existing && existing.id !== exceptId) {
    refuse(UserErrorCode.DUPLICATE, msg('pipelineNameTaken', { name }), ['input', 'name'], existing.id);
  }
}

/** Makes `pipeline` the agency's only default pipeline. */
async function makeDefault(em: EntityManager, pipeline: Pipeline): Promise<void> {
  const others = await em.find(Pipeline, { isDefault: true, id: { $ne: pipeline.id } });
  for (const other of others) other.isDefault = false;
  pipeline.isDefault = true;
}

/** The default stages, named in the agency's language like every text the server writes for it. */
async function defaultStageInputs(em: EntityManager, agencyId: string): Promise<PipelineStageInput[]> {
  const { country } = await em.findOneOrFail(Agency, agencyId);
  const locale = localeOfCountry(country);
  return DEFAULT_STAGES.map(
    ({ names, category, probability }) =>
      ({ name: names[locale], category, probability, retired: false }) as PipelineStageInput,
  );
}

export async function createPipeline(em: EntityManager, ctx: Context, input: CreatePipelineInput): Promise<Pipeline> {
  const name = input.name.trim();
  if (!name) refuse(UserErrorCode.REQUIRED, msg('pipelineNeedsName'), ['input', 'name']);
  const stages: PipelineStageInput[] = input.stages ?? (await defaultStageInputs(em, ctx.viewer!.agencyId));
  const errors = checkStageList(stages);
  stages.forEach((stage, index) => {
    if (stage.id) {
      errors.push(
        userError(UserErrorCode.INVALID, msg('newPipelineNewStages'), ['input', 'stages', String(index), 'id']),
      );
    }
  });
  if (errors.length > 0) throw new UserErrorsException(errors);
  await refuseTakenName(em, name);
  const agency = ctx.viewer!.agencyId;
  const pipeline = em.create(Pipeline, { agency, name, isDefault: false });
  if (input.isDefault || (await em.count(Pipeline, { isDefault: true })) === 0) await makeDefault(em, pipeline);
  const created = stages.map((stage, position) =>
    em.create(PipelineStage, {
      agency,
      pipeline,
      position,
      name: stage.name.trim(),
      category: stage.category,
      probability: stage.probability,
      retired: stage.retired,
    }),
  );
  recordAudit(em, ctx, {
    action: 'createPipeline',
    entity: 'Pipeline',
    entityId: pipeline.id,
    after: pipelineSnapshot(pipeline, created),
  });
  return pipeline;
}

/** How many deals are in each stage now, and which stages appear in some deal's history. */
async function stageUsage(em: EntityManager, stageIds: string[]) {
  if (stageIds.length === 0) return { deals: new Map<string, number>(), inHistory: new Set<string>() };
  const deals = await em.countBy(Deal, 'stage', { where: { stage: { $in: stageIds } } });
  const from = await em.countBy(DealStageChange, 'fromStage', { where: { fromStage: { $in: stageIds } } });
  const to = await em.countBy(DealStageChange, 'toStage', { where: { toStage: { $in: stageIds } } });
  const inHistory = new Set([...Object.keys(from), ...Object.keys(to)]);
  return { deals: new Map(Object.entries(deals)), inHistory };
}

export async function updatePipelineStages(
  em: EntityManager,
  ctx: Context,
  input: UpdatePipelineStagesInput,
): Promise<Pipeline> {
  const pipeline = await em.findOne(Pipeline, input.pipelineId);
  if (!pipeline) return refuse(UserErrorCode.NOT_FOUND, msg('noSuchPipeline'), ['input', 'pipelineId']);
  const current = await em.find(PipelineStage, { pipeline }, { orderBy: { position: 'asc' } });
  const before = pipelineSnapshot(pipeline, current);
  const byId = new Map(current.map((stage) => [stage.id, stage]));

  const errors = checkStageList(input.stages);
  const kept = new Set<string>();
  input.stages.forEach((stage, index) => {
    if (!stage.id) return;
    const path = ['input', 'stages', String(index), 'id'];
    if (!byId.has(stage.id)) errors.push(userError(UserErrorCode.NOT_FOUND, msg('noSuchStageInPipeline'), path));
    else if (kept.has(stage.id)) errors.push(userError(UserErrorCode.INVALID, msg('stageListedTwice'), path));
    kept.add(stage.id);
  });
  if (errors.length > 0) throw new UserErrorsException(errors);

  const removed = current.filter((stage) => !kept.has(stage.id));
  const recategorized = input.stages.filter((stage) => stage.id && byId.get(stage.id)!.category !== stage.category);
  const usage = await stageUsage(
    em,
    [...removed, ...recategorized.map((stage) => byId.get(stage.id!)!)].map((s) => s.id),
  );
  for (const stage of removed) {
    const deals = usage.deals.get(stage.id) ?? 0;
    if (deals > 0) {
      errors.push(
        userError(UserErrorCode.CONFLICT, msg('stageHoldsDeals', { name: stage.name, count: deals }), [
          'input',
          'stages',
        ]),
      );
    } else if (usage.inHistory.has(stage.id)) {
      errors.push(userError(UserErrorCode.CONFLICT, msg('stageInHistory', { name: stage.name }), ['input', 'stages']));
    }
  }
  input.stages.forEach((stage, index) => {
    if (!stage.id || !recategorized.includes(stage)) return;
    const deals = usage.deals.get(stage.id) ?? 0;
    if (deals > 0) {
      errors.push(
        userError(
          UserErrorCode.CONFLICT,
          msg('stageCategoryLocked', { name: byId.get(stage.id)!.name, count: deals }),
          ['input', 'stages', String(index), 'category'],
        ),
      );
    }
  });
  if (errors.length > 0) throw new UserErrorsException(errors);

  if (input.name != null && input.name.trim() !== pipeline.name) {
    const name = input.name.trim();
    if (!name) refuse(UserErrorCode.REQUIRED, msg('pipelineNeedsName'), ['input', 'name']);
    await refuseTakenName(em, name, pipeline.id);
    pipeline.name = name;
  }
  if (input.isDefault === true && !pipeline.isDefault) await makeDefault(em, pipeline);
  if (input.isDefault === false && pipeline.isDefault) {
    refuse(UserErrorCode.INVALID, msg('keepADefaultPipeline'), ['input', 'isDefault']);
  }

  const agency = ctx.viewer!.agencyId;
  const stages = input.stages.map((stage, position) => {
    const values = {
      position,
      name: stage.name.trim(),
      category: stage.category,
      probability: stage.probability,
      retired: stage.retired,
    };
    if (stage.id) return Object.assign(byId.get(stage.id)!, values);
    return em.create(PipelineStage, { agency, pipeline, ...values });
  });
  for (const stage of removed) em.remove(stage);
  // Touch the pipeline so clients caching it by updatedAt see the change.
  pipeline.updatedAt = new Date();
  recordAudit(em, ctx, {
    action: 'updatePipelineStages',
    entity: 'Pipeline',
    entityId: pipeline.id,
    before,
    after: pipelineSnapshot(pipeline, stages),
  });
  try {
    await em.flush();
  } catch (error) {
    // A deal entered a removed stage after we counted: the foreign key keeps it, we refuse.
    if (!(error instanceof ForeignKeyConstraintViolationException)) throw error;
    refuse(UserErrorCode.CONFLICT, msg('stageRemovedMeanwhile'), ['input', 'stages']);
  }
  return pipeline;
}
