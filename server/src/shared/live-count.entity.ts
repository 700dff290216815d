import type { Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Agency } from '../modules/agency/agency.entity.js';

/**
 * How many live companies, contacts and deals each agency has, kept by PostgreSQL itself: the
 * triggers of migration 20261205001909 add each statement's inserted, deleted and merged rows to
 * one row of this table per agency and connection slot (`pg_backend_pid() % 16`), in the same
 * transaction, so a count read here is exactly what `count(*)` would see in the same snapshot.
 * Slots spread the writers: two connections only wait on each other when their slots meet, and a
 * transaction touches one row per agency, so these rows alone cannot deadlock. Read by
 * shared/live-count.ts; never written by the ORM.
 */
@Entity({ tableName: 'live_count' })
export class LiveCount {
  @ManyToOne(() => Agency, { primary: true, deleteRule: 'cascade' })
  agency!: Rel<Agency>;

  @PrimaryKey({ type: 'smallint' })
  slot!: number;

  @Property({ type: 'integer', default: 0 })
  companies!: number;

  @Property({ type: 'integer', default: 0 })
  contacts!: number;

  @Property({ type: 'integer', default: 0 })
  deals!: number;
}
