import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { readPage } from '../../read-model/compiled-page.js';
import { dealsRequest } from '../../read-model/root-reads.js';
import { ConnectionType, OrderDirection, PageArgs } from '../../shared/connection.js';
import { isUuid } from '../../shared/ids.js';
import { loadOptionalRef, loadRef } from '../../shared/load.js';
import { Money, money } from '../../shared/money.js';
import { runMutation } from '../../shared/mutation.js';
import { NestedPageArgs, nestedPage } from '../../shared/nested-connection.js';
import { Company } from '../company/company.entity.js';
import { dealChanged } from '../events/publish.js';
import { convert, rateOn, today } from '../exchange-rate/conversion.js';
import { Interaction } from '../interaction/interaction.entity.js';
import { Mission } from '../mission/mission.entity.js';
import { Pipeline } from '../pipeline/pipeline.entity.js';
import { PipelineStage } from '../pipeline/pipeline-stage.entity.js';
import { Sector } from '../sector/sector.entity.js';
import { User } from '../user/user.entity.js';
import { Role } from '../user/user.enums.js';
import { Deal } from './deal.entity.js';
import { CreateDealInput, DealFilter, DealOrder, MoveDealInput, UpdateDealInput } from './deal.inputs.js';
import { CreateDealPayload, MoveDealPayload, UpdateDealPayload } from './deal.payloads.js';
import { createDeal, moveDeal, updateDeal } from './deal.service.js';
import { DealStageChange } from './deal-stage-change.entity.js';

export const DealConnection = ConnectionType(Deal);
const InteractionConnection = ConnectionType(Interaction);
const DealStageChangeConnection = ConnectionType(DealStageChange);

interface Conversion {
  amount: Money | null;
  missing: boolean;
}

/** The deal's amount in the base currency, at the rate of its close day (today while open). */
async function conversion(ctx: Context, deal: Deal): Promise<Conversion> {
  if (deal.amount == null) return { amount: null, missing: false };
  const { base, rate } = await rateOn(ctx, deal.currency, deal.closedOn ?? today());
  if (rate == null) return { amount: null, missing: true };
  return { amount: money(convert(deal.amount, rate), base), missing: false };
}

const EDITORS = [Role.ADMIN, Role.ACCOUNT_MANAGER];

@Resolver(() => Deal)
export class DealResolver {
  @Authorized()
  @Query(() => DealConnection, { description: "The agency's deals (newest first by default)." })
  deals(
    @Args() page: PageArgs,
    @Arg('filter', () => DealFilter, { nullable: true }) filter: DealFilter | null,
    @Arg('orderBy', () => DealOrder, { nullable: true }) orderBy: DealOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readPage(ctx, info, dealsRequest(ctx, { ...page, filter, orderBy }));
  }

  @Authorized()
  @Query(() => Deal, { nullable: true })
  async deal(@Arg('id', () => ID) id: string, @Ctx() { em }: Context): Promise<Deal | null> {
    return isUuid(id) ? em.findOne(Deal, id) : null;
  }

