import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ConnectionType, OrderDirection } from '../../shared/connection.js';
import { NestedPageArgs, nestedPage } from '../../shared/nested-connection.js';
import { Mission } from '../mission/mission.entity.js';
import { Interaction } from './interaction.entity.js';
import { interactionWhere } from './interaction.filter.js';
import { InteractionFilter } from './interaction.inputs.js';

const InteractionConnection = ConnectionType(Interaction);

@Resolver(() => Mission)
export class MissionInteractionsResolver {
  @FieldResolver(() => InteractionConnection, {
    description: "The mission's interactions (its B2B meetings and follow-ups), in time order.",
  })
  interactions(
    @Root() mission: Mission,
    @Args() page: NestedPageArgs,
    @Arg('filter', () => InteractionFilter, { nullable: true }) filter: InteractionFilter | null,
    @Ctx() ctx: Context,
  ) {
    return nestedPage(ctx, {
      entity: Interaction,
      parent: 'mission',
      parentId: mission.id,
      order: { field: 'occurredAt', direction: OrderDirection.ASC },
      ...page,
      where: interactionWhere(filter, ctx.language),
    });
  }
}
