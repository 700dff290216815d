import type { Language } from '../../shared/messages/index.js';
import type { scenario } from './scenario.js';

type ScenarioMission = (typeof scenario.missions)[number];

/**
 * The scenario's facts (English in scenario.json), as the organising agency's staff would write
 * them in their own language: Mosprom and REC in Russian, ASMEX in French.
 */
const FACTS: Record<string, string[]> = {
  'mosprom-casablanca-2025': [
    'Nex-T провела встречи с несколькими дистрибьюторами, Торгово-промышленной палатой Марокко и Медицинским университетом франкоязычной Африки, который внёс Nex-T в список потенциальных поставщиков для своего нового корпуса.',
    'Intermobility.EVa представила свою продукцию Африканской федерации цифровых компаний — федерация проявила интерес.',
    'Fish World провела более 10 адресных встреч с дистрибьюторами и торговыми сетями; возможен старт поставок в Марокко и другие страны Северной Африки.',
  ],
  'mosprom-maroc-2023': [
    'Семь московских производителей оборудования: лазерные граверы и маркираторы, 3D-принтеры, оборудование для транспортной безопасности и охраны объектов.',
    'Адресные B2B-переговоры производителей с покупателями.',
  ],
  'rec-rabat-2018': [
    'Прошла в рамках 7-го заседания Российско-марокканской межправительственной комиссии.',
    'CGEM предложила российским компаниям инвестировать в глобальные отрасли Марокко и возобновляемую энергетику.',
  ],
};

const RUSSIAN_DAYS: Record<string, string> = { one: 'день', few: 'дня' };
const russianDays = (days: number) => RUSSIAN_DAYS[new Intl.PluralRules('ru').select(days)] ?? 'дней';

const SENTENCES: Record<
  Language,
  {
    operators: (operators: number, exporters: number) => string;
    delegation: (exporters: number) => string;
    visitors: (companies: number, days: number) => string;
    sources: string;
  }
> = {
  en: {
    operators: (operators, exporters) => `${operators} economic operators, of which ${exporters} Moroccan companies.`,
    delegation: (exporters) => `Delegation of ${exporters} exporters.`,
    visitors: (companies, days) => `A delegation of some ${companies} Russian companies, over ${days} days.`,
    sources: 'Facts from public press articles; meetings, contacts, amounts and budget are generated illustration.',
  },
  fr: {
    operators: (operators, exporters) =>
      `${operators} opérateurs économiques, dont ${exporters} entreprises marocaines.`,
    delegation: (exporters) => `Délégation de ${exporters} exportateurs.`,
    visitors: (companies, days) => `Une délégation d’environ ${companies} entreprises russes, sur ${days} jours.`,
    sources:
      'Faits tirés d’articles de presse publics ; les rendez-vous, contacts, montants et budget sont une illustration générée.',
  },
  ru: {
    operators: (operators, exporters) =>
      `${operators} участников рынка, в том числе ${exporters} марокканских компаний.`,
    delegation: (exporters) => `В составе делегации ${exporters} экспортёров.`,
    visitors: (companies, days) =>
      `Делегация примерно из ${companies} российских компаний, программа на ${days} ${russianDays(days)}.`,
    sources:
      'Факты взяты из открытых публикаций в прессе; встречи, контакты, суммы и бюджет — сгенерированная иллюстрация.',
  },
};

/** A mission's description, in `language` (the organising agency's). */
export function describeMission(mission: ScenarioMission, language: Language): string {
  const say = SENTENCES[language];
  const lines = [...(language === 'en' ? (mission.facts ?? []) : (FACTS[mission.key] ?? mission.facts ?? []))];
  if (mission.operatorCount) {
    lines.push(say.operators(mission.operatorCount, mission.exporterCount ?? 0));
  } else if (mission.exporterCount) {
    lines.push(say.delegation(mission.exporterCount));
  }
  if (mission.visitingCompanyCount) lines.push(say.visitors(mission.visitingCompanyCount, mission.durationDays ?? 0));
  lines.push(say.sources);
  return lines.join('\n');
}
