import 'reflect-metadata';
import cluster from 'node:cluster';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { createApp } from '../http/app.js';
import { createLogger } from '../log/logger.js';
import { announceListening } from './load-child.js';

/**
 * `pnpm bench:load`'s run of this server: what main.ts starts (configuration from the
 * environment, the real HTTP app in production mode), on the throwaway database the bench already
 * migrated and filled (DATABASE_URL, or the PGlite folder in CRM_DATA_DIR), on a free port, logging
 * warnings and errors only (the other two servers log nothing per request either).
 * BENCH_OURS_WORKERS=2 runs it as CRM_WORKERS=2 does (http/workers.ts): a primary and two worker
 * processes sharing one port, each with its own pool.
 */
const workers = Number(process.env.BENCH_OURS_WORKERS || 1);

if (workers > 1 && cluster.isPrimary) {
  let announced = false;
  cluster.on('listening', (_worker, address) => {
    if (announced) return;
    announced = true;
    announceListening(`http://127.0.0.1:${address.port}`);
  });
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  });
} else {
  const config = { ...loadConfig(), production: true, seedDemo: false, logLevel: 'warn' as const };
  const db = await openDatabase(config);
  const app = await createApp(config, db, createLogger({ level: config.logLevel }));
  // In a cluster, listen(0) gives every worker the same port; the primary announces it.
  const url = await app.listen(0, '127.0.0.1');
  if (cluster.isPrimary) announceListening(url);
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0));
  });
}
