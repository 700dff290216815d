import { Arg, Args, Authorized, Ctx, Field, InputType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ConnectionType, OrderDirection, PageArgs, paginate } from '../../shared/connection.js';
import { Role } from '../user/user.enums.js';
import { MailStatus, OutboxMail } from './outbox-mail.entity.js';

const OutboxMailConnection = ConnectionType(OutboxMail);

@InputType()
export class OutboxMailFilter {
  @Field(() => [MailStatus], { nullable: true })
  statuses?: MailStatus[] | null;
}

@Resolver(() => OutboxMail)
export class OutboxMailResolver {
  @Authorized(Role.ADMIN)
  @Query(() => OutboxMailConnection, {
    description:
      'The mail the CRM sent or will send for the agency, newest first. Without an SMTP server (CRM_SMTP_URL) it stays here, PENDING: read its links here.',
  })
  outgoingMail(
    @Args() page: PageArgs,
    @Arg('filter', () => OutboxMailFilter, { nullable: true }) filter: OutboxMailFilter | null,
    @Ctx() { em }: Context,
  ) {
    const where = filter?.statuses?.length ? { status: { $in: filter.statuses } } : {};
    return paginate(em, OutboxMail, where, { field: 'createdAt', direction: OrderDirection.DESC }, page);
  }
}
