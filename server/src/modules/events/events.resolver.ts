import { Arg, Authorized, Ctx, FieldResolver, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { UnauthenticatedError } from '../../graphql/errors.js';
import { User } from '../user/user.entity.js';
import { type CrmEvent, eventStream } from './event-bus.js';
import { DealChangedEvent, InteractionLoggedEvent } from './events.types.js';

type DealEvent = Extract<CrmEvent, { type: 'dealChanged' }>;
type InteractionEvent = Extract<CrmEvent, { type: 'interactionLogged' }>;

/**
 * The events of the subscriber's agency that `keep` accepts, each delivered only if the
 * subscriber is still signed in (the session or token checked again per event: a signed-out or
 * deactivated user's socket is closed: http/live.ts).
 */
function subscriberStream<T extends CrmEvent>(context: unknown, keep: (event: CrmEvent) => event is T) {
  const ctx = context as Context;
  const { viewer, events: bus, connection } = ctx;
  if (!viewer || !bus || !connection) throw new UnauthenticatedError('Sign in to subscribe.');
  const events = eventStream(bus, (event): event is T => event.agencyId === viewer.agencyId && keep(event));
  return {
    async next(): Promise<IteratorResult<T>> {
      const result = await events.next();
      if (result.done) return result;
      if (await connection.stillSignedIn()) return result;
      connection.close(4401, 'Signed out');
      return events.return!();
    },
    return: () => events.return!(),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

@Resolver(() => DealChangedEvent)
export class DealEventsResolver {
  @Authorized()
  @Subscription(() => DealChangedEvent, {
    description:
      'Deals of the pipeline as they are created, edited and moved, by anyone of the agency (over WebSocket, graphql-ws, at /graphql).',
    subscribe: ({ args, context }) =>
      subscriberStream(
        context,
        (event): event is DealEvent => event.type === 'dealChanged' && event.pipelineId === args.pipelineId,
      ),
  })
  dealChanged(@Root() event: DealEvent, @Arg('pipelineId', () => ID) _pipelineId: string): DealChangedEvent {
    return event as DealChangedEvent;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who made the change.' })
  by(@Root() event: DealChangedEvent, @Ctx() ctx: Context) {
    return ctx.em.findOne(User, { id: event.byUserId });
  }
}

@Resolver(() => InteractionLoggedEvent)
export class InteractionEventsResolver {
  @Authorized()
  @Subscription(() => InteractionLoggedEvent, {
    description: 'Interactions logged in the mission (its agenda), by anyone of the agency.',
    subscribe: ({ args, context }) =>
      subscriberStream(
        context,
        (event): event is InteractionEvent => event.type === 'interactionLogged' && event.missionId === args.missionId,
      ),
  })
  interactionLogged(
    @Root() event: InteractionEvent,
    @Arg('missionId', () => ID) _missionId: string,
  ): InteractionLoggedEvent {
    return event;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who logged it.' })
  by(@Root() event: InteractionLoggedEvent, @Ctx() ctx: Context) {
    return ctx.em.findOne(User, { id: event.byUserId });
  }
}
