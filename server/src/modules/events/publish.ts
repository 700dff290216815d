import type { Context } from '../../graphql/context.js';
import type { Deal } from '../deal/deal.entity.js';
import type { Interaction } from '../interaction/interaction.entity.js';

/**
 * The resolvers' side of the events (event-bus.ts): called once runMutation has returned, i.e.
 * after the change committed, with what the payload holds. A failure to announce is logged by the
 * bus's caller and never undoes or fails the change: subscribers catch up when they fetch.
 */
export async function dealChanged(
  ctx: Context,
  deal: Deal | null | undefined,
  change: 'CREATED' | 'EDITED' | 'MOVED',
): Promise<void> {
  if (!deal || !ctx.events || !ctx.viewer) return;
  await ctx.events
    .publish({
      type: 'dealChanged',
      agencyId: ctx.viewer.agencyId,
      pipelineId: deal.pipeline.id,
      dealId: deal.id,
      version: deal.version,
      change,
      byUserId: ctx.viewer.userId,
    })
    .catch(() => undefined);
}

export async function interactionLogged(ctx: Context, interaction: Interaction | null | undefined): Promise<void> {
  const missionId = interaction?.mission?.id;
  if (!interaction || !missionId || !ctx.events || !ctx.viewer) return;
  await ctx.events
    .publish({
      type: 'interactionLogged',
      agencyId: ctx.viewer.agencyId,
      missionId,
      interactionId: interaction.id,
      byUserId: ctx.viewer.userId,
    })
    .catch(() => undefined);
}
