import {
  ChangeSetType,
  type EntityClass,
  type EntityManager,
  type EventSubscriber,
  type FlushEventArgs,
} from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { AgencyOwned } from '../shared/agency-owned.entity.js';
import { agencyQuery, list, sql, trusted } from '../shared/sql.js';
import { AGENCY_FILTER, type AgencyFilterParams, AgencyScopeError } from './agency-scope.js';

/**
 * Agency isolation of writes (reads: agency-scope.ts): `AgencyWriteGuard` refuses to flush an
 * agency-owned row whose agency, or whose reference to another agency-owned row, is not the
 * EntityManager's agency.
 */
function idOf(value: unknown): string | undefined {
  if (value == null) return undefined;
  if (typeof value === 'string') return value;
  return (value as { id?: string }).id;
}

export class AgencyWriteGuard implements EventSubscriber {
  async onFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const params = em.getFilterParams<AgencyFilterParams>(AGENCY_FILTER);
    if (params?.crossAgency) return;
    const changeSets = uow.getChangeSets().filter((cs) => cs.entity instanceof AgencyOwned);
    const collections = uow.getCollectionUpdates().filter((c) => c.owner instanceof AgencyOwned);
    if (changeSets.length === 0 && collections.length === 0) return;
    const agencyId = params?.agencyId;
    if (!agencyId) throw new AgencyScopeError('Writing agency-owned records needs an agency-scoped EntityManager');
    const references = new ReferenceCheck(agencyId);
    for (const cs of changeSets) {
      references.owner(cs.entity as AgencyOwned, cs.meta.className);
      for (const prop of cs.meta.relations) {
        if (prop.name === 'agency' || (prop.kind !== 'm:1' && prop.kind !== '1:1')) continue;
        // An update is checked on the relations it changes.
        if (cs.type === ChangeSetType.UPDATE && !(prop.name in cs.payload)) continue;
        const target = (cs.entity as Record<string, unknown>)[prop.name];
        references.target(target, `${cs.meta.className}.${prop.name}`);
      }
    }
    for (const collection of collections) {
      const label = `${collection.owner.constructor.name}.${collection.property.name}`;
      references.owner(collection.owner as AgencyOwned, label);
      for (const item of collection.getItems(false)) references.target(item, label);
    }
    await references.verify(em);
  }
}

/** Collects the rows a flush points at; those not in memory are checked in one statement per table. */
class ReferenceCheck {
  private readonly unloaded = new Map<EntityClass<AgencyOwned>, Set<string>>();

  constructor(private readonly agencyId: string) {}

  owner(entity: AgencyOwned, label: string): void {
    if (idOf(entity.agency) !== this.agencyId) {
      throw new AgencyScopeError(`${label} ${entity.id} does not belong to the viewer's agency`);
    }
  }

  target(target: unknown, label: string): void {
    if (!(target instanceof AgencyOwned)) return;
    const targetAgency = idOf(target.agency);
    if (targetAgency === undefined) {
      const type = target.constructor as EntityClass<AgencyOwned>;
      if (!this.unloaded.has(type)) this.unloaded.set(type, new Set());
      this.unloaded.get(type)!.add(target.id);
    } else if (targetAgency !== this.agencyId) {
      throw new AgencyScopeError(`${label} refers to another agency's record`);
    }
  }

  async verify(em: EntityManager): Promise<void> {
    for (const [type, ids] of this.unloaded) {
      const table = em.getMetadata().get(type).tableName;
      const rows = await agencyQuery<{ n: string }>(
        em as SqlEntityManager,
        sql`select count(*) as n from ${trusted(`"${table}"`)} where agency_id = ${this.agencyId} and id in (${list([...ids])})`,
      );
      if (Number(rows[0]?.n) !== ids.size) {
        throw new AgencyScopeError(`A reference to ${table} does not exist in the viewer's agency`);
      }
    }
  }
}
