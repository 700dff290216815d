import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
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
  ctx: Pick<Context, 'viewer'>,
  event: {
    action: string;
    entity: string;
    entityId: string;
    before?: Snapshot | null;
    after?: Snapshot | null;
    /** For a change no user made (an exporter's answer through a link, an expiry): its agency; the actor is then empty. */
    agencyId?: string;
  },
): AuditEvent {
  return em.create(AuditEvent, {
    agency: event.agencyId ?? ctx.viewer!.agencyId,
    actor: event.agencyId ? (ctx.viewer?.userId ?? null) : ctx.viewer!.userId,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    changes: changesBetween(event.before ?? null, event.after ?? null),
    at: new Date(),
  });
}
