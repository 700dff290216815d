import { resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import { DataloaderType } from '@mikro-orm/core';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { repoRoot } from '../config.js';
import { AGENCY_FILTER, agencyFilter } from './agency-scope.js';
import { AgencyWriteGuard } from './agency-write-guard.js';
import { entities } from './entities.js';
import { NOT_MERGED_FILTER, notMergedFilter } from './merged-filter.js';
import { releaseDeadConnections } from './pool-guard.js';
import { MAIN_POOL_SIZE, timeoutConfig } from './statement-timeout.js';

const runningFromSource = import.meta.url.endsWith('.ts');

export interface OrmOptions {
  url: string;
  /** The embedded database is one backend session: exactly one connection. */
  singleConnection: boolean;
  logSql?: boolean;
  /** Called with each SQL statement (statement counting in tests). */
  onQuery?: (sql: string) => void;
  /** Called with each SQL statement and its bound parameters, before it runs (tests: which values a statement binds). */
  onStatement?: (sql: string, params: readonly unknown[]) => void;
  /** Longest wait for a connection (a free one from the pool, or a new one), in ms; then SERVICE_UNAVAILABLE. */
  acquireTimeoutMs?: number;
  /** Longest statement, and longest analytics statement, in ms, on PostgreSQL (db/statement-timeout.ts). */
  statementTimeoutMs?: number;
  analyticsTimeoutMs?: number;
  /** Streaming replicas of `url`, where analytics read (db/read-replicas.ts). */
  replicaUrls?: string[];
  /** The embedded database's connections, over a MessagePort instead of `url`'s socket (db/embedded-channel.ts). */
  stream?: () => Duplex;
}

/** Default of CRM_DB_ACQUIRE_TIMEOUT_MS (config.ts). */
export const DEFAULT_ACQUIRE_TIMEOUT_MS = 10_000;

export function ormConfig(options: OrmOptions) {
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl: options.url,
    entities,
    metadataProvider: ReflectMetadataProvider,
    discovery: { checkDuplicateTableNames: true },
    preferTs: runningFromSource,
    extensions: [Migrator],
    filters: { [AGENCY_FILTER]: agencyFilter, [NOT_MERGED_FILTER]: notMergedFilter },
    dataloader: DataloaderType.ALL,
    // Every reference points inside its own agency (the write guard), so the agency filter need not join targets.
    autoJoinRefsForFilters: false,
    subscribers: [new AgencyWriteGuard()],
    pool: options.singleConnection ? { min: 0, max: 1 } : { min: 0, max: MAIN_POOL_SIZE },
    // `pg` Pool options: no request waits forever for a connection (the default is no limit), and
    // TCP keep-alive notices a server that vanished without closing its sockets.
    ...timeoutConfig(options, {
      ...(options.stream ? { stream: options.stream } : {}),
      connectionTimeoutMillis: options.acquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS,
      keepAlive: true,
      onPoolCreated: releaseDeadConnections,
    }),
    allowGlobalContext: false,
    forceUtcTimezone: true,
    serialization: { forceObject: true },
    debug: options.logSql || options.onQuery ? ['query'] : false,
    ...(options.onStatement ? { onQuery: statementHook(options.onStatement) } : {}),
    logger: (message: string) => {
      if (options.onQuery) options.onQuery(message);
      if (options.logSql) process.stderr.write(`${message}\n`);
    },
    colors: false,
    // The search functions (crm_fold…) and the live counts' triggers (shared/live-count.entity.ts)
    // are written by hand in their migrations.
    // The sign-in throttle's and the cost budget's unlogged tables are no entities (their migration).
    schemaGenerator: {
      ignoreRoutines: true,
      ignoreTriggers: true,
      skipTables: ['sign_in_attempt', 'sign_in_known_address', 'cost_bucket'],
    },
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: resolve(repoRoot, 'server/dist/migrations'),
      pathTs: resolve(repoRoot, 'migrations'),
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      snapshotOnMigrate: false,
      emit: 'ts',
    },
  });
}

/** MikroORM's `onQuery` hook, which sees each statement with its parameters: reports them, changes nothing. */
function statementHook(report: (sql: string, params: readonly unknown[]) => void) {
  return (sql: string, params: readonly unknown[]): string => {
    report(sql, params);
    return sql;
  };
}
