import type { EntityName } from '@mikro-orm/core';
import { agencyOwnedEntities } from '../db/entities.js';
import type { TestServer } from './test-server.js';

type Statement = TestServer['boundStatements'][number];

/**
 * Statements that touch agency-owned tables without the agency, and why that is right: the
 * session look-up of sign-in (by the hash of the secret token, before anyone is known).
 */
const ALLOWED = [/from "?session"? .*token_hash/s, /update "?session"? set last_seen_at/s];

/** The tables of every agency-owned entity. */
export function agencyOwnedTables(server: TestServer): string[] {
  return (agencyOwnedEntities as readonly EntityName<object>[]).map(
    (entity) => server.db.orm.getMetadata().get(entity).tableName,
  );
}

/** The agency-owned tables a statement names. */
function ownedTables(statement: string, tables: string[]): string[] {
  return tables.filter((table) => new RegExp(`(from|join|into|update)\\s+"?${table}"?[\\s)]`, 'i').test(statement));
}

function bindsAgency(statement: Statement, agencyId: string): boolean {
  return statement.params.includes(agencyId) || statement.sql.includes(`'${agencyId}'`);
}

/**
 * What the server ran since `resetStatements()`, split for the agency check: `owned` are the
 * statements naming an agency-owned table, `unbound` those of them that do not bind `agencyId`
 * (and are not one of the documented exceptions). A test expects `owned` to be non-empty and
 * `unbound` to be empty.
 */
export function agencyBinding(server: TestServer, agencyId: string): { owned: Statement[]; unbound: string[] } {
  const tables = agencyOwnedTables(server);
  const owned = server.boundStatements.filter((statement) => ownedTables(statement.sql, tables).length > 0);
  const unbound = owned
    .filter((statement) => !bindsAgency(statement, agencyId) && !ALLOWED.some((allowed) => allowed.test(statement.sql)))
    .map((statement) => statement.sql);
  return { owned, unbound };
}
