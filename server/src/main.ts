import 'reflect-metadata';
import { loadConfig } from './config.js';
import { migrate, openDatabase } from './db/database.js';
import { seedDemo } from './db/seed/demo-seed.js';
import { createApp } from './http/app.js';

const started = Date.now();
const config = loadConfig();
const db = await openDatabase(config);
const applied = await migrate(db.orm);
if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);
if (config.seedDemo) {
  const result = await seedDemo(db.orm);
  if (result.seeded) console.log('Loaded the demo data (sign in as manager@mosprom.demo / demo-password).');
}
const app = await createApp(config, db);
const url = await app.listen(config.port, config.host);
console.log(
  `Export CRM serving on ${url} (GraphiQL at ${url}/graphiql) with ${db.embedded ? `the embedded database in ${config.dataDir}` : 'PostgreSQL at DATABASE_URL'}; ready in ${Date.now() - started} ms`,
);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing`);
  await app.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
