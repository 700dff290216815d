import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { type Database, migrate, openDatabase } from '../db/database.js';

/**
 * A database that exists for one bench run and is gone after it, never one that holds data:
 * - by default an embedded PGlite in a fresh temporary folder, deleted at the end;
 * - with DATABASE_URL, a new database `crm_bench_…` created on that server (the URL's own
 *   database is only used to issue `create database` / `drop database`), dropped at the end.
 */
export interface ThrowawayDatabase {
  db: Database;
  /** Where it lives, for the report ("PGlite in /tmp/…", "PostgreSQL database crm_bench_… "). */
  description: string;
  /** Where another process finds it: the throwaway database's URL, or PGlite's folder (free after `close`). */
  location: { databaseUrl: string } | { dataDir: string };
  /** Closes this process's connections, keeping the database (for a server in another process). */
  close(): Promise<void>;
  /** Closes the connections (if still open) and deletes the database. */
  destroy(): Promise<void>;
}

/** Closes the database once, however many times it is asked. */
function closeOnce(db: Database): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= db.close();
    return closing;
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * `uncheckedForeignKeys` (PostgreSQL, when the URL's user may set it): this process's sessions
 * skip foreign key checks (`session_replication_role = replica`; the schema has no other
 * trigger) until `close`, for bulk generation whose references hold by construction; sessions
 * opened after `close` (the servers a bench starts) check them as always.
 */
export async function openThrowawayDatabase(
  serverUrl: string | undefined,
  onQuery: (sql: string) => void,
  options: { uncheckedForeignKeys?: boolean } = {},
): Promise<ThrowawayDatabase> {
  if (serverUrl) {
    const name = `crm_bench_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    await adminQuery(serverUrl, `create database ${name}`);
    const drop = () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    const unchecked =
      options.uncheckedForeignKeys === true &&
      (await adminQuery(serverUrl, `alter database ${name} set session_replication_role = replica`).then(
        () => true,
        () => false,
      ));
    let db: Database;
    try {
      db = await openDatabase({ databaseUrl: withDatabase(serverUrl, name), dataDir: '', logSql: false }, { onQuery });
      await migrate(db.orm);
    } catch (error) {
      await drop();
      throw error;
    }
    const host = new URL(serverUrl).host;
    const closeDb = closeOnce(db);
    const close = async () => {
      await closeDb();
      if (unchecked) await adminQuery(serverUrl, `alter database ${name} reset session_replication_role`);
    };
    return {
      db,
      description: `PostgreSQL at ${host}, throwaway database ${name}${unchecked ? ' (foreign keys unchecked while generating)' : ''}`,
      location: { databaseUrl: withDatabase(serverUrl, name) },
      close,
      async destroy() {
        try {
          await close();
        } finally {
          await drop();
        }
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-'));
  const remove = () => rmSync(dataDir, { recursive: true, force: true });
  let db: Database;
  try {
    db = await openDatabase({ databaseUrl: undefined, dataDir, logSql: false }, { onQuery });
    await migrate(db.orm);
  } catch (error) {
    remove();
    throw error;
  }
  const close = closeOnce(db);
  return {
    db,
    description: `embedded PGlite in ${dataDir} (deleted at the end)`,
    location: { dataDir },
    close,
    async destroy() {
      try {
        await close();
      } finally {
        remove();
      }
    },
  };
}
