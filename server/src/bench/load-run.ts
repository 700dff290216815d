import 'reflect-metadata';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { repoRoot } from '../config.js';
import { pinned, TABLES } from './generate.js';
import { type ChildServer, serveFlags, startChildServer } from './load-child.js';
import { type LoadPage, loadPages, POSTGRAPHILE_FUNCTIONS } from './load-pages.js';
import { explainPages, type PagePlans } from './load-plans.js';
import type { BatchShape } from './scale.js';
import { login, openFilledDatabase } from './support.js';

/**
 * The concurrency bench (`pnpm bench:load`, issue 14): fills a throwaway database, then runs each
 * server in a process of its own and loads each page with autocannon at each number of concurrent
 * clients, one server at a time. Servers: this one (`ours`), PostGraphile 5 on the same database
 * (`postgraphile`) and the floor, each page by one hand-written SQL statement (`floor`); the last
 * two need PostgreSQL (DATABASE_URL): on the embedded PGlite only this server runs, since PGlite
 * takes one client, which is this server. Figures only: nothing here fails on a time.
 */

export type ServerKind = 'ours' | 'ours2' | 'ours-replica' | 'postgraphile' | 'floor';

export const SERVER_LABELS: Record<ServerKind, string> = {
  ours: 'this server',
  ours2: 'this server, 2 processes',
  'ours-replica': 'this server, reads on a replica',
  postgraphile: 'PostGraphile 5',
  floor: 'floor (1 SQL statement)',
};

export interface LoadOptions {
  /** A PostgreSQL server to create the throwaway database on; undefined: embedded PGlite. */
  databaseUrl: string | undefined;
  shape: BatchShape;
  /** Batches of `shape` to generate (10 makes 10×S). */
  batches: number;
  /** Concurrent clients, one measure per page, server and number. */
  connections: number[];
  /** Seconds per measure. */
  seconds: number;
  /** Seconds of load per page and server before its measures, not recorded. */
  warmupSeconds: number;
  /** Only these servers (default all that the database allows) and pages (names containing one of these). */
  only?: { servers?: ServerKind[]; pages?: string[] };
  /** Progress lines. */
  log: (line: string) => void;
  /** Leave the throwaway database in place at the end (its URL is logged), to measure it again by hand. */
  keepDatabase?: boolean;
  /** Also the query plans of each page (load-plans.ts), on PostgreSQL, before the load. */
  plans?: boolean;
  /**
   * A streaming replica of `databaseUrl`'s server (any database in the URL): server `ours-replica`
   * runs this server with DATABASE_REPLICA_URLS on it (issue 15), once it has replayed the data.
   */
  replicaUrl?: string;
}

export interface LoadCell {
  page: string;
  server: ServerKind;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Failed requests: connection errors, timeouts, non-2xx answers, GraphQL answers with `errors`. */
  errors: number;
  /** Highest resident memory of the server's process during the measure (bytes), when /proc tells. */
  rss: number | undefined;
}

export interface LoadResult {
  database: string;
  /** Rows per table after generating. */
  counts: Record<string, number>;
  generatedRows: number;
  generationMs: number;
  pages: string[];
  servers: ServerKind[];
  /** Servers left out, and why. */
  skipped: { server: ServerKind; reason: string }[];
  /** Each server's resident memory right after it started (bytes), when /proc tells. */
  idleRss: Partial<Record<ServerKind, number>>;
  /** Size of each page's answer per server (bytes), from the check before the load. */
  answerBytes: { page: string; server: ServerKind; bytes: number }[];
  cells: LoadCell[];
  /** The query plans of each page, when asked for and on PostgreSQL; else why not, when asked for. */
  plans?: PagePlans[] | { skipped: string };
}

const CHILD_SCRIPTS: Record<ServerKind, string> = {
  ours: 'serve-ours.js',
  // The same, as CRM_WORKERS=2 runs it (issue 15): two processes on one port (serve-ours.ts).
  ours2: 'serve-ours.js',
  'ours-replica': 'serve-ours.js',
  postgraphile: 'serve-postgraphile.js',
  floor: 'serve-floor.js',
};

/** This server, in one process or two, or reading a replica. */
const isOurs = (kind: ServerKind) => kind === 'ours' || kind === 'ours2' || kind === 'ours-replica';

/** The compiled child servers (the bench runs from dist; its test runs the sources and needs the build too). */
const childScript = (kind: ServerKind) => join(repoRoot, 'server/dist/server/src/bench', CHILD_SCRIPTS[kind]);

/** One HTTP request of a page to a server, as autocannon sends it. */
interface Target {
  path: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** False for an answer that failed although its status was 200 (GraphQL errors). */
  verify: (body: string) => boolean;
}

