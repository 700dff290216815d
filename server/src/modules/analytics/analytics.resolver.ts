import { Arg, Authorized, Ctx, Extensions, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { DateScalar } from '../../graphql/scalars.js';
import { DealFilter } from '../deal/deal.inputs.js';
import { activitySummary } from './activity-summary.service.js';
import { ActivityGrouping, ActivitySummary } from './activity-summary.type.js';
import { exportValue } from './export-value.service.js';
import { ExportValueDimension, ExportValueReport } from './export-value.type.js';
import { calendarPeriods } from './limits.js';
import { missionOutcome } from './mission-outcome.service.js';
import { MissionOutcome } from './mission-outcome.type.js';
import { pipelineFunnel } from './pipeline-funnel.service.js';
import { PipelineFunnel } from './pipeline-funnel.type.js';

/**
 * What an analytics query costs (docs/api.md, "Cost"): its statements read a whole period of the
 * agency's data, whatever the selection, so it costs as much as 100 plain objects.
 */
export const ANALYTICS_COST = 100;

const CONFIRMED_ONLY =
  'Count only the won deals their exporters confirmed (latest answer CONFIRMED or CORRECTED), at the value and day they confirmed; open and lost deals then count for nothing.';

/** exportValue's rows repeat per calendar period: its selection counts once per period. */
function exportValuePeriods(args: { groupBy?: ExportValueDimension[]; from?: string; to?: string }): number {
  return args.groupBy && args.from && args.to ? calendarPeriods(args.groupBy, args.from, args.to) : 1;
}

const FILTER_DESCRIPTION =
  'Only deals matching this filter (the filter of the `deals` list; all conditions must hold).';

/**
 * The analysts' queries: read-only, for every signed-in role, on the viewer's agency only.
 * Each runs a fixed, small number of SQL statements whatever the data size (docs/analytics.md).
 */
@Resolver()
export class AnalyticsResolver {
  @Authorized()
  @Query(() => MissionOutcome, {
    nullable: true,
    complexity: ANALYTICS_COST,
    description:
      'What a mission produced: delegation, meetings, counterparts, leads, value won and open, conversion, ROI, cohorts and a per-exporter breakdown. Null when the agency has no mission with this id.',
  })
  missionOutcome(
    @Arg('missionId', () => ID, { description: 'The mission.' }) missionId: string,
    @Arg('confirmedOnly', () => Boolean, { defaultValue: false, description: CONFIRMED_ONLY }) confirmedOnly: boolean,
    @Ctx() ctx: Context,
  ): Promise<MissionOutcome | null> {
    return missionOutcome(ctx, missionId, confirmedOnly);
  }

  @Authorized()
  @Query(() => PipelineFunnel, {
    nullable: true,
    complexity: ANALYTICS_COST,
    description:
      'A pipeline’s funnel for the deals created between from and to: per stage, deals that reached it, left it forward and were lost from it, conversion to the next stage and to WON, median and 90th percentile of days in stage; lost reasons ranked. Null when the agency has no pipeline with this id.',
  })
  pipelineFunnel(
    @Arg('pipelineId', () => ID, { description: 'The pipeline.' }) pipelineId: string,
    @Arg('from', () => DateScalar, {
      nullable: true,
      description: 'Only deals created on or after this day (UTC).',
    })
    from: string | null,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Only deals created on or before this day (UTC).' })
    to: string | null,
    @Arg('filter', () => DealFilter, { nullable: true, description: FILTER_DESCRIPTION }) filter: DealFilter | null,
    @Ctx() ctx: Context,
  ): Promise<PipelineFunnel | null> {
    return pipelineFunnel(ctx, { pipelineId, from, to, filter });
  }

  @Authorized()
  @Extensions({ selectionRepeats: exportValuePeriods })
  @Query(() => ExportValueReport, {
    complexity: ANALYTICS_COST,
    description:
      'Value won (base currency, at the rate of each close day) and deals won, between from and to, grouped by any of country, sector, mission, exporter, owner and calendar periods; with compareWithPrevious, the same figures for the previous period and the growth in percent. Bounded (docs/analytics.md, "Limits"): a MONTH grouping spans at most 120 months and a report has at most 10,000 rows (key combinations × periods) by default; beyond, ANALYTICS_TOO_LARGE says by how much.',
  })
  exportValue(
    @Arg('groupBy', () => [ExportValueDimension], {
      description: 'Dimensions to group by, in order; [] for the total only. A repeated dimension counts once.',
    })
    groupBy: ExportValueDimension[],
    @Arg('from', () => DateScalar, { description: 'First closedOn day counted.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last closedOn day counted.' }) to: string,
    @Arg('compareWithPrevious', () => Boolean, {
      defaultValue: false,
      description:
        'Also compute the previous period: the same dates a year earlier when grouping by a calendar dimension, else as many days right before from.',
    })
    compareWithPrevious: boolean,
    @Arg('filter', () => DealFilter, { nullable: true, description: FILTER_DESCRIPTION }) filter: DealFilter | null,
    @Arg('confirmedOnly', () => Boolean, { defaultValue: false, description: CONFIRMED_ONLY }) confirmedOnly: boolean,
    @Ctx() ctx: Context,
  ): Promise<ExportValueReport> {
    return exportValue(ctx, { groupBy, from, to, compareWithPrevious, filter, confirmedOnly });
  }

  @Authorized()
  @Query(() => ActivitySummary, {
    complexity: ANALYTICS_COST,
    description:
      'Interactions logged, meetings held, deals created, moved, won and lost between from and to, per account manager, mission or interaction kind.',
  })
  activitySummary(
    @Arg('from', () => DateScalar, { description: 'First day counted.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day counted.' }) to: string,
    @Arg('groupBy', () => ActivityGrouping, {
      defaultValue: ActivityGrouping.OWNER,
      description: 'Rows per account manager (default), mission or interaction kind.',
    })
    groupBy: ActivityGrouping,
    @Ctx() ctx: Context,
  ): Promise<ActivitySummary> {
    return activitySummary(ctx, { from, to, groupBy });
  }
}
