import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ConnectionType, OrderDirection, PageArgs, paginate } from '../../shared/connection.js';
import { loadOptionalRef } from '../../shared/load.js';
import { User } from '../user/user.entity.js';
import { Role } from '../user/user.enums.js';
import { auditWhere } from './audit.filter.js';
import { AuditEventFilter, AuditEventOrder, AuditEventOrderField } from './audit.inputs.js';
import { AuditEvent } from './audit-event.entity.js';

const AuditEventConnection = ConnectionType(AuditEvent);

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Authorized(Role.ADMIN, Role.ANALYST)
  @Query(() => AuditEventConnection, { description: "The agency's audit log (default: newest first)." })
  auditEvents(
    @Args() page: PageArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | null,
    @Arg('orderBy', () => AuditEventOrder, { nullable: true }) orderBy: AuditEventOrder | null,
    @Ctx() { em }: Context,
  ) {
    const order = orderBy ?? { field: AuditEventOrderField.AT, direction: OrderDirection.DESC };
    return paginate(em, AuditEvent, auditWhere(filter), order, page);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who made the change; null if unknown.' })
  actor(@Root() event: AuditEvent): Promise<User | null> {
    return loadOptionalRef(event.actor);
  }
}
