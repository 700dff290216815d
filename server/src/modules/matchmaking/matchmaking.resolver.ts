import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { runMutation } from '../../shared/mutation.js';
import { interactionLogged } from '../events/publish.js';
import { LogInteractionPayload } from '../interaction/interaction.payloads.js';
import { Mission } from '../mission/mission.entity.js';
import { Role } from '../user/user.enums.js';
import { MEETING_MINUTES, planSuggestedMeeting } from './plan-suggested-meeting.js';
import { DismissMeetingSuggestionPayload, MeetingSuggestion, MeetingSuggestionInput } from './suggestion.types.js';
import { dismissMeetingSuggestion, MAX_SUGGESTIONS, suggestedMeetings } from './suggestions.service.js';

@Resolver(() => Mission)
export class MissionSuggestionsResolver {
  @FieldResolver(() => [MeetingSuggestion], {
    description: `Counterparts the exporter should meet at this mission, best first, with the parts of each score (docs/matchmaking.md): companies of the host country and the mission's partners, leaving out those already on the exporter's agenda here and those dismissed for it. At most ${MAX_SUGGESTIONS}.`,
  })
  suggestedMeetings(
    @Root() mission: Mission,
    @Arg('exporterId', () => ID) exporterId: string,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<MeetingSuggestion[]> {
    return suggestedMeetings(ctx, mission, exporterId, first);
  }

  @Authorized(Role.ADMIN, Role.ACCOUNT_MANAGER)
  @Mutation(() => DismissMeetingSuggestionPayload, {
    description:
      'Dismisses a suggestion: not suggested again to that exporter at that mission, and counted against the counterpart for exporters of the same sectors.',
  })
  dismissMeetingSuggestion(@Arg('input') input: MeetingSuggestionInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, (em) => dismissMeetingSuggestion(em, ctx, input));
  }

  @Authorized(Role.ADMIN, Role.ACCOUNT_MANAGER)
  @Mutation(() => LogInteractionPayload, {
    description: `Plans a suggested meeting in one click: ${MEETING_MINUTES} minutes at the exporter's first free slot of the mission where the counterpart is free too (9:00-18:00 in the host's time zone; from now on, or the mission's own days once it is over), by the agenda rule; CONFLICT when there is none.`,
  })
  async planSuggestedMeeting(@Arg('input') input: MeetingSuggestionInput, @Ctx() ctx: Context) {
    const payload = await runMutation(ctx, input, async (em) => ({
      interaction: await planSuggestedMeeting(em, ctx, input),
    }));
    await interactionLogged(ctx, payload.interaction);
    return payload;
  }
}
