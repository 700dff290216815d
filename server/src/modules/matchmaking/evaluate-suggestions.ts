import type { EntityManager } from '@mikro-orm/postgresql';
import { agencyEm } from '../../db/agency-scope.js';
import { crossAgencyQuery, sql } from '../../shared/sql.js';
import { SECTOR_ONLY, WEIGHTS, type Weights } from './suggestion-weights.js';
import { suggestionRows } from './suggestions.service.js';

/**
 * The offline evaluation of meeting suggestions (`pnpm crm evaluate-suggestions`, issue 17): for
 * each past mission, each exporter that held meetings there is given suggestions computed with only
 * what was known before the mission began (mode `replay`: history before its first day, its own
 * meetings and dismissals left out); they are compared with the counterparts it met there that
 * turned out well (a POSITIVE outcome, or a deal of that exporter with that counterpart born at the
 * mission). precision@5 (hits in the first 5, over 5) and recall@10 (hits in the first 10, over the
 * good meetings), averaged over the (mission, exporter) pairs with at least one good meeting; the
 * same for the sector-only baseline; lift = model's precision@5 / baseline's.
 */
export interface Scores {
  precisionAt5: number;
  recallAt10: number;
}

export interface Evaluation {
  /** (mission, exporter) pairs evaluated. */
  pairs: number;
  missions: number;
  model: Scores;
  baseline: Scores;
  /** model.precisionAt5 / baseline.precisionAt5; null when the baseline finds nothing. */
  lift: number | null;
}

interface Pair {
  agency_id: string;
  mission_id: string;
  exporter_id: string;
  starts_on: string;
  good: string[];
}

/** The pairs to evaluate, every agency (or one): past missions' exporters and their good meetings. */
async function pairs(rootEm: EntityManager, agencyId?: string): Promise<Pair[]> {
  return crossAgencyQuery<Pair>(
    rootEm,
    sql`select i.agency_id, i.mission_id, i.exporter_id, to_char(m.starts_on, 'YYYY-MM-DD') as starts_on,
        array_agg(distinct i.counterpart_id) filter (where i.outcome = 'POSITIVE' or exists (
          select 1 from deal d where d.agency_id = i.agency_id and d.exporter_id = i.exporter_id
            and d.buyer_id = i.counterpart_id and (d.source_mission_id = i.mission_id or d.source_interaction_id = i.id)
        )) as good
      from interaction i
      join mission m on m.id = i.mission_id and m.agency_id = i.agency_id
      where i.kind = 'MEETING' and i.status = 'HELD' and i.counterpart_id is not null
        and m.starts_on < current_date and (${agencyId ?? null}::uuid is null or i.agency_id = ${agencyId ?? null}::uuid)
      group by i.agency_id, i.mission_id, i.exporter_id, m.starts_on
      order by m.starts_on, i.mission_id, i.exporter_id`,
    'the evaluation replays every agency’s past missions; each suggestion is then computed in its own agency',
  );
}

const average = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
const round = (value: number) => Math.round(value * 1000) / 1000;

async function scoresOf(rootEm: EntityManager, list: Pair[], weights: Weights): Promise<Scores> {
  const precision: number[] = [];
  const recall: number[] = [];
  for (const pair of list) {
    const em = agencyEm(rootEm.fork(), pair.agency_id);
    const rows = await suggestionRows(em, {
      agencyId: pair.agency_id,
      missionId: pair.mission_id,
      exporterId: pair.exporter_id,
      asOf: new Date(`${pair.starts_on}T00:00:00Z`),
      mode: 'replay',
      weights,
      limit: 10,
    });
    const good = new Set(pair.good);
    const hits = (n: number) => rows.slice(0, n).filter((row) => good.has(row.id)).length;
    precision.push(hits(5) / 5);
    recall.push(hits(10) / good.size);
  }
  return { precisionAt5: round(average(precision)), recallAt10: round(average(recall)) };
}

/** At most `max` of the pairs, evenly spread over them (oldest to newest). */
function sample<T>(list: T[], max: number | undefined): T[] {
  if (max === undefined || list.length <= max) return list;
  return Array.from({ length: max }, (_, i) => list[Math.floor((i * list.length) / max)]);
}

export async function evaluateSuggestions(
  rootEm: EntityManager,
  options: { agencyId?: string; weights?: Weights; maxPairs?: number } = {},
): Promise<Evaluation> {
  const all = (await pairs(rootEm, options.agencyId)).filter((pair) => (pair.good ?? []).length > 0);
  const list = sample(all, options.maxPairs);
  const model = await scoresOf(rootEm, list, options.weights ?? WEIGHTS);
  const baseline = await scoresOf(rootEm, list, SECTOR_ONLY);
  return {
    pairs: list.length,
    missions: new Set(list.map((pair) => pair.mission_id)).size,
    model,
    baseline,
    lift: baseline.precisionAt5 > 0 ? round(model.precisionAt5 / baseline.precisionAt5) : null,
  };
}

/** The evaluation as the command prints it (`took`: how long it ran, for the bench). */
export function evaluationReport(evaluation: Evaluation, took?: string): string {
  const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
  return [
    `Meeting suggestions replayed on ${evaluation.missions} past missions, ${evaluation.pairs} (mission, exporter) pairs with a meeting that turned out well${took ? ` (${took})` : ''}:`,
    '',
    '| ranking | precision@5 | recall@10 |',
    '|---|---:|---:|',
    `| suggestions (WEIGHTS) | ${pct(evaluation.model.precisionAt5)} | ${pct(evaluation.model.recallAt10)} |`,
    `| sector-only baseline | ${pct(evaluation.baseline.precisionAt5)} | ${pct(evaluation.baseline.recallAt10)} |`,
    '',
    `Lift of precision@5 over the baseline: ${evaluation.lift === null ? 'n/a (the baseline finds none)' : `${evaluation.lift.toFixed(2)}×`}`,
  ].join('\n');
}