const GRAPHQL_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json, application/json',
};
const noErrors = (body: string) => !body.includes('"errors"');

function targetFor(kind: ServerKind, page: LoadPage, index: number, cookie: string | undefined): Target {
  if (kind === 'floor') return { path: `/page/${index}`, method: 'GET', headers: {}, verify: () => true };
  const request = isOurs(kind) ? page.ours : page.postgraphile;
  return {
    path: '/graphql',
    method: 'POST',
    headers: cookie ? { ...GRAPHQL_HEADERS, cookie } : GRAPHQL_HEADERS,
    body: JSON.stringify(request),
    verify: noErrors,
  };
}

/** One request, checked: a page that does not answer properly stops the bench before any load. */
async function check(url: string, target: Target, what: string): Promise<number> {
  const response = await fetch(url + target.path, {
    method: target.method,
    headers: target.headers,
    body: target.body,
  });
  const text = await response.text();
  const data = target.method === 'POST' ? (JSON.parse(text) as { data?: unknown }).data : JSON.parse(text);
  if (response.status !== 200 || !target.verify(text) || !data) {
    throw new Error(`${what}: HTTP ${response.status} ${text.slice(0, 2000)}`);
  }
  return Buffer.byteLength(text);
}

async function load(url: string, target: Target, connections: number, seconds: number) {
  return autocannon({
    url: url + target.path,
    method: target.method,
    headers: target.headers,
    body: target.body,
    connections,
    duration: seconds,
    verifyBody: (body) => target.verify(String(body ?? '')),
  });
}

