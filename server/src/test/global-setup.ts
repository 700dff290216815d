import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { migrate, openDatabase } from '../db/database.js';
import { dumpEmbedded } from '../db/embedded.js';
import { seedDemo } from '../db/seed/demo-seed.js';
import {
  adminQuery,
  dumpPath,
  saveDump,
  serverUrl,
  type TemplateKind,
  templateName,
  withDatabase,
} from './test-databases.js';

/** Builds the two templates (migrated; migrated + demo data) once per test run. */
export default async function setup(): Promise<() => Promise<void>> {
  process.env.CRM_TEST_RUN_ID ??= randomUUID();
  const url = serverUrl();
  for (const kind of ['empty', 'demo'] as TemplateKind[]) {
    if (url) {
      const name = templateName(kind);
      await adminQuery(url, `drop database if exists ${name}`);
      await adminQuery(url, `create database ${name}`);
      const db = await openDatabase({ databaseUrl: withDatabase(url, name), dataDir: '', logSql: false });
      await prepare(db.orm, kind);
      await db.close();
    } else {
      const dir = `${dumpPath(kind)}.dir`;
      rmSync(dir, { recursive: true, force: true });
      const db = await openDatabase({ databaseUrl: undefined, dataDir: dir, logSql: false });
      await prepare(db.orm, kind);
      await db.close();
      await saveDump(kind, await dumpEmbedded(dir));
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return async () => {
    for (const kind of ['empty', 'demo'] as TemplateKind[]) {
      if (url) await adminQuery(url, `drop database if exists ${templateName(kind)}`);
      else rmSync(dumpPath(kind), { force: true });
    }
  };
}

async function prepare(orm: Parameters<typeof migrate>[0], kind: TemplateKind): Promise<void> {
  await migrate(orm);
  if (kind === 'demo') await seedDemo(orm);
}
