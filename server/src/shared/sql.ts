import type { Connection } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AgencyScopeError, scopedAgencyId } from '../db/agency-scope.js';
import { onReadConnection } from '../db/read-replicas.js';
import type { Context } from '../graphql/context.js';
import { isUuid } from './ids.js';
import { runPrepared } from './prepared.js';

/**
 * Raw SQL, the one way: every statement the ORM cannot express is a `Sql` built with the `sql`
 * tag (every interpolated value becomes a bound parameter; an interpolated `Sql` is spliced in
 * with its own parameters: nothing a client sends is ever concatenated into a statement), and
 * runs with `agencyQuery`, which refuses a statement that does not bind the agency of the
 * EntityManager it runs on. The raw SQL of agency-crossing code (sign-in, sessions, the CLI,
 * seeds, the bench) names itself with `crossAgencyQuery` and a reason.
 */
export class Sql {
  constructor(
    readonly text: string,
    readonly params: readonly unknown[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0];
  const params: unknown[] = [];
  values.forEach((value, index) => {
    if (value instanceof Sql) {
      text += value.text;
      params.push(...value.params);
    } else {
      if (value === undefined) throw new Error('sql: undefined parameter');
      text += '?';
      params.push(value);
    }
    text += strings[index + 1];
  });
  return new Sql(text, params);
}

/** SQL written by us (column names, expressions chosen from an enum): never client input. */
export function trusted(text: string): Sql {
  return new Sql(text, []);
}

export function joinSql(parts: Sql[], separator: string): Sql {
  return new Sql(
    parts.map((part) => part.text).join(separator),
    parts.flatMap((part) => part.params),
  );
}

export const EMPTY = trusted('');

/** `?, ?, …`: one bound parameter per value (for `in (…)`; the list must not be empty). */
export function list(values: readonly unknown[]): Sql {
  return joinSql(
    values.map((value) => sql`${value}`),
    ', ',
  );
}

/** A query builder's statement (`qb.toQuery()` after `await qb.applyFilters()`: the agency filter binds the agency). */
export function built(query: { sql: string; params: readonly unknown[] }): Sql {
  return new Sql(query.sql, query.params);
}

export interface RunOptions {
  /**
   * Where the statement runs: `read`, a read that may lag (analytics): a replica, else the primary's
   * analytics pool (db/statement-timeout.ts); `replica`, a page read: a replica, else the main pool
   * (db/read-replicas.ts); the main pool otherwise.
   */
  connection?: 'read' | 'replica' | 'write';
  /** Run as a prepared statement (shared/prepared.ts): a statement whose text recurs with other values. */
  prepared?: boolean;
}

/**
 * Runs one raw statement of a request on the request's agency-scoped EntityManager. The
 * statement must bind that agency (as a parameter: `${agencyId}` in the tag, or the agency filter
 * of a query builder's statement, or the argument of `statement` given as a function of the
 * agency: `(agency) => sql\`… where agency_id = ${agency}\``); one that does not is refused before it runs, so a raw
 * statement that forgets the agency cannot be written. Checked on every call: it is a scan of
 * the parameters.
 */
export async function agencyQuery<T>(
  em: EntityManager,
  statement: Sql | ((agencyId: string) => Sql),
  options: RunOptions = {},
): Promise<T[]> {
  const agencyId = scopedAgencyId(em);
  if (!agencyId) throw new AgencyScopeError('Raw SQL of a request needs an agency-scoped EntityManager');
  if (typeof statement === 'function') return agencyQuery(em, statement(agencyId), options);
  if (!statement.params.includes(agencyId)) {
    throw new AgencyScopeError(`Raw SQL that does not bind the viewer's agency: ${statement.text.slice(0, 80)}`);
  }
  return run(em, statement, options);
}

/**
 * Runs a raw statement that crosses agencies on purpose; `reason` says why (it documents the
 * call site, e.g. "sign-in: the session is looked up by its token before anyone is known").
 */
export async function crossAgencyQuery<T>(
  em: EntityManager,
  statement: Sql,
  reason: string,
  options: RunOptions = {},
): Promise<T[]> {
  if (!reason) throw new Error('crossAgencyQuery needs a reason');
  return run(em, statement, options);
}

async function run<T>(em: EntityManager, statement: Sql, options: RunOptions): Promise<T[]> {
  const execute = async (connection: Connection): Promise<T[]> => {
    if (options.prepared) {
      const rows = await runPrepared<T>(em, statement, connection);
      if (rows) return rows;
    }
    return (
      connection
        .execute<T[]>(statement.text, [...statement.params], 'all', em.getTransactionContext())
        // As em.execute does: a constraint violation becomes the ORM's exception (runMutation answers it).
        .catch((error: Error) => {
          throw em.getDriver().convertException(error);
        }) as Promise<T[]>
    );
  };
  // Reads that may lag go to a replica when there is one (db/read-replicas.ts).
  // (Inside a transaction, its own connection: what it wrote is not on any replica yet.)
  if ((options.connection === 'read' || options.connection === 'replica') && !em.getTransactionContext()) {
    return onReadConnection(em, execute, options.connection === 'replica' ? 'main' : 'analytics');
  }
  return execute(em.getConnection(options.connection === 'read' ? 'read' : 'write'));
}

const SAVEPOINT_NAME = /^[a-z_]+$/;

/**
 * Runs `write` inside a savepoint of the current transaction: when it throws, the transaction is
 * rolled back to the savepoint (and stays usable: the caller may still read, e.g. to name the
 * row a unique constraint found) and the error is thrown again; released otherwise.
 */
export async function withSavepoint<T>(em: EntityManager, name: string, write: () => Promise<T>): Promise<T> {
  if (!SAVEPOINT_NAME.test(name)) throw new Error(`withSavepoint: bad name ${name}`);
  await run(em, trusted(`savepoint ${name}`), {});
  let result: T;
  try {
    result = await write();
  } catch (error) {
    // When the connection itself is gone the rollback fails too: the first error says why.
    await run(em, trusted(`rollback to savepoint ${name}`), {}).catch(() => undefined);
    throw error;
  }
  await run(em, trusted(`release savepoint ${name}`), {});
  return result;
}

/**
 * Runs `work` in a transaction whose statements stop after `ms` (SQLSTATE 57014, answered as
 * TIMEOUT: db/statement-timeout.ts): a tighter guard than the connection's own timeout, for
 * this transaction only. PGlite ignores it, as it ignores every statement timeout.
 */
export function withStatementTimeout<T>(
  em: EntityManager,
  ms: number,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`withStatementTimeout: bad timeout ${ms}`);
  return em.transactional(async (tx) => {
    await run(tx, sql`select set_config('statement_timeout', ${String(ms)}, true)`, {});
    return work(tx);
  });
}

/** The viewer's agency: the value every raw statement of a request binds. */
export function agencyOf(ctx: Context): string {
  const agencyId = ctx.viewer?.agencyId;
  if (!agencyId || !isUuid(agencyId)) throw new Error('Raw SQL of a request needs a signed-in viewer');
  return agencyId;
}
