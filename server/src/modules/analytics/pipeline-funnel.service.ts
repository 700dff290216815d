import type { Context } from '../../graphql/context.js';
import { isUuid } from '../../shared/ids.js';
import { agencyOf, EMPTY, type Sql, sql } from '../../shared/sql.js';
import type { DealFilter } from '../deal/deal.inputs.js';
import { Pipeline } from '../pipeline/pipeline.entity.js';
import { PipelineStage } from '../pipeline/pipeline-stage.entity.js';
import { analyticsQuery, checkRange, dayEnd, dayStart, dealFilterSql, percentSql } from './analytics-sql.js';
import { lazy } from './lazy.js';
import { FunnelStage, type FunnelSummary, LostReasonRank, PipelineFunnel } from './pipeline-funnel.type.js';

export interface FunnelArgs {
  pipelineId: string;
  from?: string | null;
  to?: string | null;
  filter?: DealFilter | null;
}

/**
 * pipelineFunnel: the pipeline through the agency filter (another agency's reads as null), then
 * one statement for the stages' figures and one for the summary and lost reasons, each only when
 * selected, plus one ORM read of the stages: a fixed number whatever the number of deals.
 */
export async function pipelineFunnel(ctx: Context, args: FunnelArgs): Promise<PipelineFunnel | null> {
  checkRange(args.from, args.to);
  if (!isUuid(args.pipelineId)) return null;
  const pipeline = await ctx.em.findOne(Pipeline, args.pipelineId);
  if (!pipeline) return null;
  const agencyId = agencyOf(ctx);
  const filter = await dealFilterSql(ctx, args.filter, 'd');
  const common = prelude(agencyId, pipeline.id, args, filter);
  return Object.assign(new PipelineFunnel(), {
    pipeline,
    from: args.from ?? null,
    to: args.to ?? null,
    loadStages: lazy(() => stageFigures(ctx, pipeline.id, common)),
    loadSummary: lazy(() => summary(ctx, common)),
  });
}

/**
 * CTEs `st` (the pipeline's stages), `dl` (the cohort: the pipeline's deals created in the
 * range, matching the filter, with their current category) and `ch` (their stage history, each
 * move with the time the deal left the stage it moved into: the next move, or null).
 */
function prelude(agencyId: string, pipelineId: string, args: FunnelArgs, filter: Sql): Sql {
  return sql`st as (
      select s.id, s.position, s.category from pipeline_stage s
      where s.agency_id = ${agencyId} and s.pipeline_id = ${pipelineId}
    ),
    dl as (
      select d.id, d.stage_id, d.lost_reason, d.closed_on, cs.category as current_category
      from deal d
      join pipeline_stage cs on cs.id = d.stage_id and cs.agency_id = ${agencyId}
      where d.agency_id = ${agencyId} and d.pipeline_id = ${pipelineId}
        ${args.from ? sql`and d.created_at >= ${dayStart(args.from)}` : EMPTY}
        ${args.to ? sql`and d.created_at < ${dayEnd(args.to)}` : EMPTY}
        ${filter}
    ),
    ch as (
      select c.id, c.deal_id, c.from_stage_id, c.to_stage_id, c.changed_at,
        lead(c.changed_at) over (partition by c.deal_id order by c.changed_at, c.id) as left_at
      /* joined rather than "in (select ...)": the planner hashes the deals instead of looking up
         the changes of each (436,000 changes of 142,000 deals: 570 -> 230 ms) */
      from deal_stage_change c join dl on dl.id = c.deal_id
      where c.agency_id = ${agencyId}
    )`;
}

interface StageRow {
  id: string;
  entered: number;
  reached: number;
  left_forward: number;
  lost_from: number;
  current: number;
  to_next: number | null;
  to_won: number | null;
  stays: number;
  median: number | null;
  p90: number | null;
}

