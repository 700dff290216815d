import type { EntityManager } from '@mikro-orm/core';
import type { Language } from '../../shared/messages/index.js';
import type { Agency } from '../agency/agency.entity.js';
import { Pipeline } from './pipeline.entity.js';
import { StageCategory } from './pipeline.enums.js';
import { PipelineStage } from './pipeline-stage.entity.js';

/** The default pipeline's name, as an admin of each language would call it. */
export const DEFAULT_PIPELINE_NAMES: Readonly<Record<Language, string>> = {
  en: 'Export pipeline',
  fr: 'Pipeline export',
  ru: 'Экспортная воронка',
};

/**
 * The road from a first meeting at a mission to a signed export contract, named in each
 * language (not word for word: the names an agency's staff would give its stages).
 */
export const DEFAULT_STAGES: readonly {
  names: Readonly<Record<Language, string>>;
  category: StageCategory;
  probability: number;
}[] = [
  { names: { en: 'Lead', fr: 'Prospect', ru: 'Новый лид' }, category: StageCategory.OPEN, probability: 10 },
  { names: { en: 'Qualified', fr: 'Qualifié', ru: 'Квалифицирован' }, category: StageCategory.OPEN, probability: 25 },
  {
    names: { en: 'Meeting held', fr: 'Rendez-vous tenu', ru: 'Встреча проведена' },
    category: StageCategory.OPEN,
    probability: 40,
  },
  { names: { en: 'Negotiation', fr: 'Négociation', ru: 'Переговоры' }, category: StageCategory.OPEN, probability: 60 },
  {
    names: { en: 'Shortlisted as supplier', fr: 'Fournisseur présélectionné', ru: 'В шорт-листе поставщиков' },
    category: StageCategory.OPEN,
    probability: 75,
  },
  {
    names: { en: 'Contract signed', fr: 'Contrat signé', ru: 'Контракт подписан' },
    category: StageCategory.WON,
    probability: 100,
  },
  { names: { en: 'Lost', fr: 'Perdu', ru: 'Отказ' }, category: StageCategory.LOST, probability: 0 },
];

/** The default stage names in `locale`, in pipeline order. */
export const defaultStageNames = (locale: Language): string[] => DEFAULT_STAGES.map((stage) => stage.names[locale]);

/**
 * Persists (does not flush) an agency's default export pipeline and its stages, positions
 * 0, 1, 2 ... in the order above, named in `locale` (the agency's language).
 */
export function createDefaultPipeline(
  em: EntityManager,
  agency: Agency,
  locale: Language,
): { pipeline: Pipeline; stages: PipelineStage[] } {
  const pipeline = em.create(Pipeline, { agency, name: DEFAULT_PIPELINE_NAMES[locale], isDefault: true });
  const stages = DEFAULT_STAGES.map(({ names, category, probability }, position) =>
    em.create(PipelineStage, { agency, pipeline, position, name: names[locale], category, probability }),
  );
  em.persist([pipeline, ...stages]);
  return { pipeline, stages };
}
