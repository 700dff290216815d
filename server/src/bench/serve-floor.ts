import { createServer } from 'node:http';
import { Pool } from 'pg';
import { announceListening, LOAD_POOL_SIZE } from './load-child.js';

/**
 * `pnpm bench:load`'s floor: each page's data by one hand-written SQL statement over `pg`, behind
 * node:http so that it is measured like the two GraphQL servers (HTTP parsing, a pool of
 * LOAD_POOL_SIZE connections, the answer written out). `GET /page/<i>` runs statement i of
 * BENCH_FLOOR_PAGES (a JSON array of `{ sql, params }`, each selecting one row with the page as
 * JSON text in `page`) and answers that text as it is.
 */
interface FloorStatement {
  sql: string;
  params: unknown[];
}

const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error('serve-floor needs DATABASE_URL (the throwaway database).');
const statements = JSON.parse(process.env.BENCH_FLOOR_PAGES ?? '[]') as FloorStatement[];
const pool = new Pool({ connectionString, max: LOAD_POOL_SIZE });

const server = createServer((request, response) => {
  const statement = statements[Number(/^\/page\/(\d+)$/.exec(request.url ?? '')?.[1] ?? -1)];
  if (!statement) {
    response.writeHead(404).end();
    return;
  }
  pool.query<{ page: string }>(statement.sql, statement.params).then(
    (result) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(result.rows[0]?.page ?? 'null');
    },
    (error: Error) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(error.message);
    },
  );
});
server.listen(0, '127.0.0.1', () => announceListening(server));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