async function stageFigures(ctx: Context, pipelineId: string, common: Sql): Promise<FunnelStage[]> {
  const [stages, rows] = await Promise.all([
    ctx.em.find(PipelineStage, { pipeline: pipelineId }),
    analyticsQuery<StageRow>(
      ctx.em,
      sql`with ${common},
        /* every stage a deal was in: its moves, and its current stage */
        /* (each visit carries the deal's current category, joined once here, at the top: inside the
           per-stage subqueries below the planner cannot size the CTEs and would nest loops over
           two deal-sized sets, which grows with the square of the deals) */
        visits as (
          select v.deal_id, v.stage_id, dl.current_category::text as current_category
          from (
            select ch.deal_id, ch.to_stage_id as stage_id from ch
            union
            select dl.id, dl.stage_id from dl
          ) v
          join dl on dl.id = v.deal_id
        ),
        /* how far along the path (the stages that are not LOST) each deal got, and where it is now */
        furthest as (
          select v.deal_id, max(st.position) filter (where st.category <> 'LOST') as position,
            max(v.current_category) as current_category
          from visits v join st on st.id = v.stage_id
          group by v.deal_id
        ),
        stays as (
          select ch.to_stage_id as stage_id,
            (extract(epoch from coalesce(ch.left_at, now()) - ch.changed_at) / 86400)::float8 as days
          from ch
        ),
        /* each figure below in one pass over its CTE, grouped by stage, then read per stage (7 or
           so): counting inside a per-stage subquery read the visits once per stage and figure, 3.4 s
           at 200,000 deals */
        entries as (
          select v.stage_id, count(distinct v.deal_id)::int as entered,
            count(distinct v.deal_id) filter (where v.current_category = 'WON')::int as entered_won
          from visits v group by v.stage_id
        ),
        reach as (
          select f.position, count(*)::int as deals, count(*) filter (where f.current_category = 'WON')::int as won
          from furthest f where f.position is not null group by f.position
        ),
        moves as (
          select ch.from_stage_id as stage_id,
            count(distinct ch.deal_id) filter (where n.category <> 'LOST')::int as forward,
            count(distinct ch.deal_id) filter (where n.category = 'LOST')::int as lost
          from ch join st n on n.id = ch.to_stage_id
          group by ch.from_stage_id
        ),
        now_in as (select dl.stage_id, count(*)::int as deals from dl group by dl.stage_id),
        stay_stats as (
          select stays.stage_id, count(*)::int as stays,
            round((percentile_cont(0.5) within group (order by stays.days))::numeric, 2)::float8 as median,
            round((percentile_cont(0.9) within group (order by stays.days))::numeric, 2)::float8 as p90
          from stays where stays.stage_id in (select st.id from st where st.category = 'OPEN')
          group by stays.stage_id
        ),
        x as (
          select s.id, s.position, s.category,
            coalesce(e.entered, 0) as entered,
            (case when s.category = 'LOST'
              then coalesce(e.entered, 0)
              else (select coalesce(sum(r.deals), 0) from reach r where r.position >= s.position) end)::int as reached,
            (case when s.category = 'LOST'
              then coalesce(m.forward, 0)
              else (select coalesce(sum(r.deals), 0) from reach r where r.position > s.position) end)::int as left_forward,
            coalesce(m.lost, 0) as lost_from,
            coalesce(c.deals, 0) as current,
            (case when s.category = 'LOST'
              then coalesce(e.entered_won, 0)
              else (select coalesce(sum(r.won), 0) from reach r where r.position >= s.position) end)::int as reached_won,
            s.category <> 'LOST'
              and exists (select 1 from st n where n.category <> 'LOST' and n.position > s.position) as has_next
          from st s
          left join entries e on e.stage_id = s.id
          left join moves m on m.stage_id = s.id
          left join now_in c on c.stage_id = s.id
        )
        select x.id, x.entered, x.reached, x.left_forward, x.lost_from, x.current,
          case when x.has_next then ${percentSql('x.left_forward', 'x.reached')} end as to_next,
          ${percentSql('x.reached_won', 'x.reached')} as to_won,
          case when x.category = 'OPEN' then coalesce(y.stays, 0) else 0 end as stays,
          case when x.category = 'OPEN' then y.median end as median,
          case when x.category = 'OPEN' then y.p90 end as p90
        from x
        left join stay_stats y on y.stage_id = x.id
        order by x.position, x.id`,
    ),
  ]);
  const byId = new Map(stages.map((stage) => [stage.id, stage]));
  return rows.map((row) =>
    Object.assign(new FunnelStage(), {
      stage: byId.get(row.id),
      entered: row.entered,
      reached: row.reached,
      leftForward: row.left_forward,
      lostFrom: row.lost_from,
      current: row.current,
      conversionToNextPercent: row.to_next,
      conversionToWonPercent: row.to_won,
      stays: row.stays,
      medianDaysInStage: row.median,
      p90DaysInStage: row.p90,
    }),
  );
}

interface SummaryRow {
  deals: number;
  open: number;
  won: number;
  lost: number;
  win_rate: number | null;
  reopened: number;
  reasons: { rank: number; reason: string | null; deals: number; share: number }[];
}

async function summary(ctx: Context, common: Sql): Promise<FunnelSummary> {
  const [row] = await analyticsQuery<SummaryRow>(
    ctx.em,
    sql`with ${common},
      t as (
        select count(*)::int as deals,
          count(*) filter (where dl.current_category = 'OPEN')::int as open,
          count(*) filter (where dl.current_category = 'WON')::int as won,
          count(*) filter (where dl.current_category = 'LOST')::int as lost
        from dl
      ),
      reopened as (
        select count(distinct ch.deal_id)::int as n from ch
        join st f on f.id = ch.from_stage_id and f.category = 'LOST'
        join st n on n.id = ch.to_stage_id and n.category <> 'LOST'
      ),
      reasons as (
        select (array_agg(nullif(btrim(dl.lost_reason), '') order by dl.closed_on desc nulls last, dl.id desc))[1]
            as reason,
          count(*)::int as deals
        from dl where dl.current_category = 'LOST'
        group by lower(nullif(btrim(dl.lost_reason), ''))
      ),
      ranked as (
        select reasons.reason, reasons.deals,
          rank() over (order by reasons.deals desc)::int as rank,
          round(100.0 * reasons.deals / sum(reasons.deals) over (), 2)::float8 as share
        from reasons
      )
      select t.deals, t.open, t.won, t.lost, ${percentSql('t.won', 't.deals')} as win_rate, reopened.n as reopened,
        (select coalesce(json_agg(json_build_object('rank', ranked.rank, 'reason', ranked.reason,
            'deals', ranked.deals, 'share', ranked.share) order by ranked.rank, ranked.reason collate "C"), '[]')
         from ranked) as reasons
      from t cross join reopened`,
  );
  return {
    deals: row.deals,
    open: row.open,
    won: row.won,
    lost: row.lost,
    winRatePercent: row.win_rate,
    reopenedAfterLoss: row.reopened,
    lostReasons: row.reasons.map((entry) =>
      Object.assign(new LostReasonRank(), {
        rank: entry.rank,
        reason: entry.reason,
        deals: entry.deals,
        sharePercent: entry.share,
      }),
    ),
  };
}
