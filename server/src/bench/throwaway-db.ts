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

export async function openThrowawayDatabase(
  serverUrl: string | undefined,
  onQuery: (sql: string) => void,
): Promise<ThrowawayDatabase> {
  if (serverUrl) {
    const name = `crm_bench_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    await adminQuery(serverUrl, `create database ${name}`);
    const drop = () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    let db: Database;
    try {
      db = await openDatabase({ databaseUrl: withDatabase(serverUrl, name), dataDir: '', logSql: false }, { onQuery });
      await migrate(db.orm);
    } catch (error) {
      await drop();
      throw error;
    }
    const host = new URL(serverUrl).host;
    const close = closeOnce(db);
    return {
      db,
      description: `PostgreSQL at ${host}, throwaway database ${name}`,
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
