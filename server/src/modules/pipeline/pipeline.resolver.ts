import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { readRecord } from '../../read-model/compiled-page.js';
import { pipelineRequest } from '../../read-model/root-reads.js';
import { ConnectionType, OrderDirection, PageArgs, paginate } from '../../shared/connection.js';
import { loadRef } from '../../shared/load.js';
import { runMutation } from '../../shared/mutation.js';
import { Role } from '../user/user.enums.js';
import { Pipeline } from './pipeline.entity.js';
import {
  CreatePipelineInput,
  PipelineOrder,
  PipelineOrderField,
  UpdatePipelineStagesInput,
} from './pipeline.inputs.js';
import { CreatePipelinePayload, UpdatePipelineStagesPayload } from './pipeline.payloads.js';
import { createPipeline, updatePipelineStages } from './pipeline.service.js';
import { PipelineStage } from './pipeline-stage.entity.js';

const PipelineConnection = ConnectionType(Pipeline);

/** The stages of every pipeline of a request, in one statement. */
function stagesOf(ctx: Context, pipelineId: string): Promise<PipelineStage[]> {
  let loader = ctx.loaders.get('pipeline:stages') as DataLoader<string, PipelineStage[]> | undefined;
  if (!loader) {
    loader = new DataLoader<string, PipelineStage[]>(async (ids) => {
      const stages = await ctx.em.find(
        PipelineStage,
        { pipeline: { $in: [...ids] } },
        { orderBy: { pipeline: 'asc', position: 'asc', id: 'asc' } },
      );
      return ids.map((id) => stages.filter((stage) => stage.pipeline.id === id));
    });
    ctx.loaders.set('pipeline:stages', loader);
  }
  return loader.load(pipelineId);
}

@Resolver(() => Pipeline)
export class PipelineResolver {
  @Authorized()
  @Query(() => PipelineConnection, { description: "The agency's pipelines." })
  pipelines(
    @Args() page: PageArgs,
    @Arg('orderBy', () => PipelineOrder, { nullable: true }) orderBy: PipelineOrder | null,
    @Ctx() { em }: Context,
  ) {
    return paginate(
      em,
      Pipeline,
      {},
      orderBy ?? { field: PipelineOrderField.NAME, direction: OrderDirection.ASC },
      page,
    );
  }

  @Authorized()
  @Query(() => Pipeline, { nullable: true, description: 'A pipeline of the agency, with its board.' })
  pipeline(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Pipeline | null> {
    return readRecord(ctx, info, pipelineRequest(id));
  }

  @FieldResolver(() => [PipelineStage], { description: 'The stages in order (position).' })
  async stages(
    @Root() pipeline: Pipeline,
    @Arg('includeRetired', () => Boolean, {
      defaultValue: false,
      description: 'Also the retired stages (they keep their deals and history).',
    })
    includeRetired: boolean,
    @Ctx() ctx: Context,
  ): Promise<PipelineStage[]> {
    const stages = await stagesOf(ctx, pipeline.id);
    return includeRetired ? stages : stages.filter((stage) => !stage.retired);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatePipelinePayload)
  createPipeline(@Arg('input') input: CreatePipelineInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ pipeline: await createPipeline(em, ctx, input) }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UpdatePipelineStagesPayload, {
    description: 'Adds, renames, reorders and retires the stages of a pipeline.',
  })
  updatePipelineStages(@Arg('input') input: UpdatePipelineStagesInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ pipeline: await updatePipelineStages(em, ctx, input) }));
  }
}

@Resolver(() => PipelineStage)
export class PipelineStageResolver {
  @FieldResolver(() => Pipeline)
  pipeline(@Root() stage: PipelineStage): Promise<Pipeline> {
    return loadRef(stage.pipeline);
  }
}
