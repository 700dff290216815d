import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars.js';
import { Pipeline } from '../pipeline/pipeline.entity.js';
import { PipelineStage } from '../pipeline/pipeline-stage.entity.js';

@ObjectType({
  description:
    'One stage of a funnel, for the deals of the cohort (see PipelineFunnel). “The path” is the stages that are not LOST, in position order; percentages are rounded to 2 places and null when their base is 0.',
})
export class FunnelStage {
  @Field(() => PipelineStage, { description: 'The stage.' })
  stage!: PipelineStage;

  @Field(() => Int, {
    description:
      'Deals that were in this stage at some time: a move into it in their history, or it is their stage now.',
  })
  entered!: number;

  @Field(() => Int, {
    description:
      'Deals that got this far: for a stage of the path, deals that entered it or any later stage of the path (a deal that skipped it still passed it); for a LOST stage, the deals that entered it.',
  })
  reached!: number;

  @Field(() => Int, {
    description:
      'For a stage of the path: deals that reached a later stage of the path. For a LOST stage: deals moved out of it to a stage of the path (reopened).',
  })
  leftForward!: number;

  @Field(() => Int, { description: 'Deals moved from this stage straight into a LOST stage.' })
  lostFrom!: number;

  @Field(() => Int, { description: 'Deals of the cohort in this stage now.' })
  current!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      '100 × leftForward / reached, for a stage of the path with a later stage of the path; null for the last one and for LOST stages.',
  })
  conversionToNextPercent!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '100 × (deals that reached this stage and are WON now) / reached.',
  })
  conversionToWonPercent!: number | null;

  @Field(() => Int, {
    description:
      'Stays measured for the days-in-stage figures: every move into this OPEN stage, each counted separately (a deal back in a stage stays twice); 0 for WON and LOST stages.',
  })
  stays!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Median days of a stay in this OPEN stage (percentile_cont 0.5, 2 places): from the move into it to the next move of the deal, or to now for a deal still in it. Null for WON and LOST stages, where a stay never ends.',
  })
  medianDaysInStage!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '90th percentile of the days of a stay in this OPEN stage (percentile_cont 0.9, 2 places).',
  })
  p90DaysInStage!: number | null;
}

@ObjectType({ description: 'A reason deals were lost, ranked by how many deals of the cohort it lost.' })
export class LostReasonRank {
  @Field(() => Int, { description: '1 for the most frequent reason; equal counts share a rank (SQL rank()).' })
  rank!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The reason, as written on the most recently closed of its deals; reasons differing only in case or surrounding spaces are one. Null for lost deals without a reason.',
  })
  reason!: string | null;

  @Field(() => Int, { description: 'Deals of the cohort in a LOST stage now with this reason.' })
  deals!: number;

  @Field(() => Float, { description: '100 × deals / all lost deals of the cohort, 2 places.' })
  sharePercent!: number;
}

export interface FunnelSummary {
  deals: number;
  open: number;
  won: number;
  lost: number;
  winRatePercent: number | null;
  reopenedAfterLoss: number;
  lostReasons: LostReasonRank[];
}

@ObjectType({
  description:
    'A pipeline’s funnel for a cohort of deals: those of the pipeline created between from and to (UTC days, both included; open-ended when omitted) and matching the filter. Built from the stage history. See docs/analytics.md.',
})
export class PipelineFunnel {
  loadStages!: () => Promise<FunnelStage[]>;
  loadSummary!: () => Promise<FunnelSummary>;

  @Field(() => Pipeline, { description: 'The pipeline.' })
  pipeline!: Pipeline;

  @Field(() => DateScalar, { nullable: true, description: 'First creation day of the cohort, if any.' })
  from!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last creation day of the cohort, if any.' })
  to!: string | null;

  @Field(() => [FunnelStage], { description: 'Every stage of the pipeline (retired ones too), by position.' })
  stages(): Promise<FunnelStage[]> {
    return this.loadStages();
  }

  @Field(() => Int, { description: 'Deals in the cohort.' })
  async deals(): Promise<number> {
    return (await this.loadSummary()).deals;
  }

  @Field(() => Int, { description: 'Deals of the cohort in an OPEN stage now.' })
  async open(): Promise<number> {
    return (await this.loadSummary()).open;
  }

  @Field(() => Int, { description: 'Deals of the cohort in a WON stage now.' })
  async won(): Promise<number> {
    return (await this.loadSummary()).won;
  }

  @Field(() => Int, { description: 'Deals of the cohort in a LOST stage now.' })
  async lost(): Promise<number> {
    return (await this.loadSummary()).lost;
  }

  @Field(() => Float, { nullable: true, description: '100 × won / deals, 2 places; null for an empty cohort.' })
  async winRatePercent(): Promise<number | null> {
    return (await this.loadSummary()).winRatePercent;
  }

  @Field(() => Int, { description: 'Deals of the cohort that were moved out of a LOST stage to another stage.' })
  async reopenedAfterLoss(): Promise<number> {
    return (await this.loadSummary()).reopenedAfterLoss;
  }

  @Field(() => [LostReasonRank], {
    description: 'Why the cohort’s deals now in a LOST stage were lost, most frequent first (then by reason).',
  })
  async lostReasons(): Promise<LostReasonRank[]> {
    return (await this.loadSummary()).lostReasons;
  }
}
