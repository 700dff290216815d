import { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { type EmbeddedDatabase, startEmbedded } from './embedded.js';
import { ormConfig } from './orm-config.js';

export interface Database {
  orm: MikroORM;
  /** The URL the ORM connects to (the embedded one's Unix socket, or DATABASE_URL). */
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Start the embedded database from this dump instead of the data folder (tests). */
  loadDataDir?: Blob;
  inMemory?: boolean;
  onQuery?: (sql: string) => void;
  onStatement?: (sql: string, params: readonly unknown[]) => void;
}

/** Opens the configured database: DATABASE_URL when set, otherwise embedded PGlite. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'logSql'> &
    Partial<Pick<Config, 'dbAcquireTimeoutMs' | 'statementTimeoutMs' | 'analytics' | 'replicaUrls'>>,
  options: OpenOptions = {},
): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbedded({
      dataDir: options.inMemory || options.loadDataDir ? undefined : config.dataDir,
      loadDataDir: options.loadDataDir,
    });
    url = embedded.url;
  }
  try {
    const orm = await MikroORM.init(
      ormConfig({
        url,
        singleConnection: Boolean(embedded),
        logSql: config.logSql,
        onQuery: options.onQuery,
        onStatement: options.onStatement,
        acquireTimeoutMs: config.dbAcquireTimeoutMs,
        statementTimeoutMs: config.statementTimeoutMs,
        analyticsTimeoutMs: config.analytics?.timeoutMs,
        replicaUrls: embedded ? [] : config.replicaUrls,
        stream: embedded?.connect,
      }),
    );
    return databaseOf(orm, url, embedded);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** The advisory lock migrations hold (any number: the database's only use of this one). */
export const MIGRATION_LOCK = 1_540_015;

/**
 * Applies every pending migration; returns the names applied. In one transaction that first takes
 * the migration lock: servers started together on one database (several processes, several
 * machines) wait for the first, then find nothing left to apply. A migration may run longer than a
 * request's statement timeout (an index on a big table): the transaction has none. The embedded
 * database is one process's, on one connection (which the migrator's own statements need).
 */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const connection = orm.em.getConnection();
  if ((orm.config.get('pool') as { max?: number } | undefined)?.max === 1) {
    return (await orm.migrator.up()).map((migration) => migration.name);
  }
  const applied = await connection.transactional(async (transaction) => {
    await connection.execute('set local statement_timeout = 0', [], 'run', transaction);
    await connection.execute(`select pg_advisory_xact_lock(${MIGRATION_LOCK})`, [], 'run', transaction);
    return orm.migrator.up({ transaction });
  });
  return applied.map((migration) => migration.name);
}

/** A Database of an initialised ORM (and the embedded server under it, stopped after it on close). */
export function databaseOf(
  orm: Database['orm'],
  url: string,
  embedded: { stop(): Promise<void> } | undefined,
): Database {
  return {
    orm,
    url,
    embedded: Boolean(embedded),
    async close() {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}
