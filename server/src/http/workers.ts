import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../log/logger.js';

/** A worker that dies sooner than this after its start is restarted only after a pause. */
const QUICK_DEATH_MS = 5_000;
const RESTART_PAUSE_MS = 1_000;

/**
 * CRM_WORKERS=N (issue 15): the primary process runs N workers on one port (Node's cluster
 * module hands each new connection to the next worker). Each worker is a whole server with its own
 * pool; everything that is state lives in PostgreSQL (sessions, the sign-in throttle, the token
 * budgets), so any worker answers any request. A worker that dies is replaced (after a pause when
 * it died within seconds of starting, so that a broken start does not spin); SIGINT or SIGTERM
 * stops them all, each closing its connections first, then the primary.
 */
export function superviseWorkers(count: number, logger: Logger): void {
  let stopping = false;
  const startedAt = new Map<number, number>();
  const start = () => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
  };
  cluster.on('exit', (worker: Worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        logger.info('Every server process stopped');
        process.exit(0);
      }
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'A server process stopped unexpectedly: starting another');
    setTimeout(start, lived < QUICK_DEATH_MS ? RESTART_PAUSE_MS : 0);
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${signal}: stopping ${count} server processes`);
    const running = Object.values(cluster.workers ?? {});
    if (running.length === 0) process.exit(0);
    for (const worker of running) worker?.process.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  logger.info({ workers: count }, `Starting ${count} server processes on one port`);
  for (let i = 0; i < count; i++) start();
}
