import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { agencyEm } from '../db/agency-scope.js';
import { type Evaluation, evaluateSuggestions, evaluationReport } from '../modules/matchmaking/evaluate-suggestions.js';
import { WEIGHTS } from '../modules/matchmaking/suggestion-weights.js';
import { suggestionRows } from '../modules/matchmaking/suggestions.service.js';
import type { BatchShape } from './scale.js';
import { openFilledDatabase, percentile } from './support.js';

/**
 * The meeting suggestions bench (`pnpm bench:suggestions`, issue 17): fills a throwaway database
 * with the generator's data, whose counterparts favour some sectors (generate.ts, `taste`), then
 * 1. replays its past missions with `evaluateSuggestions` (precision@5, recall@10, lift over the
 *    sector-only baseline), on at most `maxPairs` (mission, exporter) pairs evenly spread;
 * 2. times the live statement (`mission.suggestedMeetings(exporterId, first: 10)`) for `runs`
 *    (mission, exporter) pairs of the delegations. Figures only: nothing fails on a time.
 */
export interface SuggestionsBenchOptions {
  databaseUrl: string | undefined;
  shape: BatchShape;
  batches: number;
  maxPairs: number;
  runs: number;
  log: (line: string) => void;
}

export interface SuggestionsBenchResult {
  database: string;
  counts: { companies: number; interactions: number; deals: number; candidatesPerMission: number };
  /** Share of held meetings with a POSITIVE outcome, when the counterpart declares the exporter's sector and when not. */
  positiveRate: { sharedSector: number; other: number };
  generationMs: number;
  evaluation: Evaluation;
  evaluationMs: number;
  /** The live statement's times in ms, ascending. */
  times: number[];
  /** Suggestions each live call returned (10 unless fewer candidates). */
  returned: number[];
}

interface Count {
  companies: string;
  interactions: string;
  deals: string;
  candidates: string;
}

export async function runSuggestionsBench(options: SuggestionsBenchOptions): Promise<SuggestionsBenchResult> {
  const { databaseUrl, shape, batches, log } = options;
  const { throwaway, world, generationMs } = await openFilledDatabase(databaseUrl, shape, batches, log);
  const { db } = throwaway;
  try {
    const conn = db.orm.em.getConnection();
    const [count] = await conn.execute<Count[]>(
      `select (select count(*) from company) as companies, (select count(*) from interaction) as interactions,
         (select count(*) from deal) as deals,
         (select round(avg(n)) from (select count(*) as n from company where kind <> 'EXPORTER' group by country) c) as candidates`,
    );

    const [rate] = await conn.execute<{ shared: string; other: string }[]>(
      `select avg((i.outcome = 'POSITIVE')::int) filter (where shared) as shared,
         avg((i.outcome = 'POSITIVE')::int) filter (where not shared) as other
       from interaction i
       cross join lateral (select exists (
         select 1 from company_sector e join company_sector c on c.sector_id = e.sector_id
         where e.company_id = i.exporter_id and c.company_id = i.counterpart_id) as shared) s
       where i.kind = 'MEETING' and i.status = 'HELD'`,
    );

    const t1 = performance.now();
    const evaluation = await evaluateSuggestions(db.orm.em, { agencyId: world.agencyId, maxPairs: options.maxPairs });
    const evaluationMs = performance.now() - t1;
    log(`evaluated ${evaluation.pairs} pairs in ${(evaluationMs / 1000).toFixed(1)} s`);

    // The live statement, as the agenda tab asks it: pairs of a mission and an exporter of its delegation.
    const pairs = await conn.execute<{ mission_id: string; company_id: string }[]>(
      `select mission_id, company_id from mission_participant order by md5(mission_id::text || company_id::text)
       limit ${options.runs + 1}`,
    );
    const em = agencyEm(db.orm.em.fork(), world.agencyId);
    const ask = (pair: { mission_id: string; company_id: string }) =>
      suggestionRows(em, {
        agencyId: world.agencyId,
        missionId: pair.mission_id,
        exporterId: pair.company_id,
        asOf: new Date(),
        mode: 'live',
        weights: WEIGHTS,
        limit: 10,
      });
    await ask(pairs[0]); // warm-up: the statement planned once, the caches filled
    const times: number[] = [];
    const returned: number[] = [];
    for (const pair of pairs.slice(1)) {
      const started = performance.now();
      const rows = await ask(pair);
      times.push(performance.now() - started);
      returned.push(rows.length);
    }
    times.sort((a, b) => a - b);
    return {
      database: throwaway.description,
      counts: {
        companies: Number(count.companies),
        interactions: Number(count.interactions),
        deals: Number(count.deals),
        candidatesPerMission: Number(count.candidates),
      },
      positiveRate: { sharedSector: Number(rate.shared), other: Number(rate.other) },
      generationMs,
      evaluation,
      evaluationMs,
      times,
      returned,
    };
  } finally {
    await throwaway.destroy();
  }
}

/** The result as markdown, for the terminal and docs/matchmaking.md. */
export function suggestionsReport(result: SuggestionsBenchResult, label: string): string {
  const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const { evaluation: e, counts: c, times } = result;
  return [
    `### Meeting suggestions on generated data (${label})`,
    '',
    `${result.database}; ${c.companies.toLocaleString('en-US')} companies (about ${c.candidatesPerMission.toLocaleString('en-US')} counterparts per country), ` +
      `${c.interactions.toLocaleString('en-US')} interactions, ${c.deals.toLocaleString('en-US')} deals, generated in ${(result.generationMs / 1000).toFixed(1)} s.`,
    `Held meetings that turned out positive: ${pct(result.positiveRate.sharedSector)} when the counterpart declares ` +
      `the exporter's sector, ${pct(result.positiveRate.other)} when it does not (some favour a sector they do not declare).`,
    '',
    evaluationReport(e, `${(result.evaluationMs / 1000).toFixed(1)} s`),
    '',
    `The live statement (\`suggestedMeetings(exporterId, first: 10)\`), ${times.length} (mission, exporter) pairs: ` +
      `p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(times[times.length - 1])}.`,
  ].join('\n');
}
