import { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { type EmbeddedDatabase, startEmbedded } from './embedded.js';
import { ormConfig } from './orm-config.js';

export interface Database {
  orm: MikroORM;
  /** The URL the ORM connects to (the embedded one's loopback socket, or DATABASE_URL). */
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
    Partial<Pick<Config, 'dbAcquireTimeoutMs' | 'statementTimeoutMs' | 'analytics'>>,
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
      }),
    );
    return databaseOf(orm, url, embedded);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  // A migration may run longer than a request's statement timeout (an index on a big table):
  // on PostgreSQL with a timeout, migrations run in a transaction without one.
  const driverOptions = orm.config.get('driverOptions') as { statement_timeout?: number } | undefined;
  const connection = orm.em.getConnection();
  const applied = driverOptions?.statement_timeout
    ? await connection.transactional(async (transaction) => {
        await connection.execute('set local statement_timeout = 0', [], 'run', transaction);
        return orm.migrator.up({ transaction });
      })
    : await orm.migrator.up();
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
