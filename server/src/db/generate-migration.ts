/**
 * `pnpm --filter @crm/server migration:create [--initial]`: diffs the entities against a
 * throwaway embedded database migrated to the latest committed migration, and writes the
 * difference as a new migration in migrations/.
 */
import { openDatabase } from './database.js';

const db = await openDatabase({ databaseUrl: undefined, dataDir: '', logSql: false }, { inMemory: true });
try {
  await db.orm.migrator.up();
  const result = await db.orm.migrator.create(undefined, false, process.argv.includes('--initial'));
  if (result.diff.up.length === 0) console.log('No schema changes: no migration written.');
  else console.log(`Wrote migrations/${result.fileName}`);
} finally {
  await db.close();
}
