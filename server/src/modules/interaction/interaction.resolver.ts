import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ConnectionType, OrderDirection, PageArgs, paginate } from '../../shared/connection.js';
import { isUuid } from '../../shared/ids.js';
import { inByteOrder } from '../../shared/in-byte-order.js';
import { loadOptionalRef, loadRef } from '../../shared/load.js';
import { runMutation } from '../../shared/mutation.js';
import { Company } from '../company/company.entity.js';
import { Contact } from '../contact/contact.entity.js';
import { Deal } from '../deal/deal.entity.js';
import { interactionLogged } from '../events/publish.js';
import { Mission } from '../mission/mission.entity.js';
import { User } from '../user/user.entity.js';
import { Role } from '../user/user.enums.js';
import { Interaction } from './interaction.entity.js';
import { interactionWhere } from './interaction.filter.js';
import {
  InteractionFilter,
  InteractionOrder,
  InteractionOrderField,
  LogInteractionInput,
  UpdateInteractionInput,
} from './interaction.inputs.js';
import { LogInteractionPayload, UpdateInteractionPayload } from './interaction.payloads.js';
import { logInteraction, updateInteraction } from './interaction.service.js';

export const InteractionConnection = ConnectionType(Interaction);

@Resolver(() => Interaction)
export class InteractionResolver {
  @Authorized()
  @Query(() => InteractionConnection, {
    description: "The agency's meetings, calls, e-mails, visits and notes (default: most recent first).",
  })
  interactions(
    @Args() page: PageArgs,
    @Arg('filter', () => InteractionFilter, { nullable: true }) filter: InteractionFilter | null,
    @Arg('orderBy', () => InteractionOrder, { nullable: true }) orderBy: InteractionOrder | null,
    @Ctx() { em, language }: Context,
  ) {
    return paginate(
      em,
      Interaction,
      interactionWhere(filter, language),
      orderBy ?? { field: InteractionOrderField.OCCURRED_AT, direction: OrderDirection.DESC },
      page,
    );
  }

  @Authorized()
  @Query(() => Interaction, { nullable: true, description: 'One interaction of the agency, or null.' })
  async interaction(@Arg('id', () => ID) id: string, @Ctx() { em }: Context): Promise<Interaction | null> {
    return isUuid(id) ? em.findOne(Interaction, id) : null;
  }

  @FieldResolver(() => Mission, { nullable: true })
  mission(@Root() interaction: Interaction): Promise<Mission | null> {
    return loadOptionalRef(interaction.mission);
  }

  @FieldResolver(() => Company, { description: 'The exporter the agency supports.' })
  exporter(@Root() interaction: Interaction): Promise<Company> {
    return loadRef(interaction.exporter);
  }

  @FieldResolver(() => Company, { nullable: true, description: 'The other party: buyer, distributor, institution...' })
  counterpart(@Root() interaction: Interaction): Promise<Company | null> {
    return loadOptionalRef(interaction.counterpart);
  }

  @FieldResolver(() => Deal, { nullable: true, description: 'The deal it belongs to, if any.' })
  deal(@Root() interaction: Interaction): Promise<Deal | null> {
    return loadOptionalRef(interaction.deal);
  }

  @FieldResolver(() => User, { description: 'Who logged it.' })
  author(@Root() interaction: Interaction): Promise<User> {
    return loadRef(interaction.author);
  }

  @FieldResolver(() => [Contact], { description: 'The people present, by name.' })
  async contacts(@Root() interaction: Interaction): Promise<Contact[]> {
    const contacts = await interaction.contacts.loadItems({ dataloader: true });
    return [...contacts].sort(inByteOrder<Contact>('normalizedName', 'id'));
  }

  @Authorized(Role.ADMIN, Role.ACCOUNT_MANAGER)
  @Mutation(() => LogInteractionPayload, {
    description: 'Records a touch point, or plans a B2B meeting (refused with CONFLICT when it clashes on the agenda).',
  })
  async logInteraction(@Arg('input') input: LogInteractionInput, @Ctx() ctx: Context) {
    const payload = await runMutation(ctx, input, async (em) => ({
      interaction: await logInteraction(em, ctx, input),
    }));
    await interactionLogged(ctx, payload.interaction);
    return payload;
  }

  @Authorized(Role.ADMIN, Role.ACCOUNT_MANAGER)
  @Mutation(() => UpdateInteractionPayload, {
    description: 'Changes an interaction: mark a meeting HELD, NO_SHOW or CANCELLED, move it, set its outcome...',
  })
  updateInteraction(@Arg('input') input: UpdateInteractionInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, async (em) => ({ interaction: await updateInteraction(em, ctx, input) }));
  }
}
