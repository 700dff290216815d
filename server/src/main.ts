import 'reflect-metadata';
import cluster from 'node:cluster';
import { loadConfig } from './config.js';
import { exitIfLocked } from './db/data-dir-lock.js';
import { migrate, openDatabase } from './db/database.js';
import { type EmbeddedMaintenance, maintainEmbedded } from './db/embedded-maintenance.js';
import { seedDemo } from './db/seed/demo-seed.js';
import { createApp } from './http/app.js';
import { superviseWorkers } from './http/workers.js';
import { createLogger } from './log/logger.js';

const started = Date.now();
const config = loadConfig();
// JSON lines on stdout (docs/api.md, "Logs"): pipe them into `pino-pretty` to read them by eye.
const logger = createLogger({ level: config.logLevel });

/** Migrations and the demo data, once, before anyone is served (under locks: db/database.ts, db/seed). */
async function prepareDatabase() {
  let db = await openDatabase(config).catch(exitIfLocked);
  const applied = await migrate(db.orm);
  if (applied.length > 0) logger.info({ migrations: applied }, `Applied migrations: ${applied.join(', ')}`);
  let seeded = false;
  if (config.seedDemo) {
    seeded = (await seedDemo(db.orm)).seeded;
    // No password in a log line: the README gives the demo sign-in.
    if (seeded) logger.info('Loaded the demo data (demo accounts and their password: see README, "The two commands").');
  }
  if (db.embedded && (seeded || applied.length > 0)) {
    // Migrating and loading grow the embedded PostgreSQL's WebAssembly memory, which it never gives
    // back (the first start held 735 MB, a restart 335 MB: docs/bench.md): it serves from a new thread.
    await db.close();
    db = await openDatabase(config).catch(exitIfLocked);
  }
  return db;
}

/** One server process: the database, the app, its port (shared with its siblings under CRM_WORKERS). */
async function serve(db: Awaited<ReturnType<typeof openDatabase>>) {
  // No autovacuum in the embedded database: the server vacuums and analyzes it (db/embedded-maintenance.ts).
  let maintenance: EmbeddedMaintenance | undefined;
  if (db.embedded) {
    maintenance = maintainEmbedded(db.orm, logger);
    void maintenance.run();
  }
  const app = await createApp(config, db, logger);
  const url = await app.listen(config.port, config.host);
  logger.info(
    { url, readyMs: Date.now() - started },
    `Export CRM serving on ${url} (GraphiQL at ${url}/graphiql) with ${db.embedded ? `the embedded database in ${config.dataDir}` : 'PostgreSQL at DATABASE_URL'}; ready in ${Date.now() - started} ms`,
  );
  let stopping = false;
  async function stop(signal: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${signal}: closing`);
    maintenance?.stop();
    await app.close();
    await db.close();
    process.exit(0);
  }
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

let workers = config.workers;
if (workers > 1 && !config.databaseUrl) {
  logger.warn(
    { workers },
    `CRM_WORKERS=${workers} needs DATABASE_URL: the embedded database is one session held by one process (its folder is locked to it), so this server runs as one process. Set DATABASE_URL to run several.`,
  );
  workers = 1;
}
if (workers === 1) {
  await serve(await prepareDatabase());
} else if (cluster.isPrimary) {
  // The primary migrates and seeds once, then runs the workers, which serve (docs/deploy.md).
  const db = await prepareDatabase();
  await db.close();
  superviseWorkers(workers, logger);
} else {
  await serve(await openDatabase(config));
}
