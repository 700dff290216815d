import 'reflect-metadata';
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
 */
const config = { ...loadConfig(), production: true, seedDemo: false, logLevel: 'warn' as const };
const db = await openDatabase(config);
const app = await createApp(config, db, createLogger({ level: config.logLevel }));
announceListening(await app.listen(0, '127.0.0.1'));
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => db.close())
    .then(() => process.exit(0));
});
