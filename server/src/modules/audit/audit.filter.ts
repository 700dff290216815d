import type { FilterQuery } from '@mikro-orm/core';
import { anyOf, conditions, idList, validIds } from '../../shared/filters.js';
import type { AuditEventFilter } from './audit.inputs.js';
import type { AuditEvent } from './audit-event.entity.js';

/** The MikroORM condition for an AuditEventFilter: a malformed id matches nothing. */
export function auditWhere(filter: AuditEventFilter | null | undefined): FilterQuery<AuditEvent> {
  if (!filter) return {};
  const and = conditions({
    actor: idList(filter.actorIds),
    entity: anyOf(filter.entities),
    entityId: filter.entityId != null ? { $in: validIds([filter.entityId]) } : undefined,
    action: anyOf(filter.actions),
  });
  if (filter.atFrom) and.push({ at: { $gte: filter.atFrom } });
  if (filter.atTo) and.push({ at: { $lt: filter.atTo } });
  return (and.length > 0 ? { $and: and } : {}) as FilterQuery<AuditEvent>;
}
