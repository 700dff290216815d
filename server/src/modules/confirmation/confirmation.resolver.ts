import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { RateLimitedError } from '../../graphql/errors.js';
import { loadOptionalRef, loadRef } from '../../shared/load.js';
import { msg, render } from '../../shared/messages/index.js';
import { Money, money } from '../../shared/money.js';
import { runMutation } from '../../shared/mutation.js';
import { perRequest } from '../../shared/per-request.js';
import { Contact } from '../contact/contact.entity.js';
import { Deal } from '../deal/deal.entity.js';
import { User } from '../user/user.entity.js';
import { Role } from '../user/user.enums.js';
import { answerDealConfirmation, describeConfirmation, requestDealConfirmation } from './confirmation.service.js';
import {
  AnswerDealConfirmationInput,
  AnswerDealConfirmationPayload,
  PublicDealConfirmation,
  RequestDealConfirmationInput,
  RequestDealConfirmationPayload,
} from './confirmation.types.js';
import { ConfirmationStatus, DealConfirmation } from './deal-confirmation.entity.js';

/** The public page's requests (look-ups and answers) allowed per client address: a small burst, then a few a minute. */
async function throttlePublic(ctx: Context): Promise<void> {
  const verdict = await ctx.publicPages?.take(`confirm:${ctx.clientAddress}`, 1);
  if (verdict && !verdict.ok) {
    throw new RateLimitedError(
      render(msg('confirmTooManyAttempts', { seconds: verdict.retryAfterSeconds }), ctx.language),
      {
        retryAfterSeconds: verdict.retryAfterSeconds,
        cost: 1,
        remaining: 0,
      },
    );
  }
}

@Resolver(() => DealConfirmation)
export class DealConfirmationResolver {
  @Authorized(Role.ADMIN, Role.ACCOUNT_MANAGER)
  @Mutation(() => RequestDealConfirmationPayload, {
    description:
      'Asks the exporter’s contact to confirm a won deal: mails a one-time link (21 days, reminders after 7 and 14) to a page in their language. A request still waiting for this deal is replaced.',
  })
  requestDealConfirmation(@Arg('input') input: RequestDealConfirmationInput, @Ctx() ctx: Context) {
    return runMutation(ctx, input, (em) => requestDealConfirmation(em, ctx, input));
  }

  @Query(() => PublicDealConfirmation, {
    nullable: true,
    description:
      'For the public page of a confirmation link (no sign-in): the deal as recorded; null when the link is unknown, answered or expired. Rate limited per address.',
  })
  async dealConfirmationRequest(
    @Arg('token') token: string,
    @Ctx() ctx: Context,
  ): Promise<PublicDealConfirmation | null> {
    await throttlePublic(ctx);
    return describeConfirmation(ctx.rootEm, token);
  }

  @Mutation(() => AnswerDealConfirmationPayload, {
    description:
      'The exporter’s answer through a confirmation link (no sign-in): once, before the link expires. Rate limited per address.',
  })
  async answerDealConfirmation(@Arg('input') input: AnswerDealConfirmationInput, @Ctx() ctx: Context) {
    await throttlePublic(ctx);
    return answerDealConfirmation(ctx, input);
  }

  @FieldResolver(() => User, { description: 'Who asked.' })
  requestedBy(@Root() confirmation: DealConfirmation): Promise<User> {
    return loadRef(confirmation.requestedBy);
  }

  @FieldResolver(() => Contact, { nullable: true, description: 'The contact asked, unless since removed.' })
  contact(@Root() confirmation: DealConfirmation): Promise<Contact | null> {
    return loadOptionalRef(confirmation.contact);
  }

  @FieldResolver(() => Money, { nullable: true, description: 'The deal’s value as recorded when asked.' })
  recordedValue(@Root() confirmation: DealConfirmation): Money | null {
    return money(confirmation.recordedAmount, confirmation.recordedCurrency?.trim());
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description: 'The value the exporter confirmed (CONFIRMED: as recorded; CORRECTED: theirs); null otherwise.',
  })
  confirmedValue(@Root() confirmation: DealConfirmation): Money | null {
    return money(confirmation.confirmedAmount, confirmation.confirmedCurrency?.trim());
  }
}

@Resolver(() => Deal)
export class DealConfirmationFieldResolver {
  @FieldResolver(() => DealConfirmation, {
    nullable: true,
    description: 'The latest request to the exporter to confirm this deal, whatever its status; null if never asked.',
  })
  confirmation(@Root() deal: Deal, @Ctx() ctx: Context): Promise<DealConfirmation | null> {
    return latestConfirmation(ctx, deal.id);
  }

  @FieldResolver(() => ConfirmationStatus, {
    nullable: true,
    description: 'The status of the latest request to the exporter (confirmation.status); null if never asked.',
  })
  async confirmationStatus(@Root() deal: Deal, @Ctx() ctx: Context): Promise<ConfirmationStatus | null> {
    return (await latestConfirmation(ctx, deal.id))?.status ?? null;
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description:
      'The value the exporter confirmed in answer to the latest request (confirmation.confirmedValue): null unless CONFIRMED or CORRECTED.',
  })
  async confirmedValue(@Root() deal: Deal, @Ctx() ctx: Context): Promise<Money | null> {
    const latest = await latestConfirmation(ctx, deal.id);
    return latest ? money(latest.confirmedAmount, latest.confirmedCurrency?.trim()) : null;
  }
}

/** The latest confirmation of a deal, batched per request. */
function latestConfirmation(ctx: Context, dealId: string): Promise<DealConfirmation | null> {
  const loader = perRequest(
    ctx,
    'confirmation:latest',
    () =>
      new DataLoader<string, DealConfirmation | null>(async (ids) => {
        const rows = await ctx.em.find(
          DealConfirmation,
          { deal: { $in: [...ids] } },
          { orderBy: { createdAt: 'desc', id: 'desc' } },
        );
        const latest = new Map<string, DealConfirmation>();
        for (const row of rows) if (!latest.has(row.deal.id)) latest.set(row.deal.id, row);
        return ids.map((id) => latest.get(id) ?? null);
      }),
  );
  return loader.load(dealId);
}
