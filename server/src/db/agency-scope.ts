import { Collection, type EntityManager, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import { AgencyOwned } from '../shared/agency-owned.entity.js';
import { agencyOwnedEntityNames } from './entities.js';

/**
 * Agency isolation, applied once, where data is read and written.
 *
 * Reads: the `agency` filter is on by default for every agency-owned entity. A request's
 * EntityManager carries the viewer's agency as the filter parameter; an EntityManager without
 * a parameter fails loudly instead of reading everything. Code that must cross agencies
 * (sign-in, the admin CLI, the demo seed) asks for it by name with `crossAgencyEm`.
 *
 * Writes: `AgencyWriteGuard` refuses to flush an agency-owned row whose agency, or whose
 * reference to another agency-owned row, is not the EntityManager's agency.
 */
export const AGENCY_FILTER = 'agency';

interface AgencyFilterParams {
  agencyId?: string;
  crossAgency?: boolean;
}

export const agencyFilter = {
  name: AGENCY_FILTER,
  entity: agencyOwnedEntityNames,
  default: true,
  args: true,
  cond: (args: AgencyFilterParams) => (args.crossAgency ? {} : { agency: args.agencyId }),
};

export class AgencyScopeError extends Error {
  override name = 'AgencyScopeError';
}

/** An EntityManager that sees and writes the records of one agency only. */
export function agencyEm<T extends EntityManager>(em: T, agencyId: string): T {
  const fork = em.fork() as T;
  fork.setFilterParams(AGENCY_FILTER, { agencyId } satisfies AgencyFilterParams);
  return fork;
}

/** An EntityManager that crosses agencies: sign-in, the CLI, the demo seed. Use sparingly. */
export function crossAgencyEm<T extends EntityManager>(em: T): T {
  const fork = em.fork() as T;
  fork.setFilterParams(AGENCY_FILTER, { crossAgency: true } satisfies AgencyFilterParams);
  return fork;
}

export function scopedAgencyId(em: EntityManager): string | undefined {
  const params = em.getFilterParams<AgencyFilterParams>(AGENCY_FILTER);
  return params?.crossAgency ? undefined : params?.agencyId;
}

function idOf(value: unknown): string | undefined {
  if (value == null) return undefined;
  if (typeof value === 'string') return value;
  return (value as { id?: string }).id;
}

export class AgencyWriteGuard implements EventSubscriber {
  async onFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const params = em.getFilterParams<AgencyFilterParams>(AGENCY_FILTER);
    if (params?.crossAgency) return;
    const agencyId = params?.agencyId;
    const changeSets = uow.getChangeSets().filter((cs) => cs.entity instanceof AgencyOwned);
    if (changeSets.length === 0) return;
    if (!agencyId) throw new AgencyScopeError('Writing agency-owned records needs an agency-scoped EntityManager');
    const unverified = new Map<string, Set<string>>();
    for (const cs of changeSets) {
      const entity = cs.entity as AgencyOwned;
      if (idOf(entity.agency) !== agencyId) {
        throw new AgencyScopeError(`${cs.meta.className} ${entity.id} does not belong to the viewer's agency`);
      }
      for (const prop of cs.meta.relations) {
        if (prop.name === 'agency') continue;
        const value = (entity as unknown as Record<string, unknown>)[prop.name];
        const targets =
          prop.kind === 'm:n' && prop.owner && value instanceof Collection
            ? value.isInitialized()
              ? value.getItems(false)
              : []
            : prop.kind === 'm:1' || prop.kind === '1:1'
              ? [value]
              : [];
        for (const target of targets) {
        if (!(target instanceof AgencyOwned)) continue;
        const targetAgency = idOf((target as AgencyOwned).agency);
        if (targetAgency !== undefined) {
          if (targetAgency !== agencyId) {
            throw new AgencyScopeError(`${cs.meta.className}.${prop.name} refers to another agency's record`);
          }
          continue;
        }
        const table = em.getMetadata().find(prop.targetMeta!.class)!.tableName;
        if (!unverified.has(table)) unverified.set(table, new Set());
        unverified.get(table)!.add(target.id);
        }
      }
    }
    for (const [table, ids] of unverified) {
      const rows = await em
        .getConnection()
        .execute<{ n: string }[]>(
          `select count(*) as n from "${table}" where agency_id = ? and id = any(?::uuid[])`,
          [agencyId, [...ids]],
          'all',
          em.getTransactionContext(),
        );
      if (Number(rows[0]?.n) !== ids.size) {
        throw new AgencyScopeError(`A reference to ${table} does not exist in the viewer's agency`);
      }
    }
  }
}
