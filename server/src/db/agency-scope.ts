import type { EntityManager } from '@mikro-orm/core';
import { agencyOwnedEntityNames } from './entities.js';

/**
 * Agency isolation, applied once, where data is read and written.
 *
 * Reads: the `agency` filter is on by default for every agency-owned entity. A request's
 * EntityManager carries the viewer's agency as the filter parameter; an EntityManager without
 * a parameter fails loudly instead of reading everything. Code that must cross agencies
 * (sign-in, the admin CLI, the demo seed) asks for it by name with `crossAgencyEm`.
 *
 * Writes: `AgencyWriteGuard` (agency-write-guard.ts) refuses to flush an agency-owned row whose agency, or whose
 * reference to another agency-owned row, is not the EntityManager's agency.
 */
export const AGENCY_FILTER = 'agency';

export interface AgencyFilterParams {
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
