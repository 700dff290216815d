import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../log/logger.js';
import { crossAgencyQuery, trusted } from '../shared/sql.js';

/** How often the embedded database is vacuumed and analyzed while the server runs. */
export const MAINTENANCE_EVERY_MS = 60 * 60 * 1000;

const WHY = 'maintenance: the embedded PostgreSQL has no autovacuum, the server vacuums and analyzes every table';

export interface EmbeddedMaintenance {
  /** One pass: `vacuum (analyze)` of the whole database, through the pool's one connection. */
  run(): Promise<void>;
  stop(): void;
}

/**
 * PGlite runs no autovacuum worker: left alone, the embedded database would keep every dead row
 * version and plan every query without statistics. On the demo data the companies page then read
 * each company's contacts through the agency's whole contact index (75 rows filtered per company)
 * instead of the company's own, and ran 40 % slower (docs/bench.md, "The embedded default"). So
 * the server does autovacuum's work: once when it starts, then every MAINTENANCE_EVERY_MS. It
 * goes through the pool like a request (PGlite is one session: it waits for the request in
 * flight, and never runs inside someone's transaction); PGlite applies no statement timeout.
 */
export function maintainEmbedded(orm: MikroORM, logger: Logger, everyMs = MAINTENANCE_EVERY_MS): EmbeddedMaintenance {
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= (async () => {
      const started = Date.now();
      try {
        await crossAgencyQuery(orm.em.fork(), trusted('vacuum (analyze)'), WHY);
        logger.debug({ ms: Date.now() - started }, 'Embedded database vacuumed and analyzed');
      } catch (error) {
        logger.warn({ err: error }, 'Embedded database maintenance failed; it runs again within the hour');
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return {
    run,
    stop: () => clearInterval(timer),
  };
}
