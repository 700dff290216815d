import type { EntityManager } from '@mikro-orm/core';
import type { Agency } from '../agency/agency.entity.js';
import { Pipeline } from './pipeline.entity.js';
import { StageCategory } from './pipeline.enums.js';
import { PipelineStage } from './pipeline-stage.entity.js';

export const DEFAULT_PIPELINE_NAME = 'Export pipeline';

/** The road from a first meeting at a mission to a signed export contract. */
export const DEFAULT_STAGES: readonly { name: string; category: StageCategory; probability: number }[] = [
  { name: 'Lead', category: StageCategory.OPEN, probability: 10 },
  { name: 'Qualified', category: StageCategory.OPEN, probability: 25 },
  { name: 'Meeting held', category: StageCategory.OPEN, probability: 40 },
  { name: 'Negotiation', category: StageCategory.OPEN, probability: 60 },
  { name: 'Shortlisted as supplier', category: StageCategory.OPEN, probability: 75 },
  { name: 'Contract signed', category: StageCategory.WON, probability: 100 },
  { name: 'Lost', category: StageCategory.LOST, probability: 0 },
];

/**
 * Persists (does not flush) an agency's default export pipeline and its stages, positions
 * 0, 1, 2 ... in the order above.
 */
export function createDefaultPipeline(
  em: EntityManager,
  agency: Agency,
): { pipeline: Pipeline; stages: PipelineStage[] } {
  const pipeline = em.create(Pipeline, { agency, name: DEFAULT_PIPELINE_NAME, isDefault: true });
  const stages = DEFAULT_STAGES.map((stage, position) =>
    em.create(PipelineStage, { agency, pipeline, position, ...stage }),
  );
  em.persist([pipeline, ...stages]);
  return { pipeline, stages };
}
