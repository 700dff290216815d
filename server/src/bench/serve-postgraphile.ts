import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { announceListening, LOAD_POOL_SIZE } from './load-child.js';

/**
 * `pnpm bench:load`'s PostGraphile 5: the amber preset over the throwaway database's `public`
 * schema (DATABASE_URL), served by node:http like the other two, with the same pool size.
 *
 * PgIndexBehaviorsPlugin is turned off: by default PostGraphile offers ordering by a column, or a
 * list of referencing rows, only when an index starts with it, and the pages order by columns
 * such as `deal.updated_at`. Without it the same orders can be asked for; which indexes the
 * database uses does not change.
 */
const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error('serve-postgraphile needs DATABASE_URL (the throwaway database).');

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ connectionString, schemas: ['public'], poolConfig: { max: LOAD_POOL_SIZE } })],
  grafserv: { graphqlPath: '/graphql', watch: false },
  grafast: { explain: false },
});
const server = createServer();
pgl.createServ(grafserv).addTo(server);
server.listen(0, '127.0.0.1', () => announceListening(server));
process.on('SIGTERM', () => {
  server.close();
  void Promise.resolve(pgl.release()).then(() => process.exit(0));
});