  @FieldResolver(() => Money, { nullable: true, description: 'The expected (or signed) value, in the deal currency.' })
  amount(@Root() deal: Deal): Money | null {
    return money(deal.amount, deal.currency);
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description:
      "The amount in the agency's base currency, at the rate valid on the close day (today for an open deal). Null when there is no amount, or no rate (see exchangeRateMissing).",
  })
  async amountInBaseCurrency(@Root() deal: Deal, @Ctx() ctx: Context): Promise<Money | null> {
    return (await conversion(ctx, deal)).amount;
  }

  @FieldResolver(() => Boolean, {
    description:
      'True when the deal has an amount but no exchange rate of its currency was valid on its day: amountInBaseCurrency is null for lack of a rate, not of an amount.',
  })
  async exchangeRateMissing(@Root() deal: Deal, @Ctx() ctx: Context): Promise<boolean> {
    return (await conversion(ctx, deal)).missing;
  }

  @FieldResolver(() => Pipeline)
  pipeline(@Root() deal: Deal): Promise<Pipeline> {
    return loadRef(deal.pipeline);
  }

  @FieldResolver(() => PipelineStage)
  stage(@Root() deal: Deal): Promise<PipelineStage> {
    return loadRef(deal.stage);
  }

  @FieldResolver(() => Company)
  exporter(@Root() deal: Deal): Promise<Company> {
    return loadRef(deal.exporter);
  }

  @FieldResolver(() => Company, { nullable: true })
  buyer(@Root() deal: Deal): Promise<Company | null> {
    return loadOptionalRef(deal.buyer);
  }

  @FieldResolver(() => User)
  owner(@Root() deal: Deal): Promise<User> {
    return loadRef(deal.owner);
  }

  @FieldResolver(() => Mission, { nullable: true, description: 'The mission where the lead was born.' })
  sourceMission(@Root() deal: Deal): Promise<Mission | null> {
    return loadOptionalRef(deal.sourceMission);
  }

  @FieldResolver(() => Interaction, { nullable: true, description: 'The meeting that produced the lead.' })
  sourceInteraction(@Root() deal: Deal): Promise<Interaction | null> {
    return loadOptionalRef(deal.sourceInteraction);
  }

  @FieldResolver(() => Sector, { nullable: true })
  sector(@Root() deal: Deal): Promise<Sector | null> {
    return loadOptionalRef(deal.sector);
  }

  @FieldResolver(() => InteractionConnection, {
    description: 'The meetings, calls and notes of the deal, oldest first.',
  })
  interactions(@Root() deal: Deal, @Args() page: NestedPageArgs, @Ctx() ctx: Context) {
    return nestedPage(ctx, {
      entity: Interaction,
      parent: 'deal',
      parentId: deal.id,
      order: { field: 'occurredAt', direction: OrderDirection.ASC },
      ...page,
    });
  }

  @FieldResolver(() => DealStageChangeConnection, { description: "The deal's moves, oldest first." })
  stageHistory(@Root() deal: Deal, @Args() page: NestedPageArgs, @Ctx() ctx: Context) {
    return nestedPage(ctx, {
      entity: DealStageChange,
      parent: 'deal',
      parentId: deal.id,
      order: { field: 'changedAt', direction: OrderDirection.ASC },
      ...page,
    });
  }

  @Authorized(...EDITORS)
  @Mutation(() => CreateDealPayload, {
    description:
      'Creates a deal in an OPEN stage (the first OPEN stage of the default pipeline unless told otherwise) and writes its first stage change.',
  })
  async createDeal(@Arg('input') input: CreateDealInput, @Ctx() ctx: Context) {
    const payload = await runMutation(ctx, input, async (em) => ({ deal: await createDeal(em, ctx, input) }));
    await dealChanged(ctx, payload.deal, 'CREATED');
    return payload;
  }

  @Authorized(...EDITORS)
  @Mutation(() => UpdateDealPayload, {
    description: 'Changes a deal (not its stage: see moveDeal), if it is still at the version the client saw.',
  })
  async updateDeal(@Arg('input') input: UpdateDealInput, @Ctx() ctx: Context) {
    const payload = await runMutation(ctx, input, async (em) => ({ deal: await updateDeal(em, ctx, input) }));
    await dealChanged(ctx, payload.deal, 'EDITED');
    return payload;
  }

  @Authorized(...EDITORS)
  @Mutation(() => MoveDealPayload, {
    description:
      'Moves a deal to another stage of its pipeline, if it is still at the version the client saw; entering a WON or LOST stage closes it (LOST needs a lostReason), entering an OPEN stage reopens it.',
  })
  async moveDeal(@Arg('input') input: MoveDealInput, @Ctx() ctx: Context) {
    const payload = await runMutation(ctx, input, (em) => moveDeal(em, ctx, input));
    await dealChanged(ctx, payload.deal, 'MOVED');
    return payload;
  }
}

@Resolver(() => DealStageChange)
export class DealStageChangeResolver {
  @FieldResolver(() => Deal)
  deal(@Root() change: DealStageChange): Promise<Deal> {
    return loadRef(change.deal);
  }

  @FieldResolver(() => PipelineStage, { nullable: true, description: 'None for the stage a deal was created in.' })
  fromStage(@Root() change: DealStageChange): Promise<PipelineStage | null> {
    return loadOptionalRef(change.fromStage);
  }

  @FieldResolver(() => PipelineStage)
  toStage(@Root() change: DealStageChange): Promise<PipelineStage> {
    return loadRef(change.toStage);
  }

  @FieldResolver(() => User, { nullable: true, description: 'None when the user was deleted.' })
  changedBy(@Root() change: DealStageChange): Promise<User | null> {
    return loadOptionalRef(change.changedBy);
  }
}
