import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { isUuid } from '../../shared/ids.js';
import type { AuditEventFilter } from './audit.inputs.js';
import { type AuditChanges, AuditEvent } from './audit-event.entity.js';

type Snapshot = Record<string, unknown>;

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && 'id' in value && typeof (value as { id: unknown }).id === 'string') {
    return (value as { id: string }).id;
  }
  if (Array.isArray(value)) return value.map(plain);
  return value ?? null;
}

/** The fields of an entity worth auditing, as JSON values (references as ids). */
export function snapshot(entity: object, fields: readonly string[]): Snapshot {
  return Object.fromEntries(fields.map((field) => [field, plain((entity as Record<string, unknown>)[field])]));
}

/** Fields whose value differs, with their value before and after. */
export function changesBetween(before: Snapshot | null, after: Snapshot | null): AuditChanges {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChanges = {};
  for (const key of keys) {
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = { before: a, after: b };
  }
  return changes;
}

/** Records who changed what, in the mutation's own transaction (flushed with it). */
export function recordAudit(
  em: EntityManager,
  ctx: Context,
  event: { action: string; entity: string; entityId: string; before?: Snapshot | null; after?: Snapshot | null },
): AuditEvent {
  return em.create(AuditEvent, {
    agency: ctx.viewer!.agencyId,
    actor: ctx.viewer!.userId,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    changes: changesBetween(event.before ?? null, event.after ?? null),
    at: new Date(),
  });
}

/** Ids that are not UUIDs match nothing, as unknown ids do; an empty list means no condition. */
function ids(values: readonly string[]): string[] {
  return [...new Set(values.filter(isUuid))];
}

export function auditWhere(filter: AuditEventFilter | null | undefined): FilterQuery<AuditEvent> {
  if (!filter) return {};
  const and: FilterQuery<AuditEvent>[] = [];
  if (filter.actorIds?.length) and.push({ actor: { $in: ids(filter.actorIds) } });
  if (filter.entities?.length) and.push({ entity: { $in: [...filter.entities] } });
  if (filter.entityId != null) and.push({ entityId: isUuid(filter.entityId) ? filter.entityId : { $in: [] } });
  if (filter.actions?.length) and.push({ action: { $in: [...filter.actions] } });
  if (filter.atFrom) and.push({ at: { $gte: filter.atFrom } });
  if (filter.atTo) and.push({ at: { $lt: filter.atTo } });
  return and.length > 0 ? { $and: and } : {};
}
