import { createHash } from 'node:crypto';
import type { Connection } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Sql } from './sql.js';

/**
 * Statements run often with other values (the compiled reads: the same text for every id, page
 * and agency) as PostgreSQL prepared statements: `PREPARE` once per connection, then `EXECUTE`
 * with the values. A compiled page is a large statement (the mission page's: 22 KB of SQL) that
 * PostgreSQL took 3-4 ms to *plan* for 3 ms of running it (issue 14); prepared, it plans it on
 * the first executions of a connection and keeps a generic plan when that is as cheap.
 *
 * MikroORM sends every statement with its values inlined, so this runs on a connection of its
 * pool taken for both steps (Kysely's executor), remembers what each connection has prepared,
 * logs as MikroORM logs (the `onQuery` hook and the query logger see the statement once), and
 * converts errors as MikroORM does. A statement
 * PostgreSQL will not prepare (a value whose type it cannot tell) runs as any other, and so does
 * everything once MAX_PREPARED texts are prepared (each costs memory on every connection).
 */
const MAX_PREPARED = 200;
const prepared = new Set<string>();
const refused = new Set<string>();
/** What this process prepared and ran prepared (for the tests and the bench). */
const stats = { prepares: 0, executions: 0 };

export function preparedStats(): { prepared: number; refused: number; prepares: number; executions: number } {
  return { prepared: prepared.size, refused: refused.size, ...stats };
}

/** The statements prepared on each connection (Kysely keeps one connection object per pool connection). */
const preparedOn = new WeakMap<object, Set<string>>();

/** `?` placeholders as `$1, $2, …` (`\?` stays a question mark); undefined when `??` (an identifier) is there. */
function numbered(text: string): string | undefined {
  let n = 0;
  let out = '';
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '\\' && text[at + 1] === '?') {
      out += '?';
      at++;
    } else if (char === '?') {
      if (text[at + 1] === '?') return undefined;
      out += `$${++n}`;
    } else {
      out += char;
    }
  }
  return out;
}

/** The name and `$n` text of each statement text seen (a page's text is 20 KB: hashed and scanned once). */
const textNames = new Map<string, { name: string; text: string | undefined }>();

function nameOf(statement: string): { name: string; text: string | undefined } {
  let known = textNames.get(statement);
  if (!known) {
    known = {
      name: `crm_${createHash('sha1').update(statement).digest('hex').slice(0, 24)}`,
      text: numbered(statement),
    };
    // Texts beyond the prepared ones run as usual: the map stays as small as the set.
    if (textNames.size >= 2 * MAX_PREPARED) textNames.clear();
    textNames.set(statement, known);
  }
  return known;
}

interface Logging {
  config: { get(key: 'onQuery'): (sql: string, params: readonly unknown[]) => string };
  logQuery(sql: string, context?: Record<string, unknown>): void;
}

/**
 * The rows of `statement` run as a prepared statement, or undefined when it is not one to prepare
 * (the caller runs it as usual): inside a transaction (its own connection), over the cap, refused.
 */
export async function runPrepared<T>(
  em: EntityManager,
  statement: Sql,
  connection: Connection = em.getConnection(),
): Promise<T[] | undefined> {
  if (em.getTransactionContext()) return undefined;
  const { name, text } = nameOf(statement.text);
  if (refused.has(name) || (!prepared.has(name) && prepared.size >= MAX_PREPARED)) return undefined;
  if (text === undefined) return undefined;
  const platform = em.getPlatform();
  const values = statement.params.length
    ? `(${platform.formatQuery(statement.params.map(() => '?').join(', '), [...statement.params])})`
    : '';
  const execute = `execute ${name}${values}`;
  const logging = connection as unknown as Logging;
  const hooked = logging.config.get('onQuery')(statement.text, statement.params);
  // A hook that rewrites the statement (the bench's read-only plans step): its text runs, not prepared.
  const rewritten = hooked === statement.text ? undefined : platform.formatQuery(hooked, [...statement.params]);
  const client = (connection as unknown as { getClient(): Kysely<unknown> }).getClient();
  const started = Date.now();
  try {
    const result = await client.getExecutor().provideConnection(async (db) => {
      if (rewritten !== undefined) return db.executeQuery<T>(CompiledQuery.raw(rewritten));
      const names = preparedOn.get(db) ?? new Set<string>();
      preparedOn.set(db, names);
      if (!names.has(name)) {
        try {
          await db.executeQuery(CompiledQuery.raw(`prepare ${name} as ${text}`));
        } catch (error) {
          // 42P05: prepared already (a set lost with its connection object); else refused: a
          // value whose type PostgreSQL cannot tell (42P18) or any other reason: run as usual,
          // where the statement's own error, if it has one, is answered as always.
          if ((error as { code?: string }).code !== '42P05') {
            refused.add(name);
            return undefined;
          }
        }
        names.add(name);
        prepared.add(name);
        stats.prepares++;
      }
      stats.executions++;
      return db.executeQuery<T>(CompiledQuery.raw(execute));
    });
    logging.logQuery(statement.text, { took: Date.now() - started, results: result?.rows.length });
    return result?.rows;
  } catch (error) {
    logging.logQuery(statement.text, { took: Date.now() - started, level: 'error' });
    throw em.getDriver().convertException(error as Error);
  }
}
