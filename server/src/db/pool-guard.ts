import type { Pool, PoolClient } from 'pg';

/**
 * Gives back to the pool the connections that died while checked out.
 *
 * The ORM runs transactions through Kysely's controlled transactions, which release their
 * connection only after a COMMIT or ROLLBACK that succeeded. When the database goes away in
 * the middle of a transaction both fail, and the dead connection stays checked out forever:
 * each outage shrinks the pool until every request waits for a connection that never comes,
 * and closing the pool (shutdown) hangs. So when a checked-out connection ends, it is released
 * with an error (the pool drops it and opens a new one when needed); a later release by its
 * holder does nothing.
 */
export function releaseDeadConnections(pool: Pool): void {
  const checkedOut = new Set<PoolClient>();
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (_error, client) => checkedOut.delete(client));
  pool.on('remove', (client) => checkedOut.delete(client as PoolClient));
  pool.on('connect', (client) => {
    client.once('end', () => {
      const holder = client as PoolClient;
      if (!checkedOut.has(holder)) return;
      const release = holder.release;
      holder.release = () => {};
      release(new Error('The database connection ended while in use'));
    });
  });
}
