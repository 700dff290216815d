import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Agency } from '../../modules/agency/agency.entity.js';
import { hashPassword } from '../../modules/auth/password.js';
import { crossAgencyQuery, joinSql, sql, trusted } from '../../shared/sql.js';
import { crossAgencyEm } from '../agency-scope.js';
import { DEMO_PASSWORD, seedAgencies } from './agencies.js';
import { seedCompanies } from './companies.js';
import { seedDeals } from './deals.js';
import { seedFollowUps } from './follow-ups.js';
import { seedMeetings } from './meetings.js';
import { seedMissions } from './missions.js';

export interface DemoSeedResult {
  seeded: boolean;
  /** Rows created, by table (entities and link tables). */
  counts?: Record<string, number>;
}

/**
 * Loads the demo data (scenario.json beside this file, and illustration generated around it)
 * into an empty database, in one transaction. Does nothing when any agency exists.
 * Deterministic: the same rows, names and dates on every run (only ids and hashes differ).
 */
export async function seedDemo(orm: MikroORM): Promise<DemoSeedResult> {
  const em = crossAgencyEm(orm.em);
  if ((await em.count(Agency, {})) > 0) return { seeded: false };
  // One hash for the five demo users: argon2 is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return em.transactional(async (tx) => {
    // Two servers starting on one empty database: the second waits, then finds the agencies.
    await crossAgencyQuery(
      tx,
      sql`select pg_advisory_xact_lock(hashtext('crm-demo-seed'))`,
      'the demo seed loads every agency, once, whichever server starts first',
    );
    if ((await tx.count(Agency, {})) > 0) return { seeded: false };
    const world = seedAgencies(tx, passwordHash);
    seedCompanies(world);
    seedMissions(world);
    seedMeetings(world);
    const deals = seedDeals(world);
    seedFollowUps(world, deals);
    await tx.flush();
    return { seeded: true, counts: await countRows(tx) };
  });
}

/** Every table was empty before (each row belongs to an agency): its row count is what was created. */
async function countRows(em: EntityManager): Promise<Record<string, number>> {
  const tables = [...em.getMetadata().getAll().values()]
    .filter((meta) => !meta.abstract && !meta.embeddable && !meta.virtual && meta.tableName)
    .map((meta) => meta.tableName)
    .filter((table, index, all) => all.indexOf(table) === index && table !== 'mikro_orm_migrations')
    .sort();
  const rows = await crossAgencyQuery<{ table_name: string; n: string }>(
    em,
    joinSql(
      tables.map((table) => sql`select ${table} as table_name, count(*) as n from ${trusted(`"${table}"`)}`),
      ' union all ',
    ),
    'the demo seed counts the rows it created, in every agency',
  );
  return Object.fromEntries(
    rows.sort((a, b) => a.table_name.localeCompare(b.table_name)).map((row) => [row.table_name, Number(row.n)]),
  );
}