/** Samples a child's RSS every 100 ms until stop(), which answers the highest seen. */
function watchRss(server: ChildServer) {
  let peak = server.rss();
  const timer = setInterval(() => {
    const now = server.rss();
    if (now !== undefined) peak = Math.max(peak ?? 0, now);
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

/** `server`'s URL naming the database of `database` (a URL too). */
function sameDatabase(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = new URL(database).pathname;
  return url.toString();
}

/** Waits until the replica has replayed the primary's current WAL position (at most 10 minutes). */
async function untilReplayed(primaryUrl: string, replicaUrl: string): Promise<void> {
  const one = async <T>(url: string, text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows[0] as T;
    } finally {
      await client.end();
    }
  };
  const { lsn } = await one<{ lsn: string }>(primaryUrl, 'select pg_current_wal_lsn()::text as lsn');
  const replica = sameDatabase(replicaUrl, 'postgres://x/postgres');
  for (let waited = 0; waited < 600_000; waited += 200) {
    const { replayed } = await one<{ replayed: boolean | null }>(
      replica,
      'select pg_last_wal_replay_lsn() >= $1::pg_lsn as replayed',
      [lsn],
    );
    if (replayed === null) throw new Error('BENCH_REPLICA_URL is not a replica (pg_last_wal_replay_lsn() is null)');
    if (replayed) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('The replica did not replay the generated data within 10 minutes');
}

export async function runLoadBench(options: LoadOptions): Promise<LoadResult> {
  const { log } = options;
  const { throwaway, world, generationMs } = await openFilledDatabase(
    options.databaseUrl,
    options.shape,
    options.batches,
    log,
  );
  try {
    const { db } = throwaway;
    const conn = db.orm.em.getConnection();
    const [row] = await conn.execute<Record<string, string>[]>(
      `select ${TABLES.map((t) => `(select count(*) from "${t}") as "${t}"`).join(', ')}`,
    );
    const counts = Object.fromEntries(TABLES.map((t) => [t, Number(row[t])]));

    const ids = pinned();
    const [mission] = await conn.execute<{ starts_on: string }[]>(
      `select to_char(starts_on, 'YYYY-MM-DD') as starts_on from mission where id = '${ids.missionId}'`,
    );
    const pages = loadPages({
      agencyId: world.agencyId,
      pipelineId: world.pipelineId,
      companyId: ids.companyId,
      missionId: ids.missionId,
      agendaDay: mission.starts_on,
    }).filter((page) => options.only?.pages?.some((part) => page.name.includes(part)) ?? true);

    const onPostgres = 'databaseUrl' in throwaway.location;
    const servers: ServerKind[] = [];
    const skipped: LoadResult['skipped'] = [];
    for (const server of ['ours', 'ours2', 'ours-replica', 'postgraphile', 'floor'] as const) {
      if (options.only?.servers && !options.only.servers.includes(server)) {
        skipped.push({ server, reason: 'left out (BENCH_SERVERS)' });
      } else if (server !== 'ours' && !onPostgres) {
        skipped.push({
          server,
          reason: 'needs PostgreSQL (DATABASE_URL): the embedded PGlite takes one client, this server',
        });
      } else if (server === 'ours-replica' && !options.replicaUrl) {
        skipped.push({ server, reason: 'needs a streaming replica of the server (BENCH_REPLICA_URL)' });
      } else {
        servers.push(server);
      }
    }
    if (onPostgres) await conn.execute(POSTGRAPHILE_FUNCTIONS);
    // The servers run in their own processes: PGlite's folder must be free, and the bench holds no connection.
    await throwaway.close();

    // Production mode for all (as `pnpm serve` runs this server): graphql-js and grafast skip their development checks.
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      GRAPHILE_ENV: 'production',
      ...('databaseUrl' in throwaway.location
        ? { DATABASE_URL: throwaway.location.databaseUrl }
        : { DATABASE_URL: '', CRM_DATA_DIR: throwaway.location.dataDir }),
    };
    const floorEnv = { BENCH_FLOOR_PAGES: JSON.stringify(pages.map((p) => p.floor)) };
    const envOf = (kind: ServerKind): Record<string, string> => {
      if (kind === 'floor') return { ...env, ...floorEnv };
      if (kind === 'ours2') return { ...env, BENCH_OURS_WORKERS: '2' };
      if (kind === 'ours-replica' && 'databaseUrl' in throwaway.location) {
        return { ...env, DATABASE_REPLICA_URLS: sameDatabase(options.replicaUrl!, throwaway.location.databaseUrl) };
      }
      return env;
    };
    if (servers.includes('ours-replica') && 'databaseUrl' in throwaway.location) {
      log('replica: waiting until it has replayed the generated data');
      await untilReplayed(throwaway.location.databaseUrl, options.replicaUrl!);
    }

    let plans: LoadResult['plans'];
    if (options.plans && 'databaseUrl' in throwaway.location) {
      log('plans: EXPLAIN (ANALYZE, BUFFERS) of each page');
      plans = await explainPages(throwaway.location.databaseUrl, pages);
    } else if (options.plans) {
      plans = { skipped: 'needs PostgreSQL (DATABASE_URL): the floor statements and the plans are read on PostgreSQL' };
    }

    const cells: LoadCell[] = [];
    const answerBytes: LoadResult['answerBytes'] = [];
    const idleRss: LoadResult['idleRss'] = {};
    for (const kind of servers) {
      // Ours with the Node flags `pnpm serve` runs it with (its heap cap).
      const server = await startChildServer(childScript(kind), envOf(kind), isOurs(kind) ? serveFlags() : []);
      try {
        log(`${SERVER_LABELS[kind]}: pid ${server.pid}, ${server.url}`);
        idleRss[kind] = server.rss();
        const cookie = isOurs(kind) ? await login(server.url) : undefined;
        for (const [index, page] of pages.entries()) {
          const target = targetFor(kind, page, index, cookie);
          answerBytes.push({
            page: page.name,
            server: kind,
            bytes: await check(server.url, target, `${kind} ${page.name}`),
          });
          // autocannon leaves the requests in flight at its end to the server, which still works
          // on them: one more request, answered after them, starts the next measure on an idle
          // server. Its failure (an overloaded server) is reported, the measures go on.
          const settle = () =>
            check(server.url, target, `${kind} ${page.name} after load`).catch((error: Error) =>
              log(`  ${error.message.slice(0, 300)}`),
            );
          if (options.warmupSeconds > 0) {
            await load(server.url, target, Math.max(...options.connections), options.warmupSeconds);
            await settle();
          }
          for (const connections of options.connections) {
            const rss = watchRss(server);
            const result = await load(server.url, target, connections, options.seconds);
            await settle();
            const cell: LoadCell = {
              page: page.name,
              server: kind,
              connections,
              requests: result.requests.total,
              requestsPerSecond: result.requests.total / (result.duration || options.seconds),
              p50: result.latency.p50,
              p99: result.latency.p99,
              errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
              rss: rss.stop(),
            };
            cells.push(cell);
            log(
              `  ${page.name}, ${connections} client(s): ${cell.requestsPerSecond.toFixed(1)} req/s, ` +
                `p50 ${cell.p50} ms, p99 ${cell.p99} ms, ${cell.errors} errors`,
            );
          }
        }
      } finally {
        await server.stop();
      }
    }
    return {
      database: throwaway.description,
      counts,
      generatedRows: Object.values(counts).reduce((a, b) => a + b, 0),
      generationMs,
      pages: pages.map((p) => p.name),
      servers,
      skipped,
      idleRss,
      answerBytes,
      cells,
      plans,
    };
  } finally {
    if (options.keepDatabase) {
      await throwaway.close();
      log(`kept: ${JSON.stringify(throwaway.location)}`);
    } else {
      await throwaway.destroy();
    }
  }
}
