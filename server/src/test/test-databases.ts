import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * Test databases. Each test file gets its own database, copied from a template that global
 * setup migrated (and seeded with the demo data) once:
 * - real PostgreSQL (TEST_DATABASE_URL or DATABASE_URL): `create database … template …`;
 * - embedded PGlite: a dump of the data folder, loaded into a fresh in-memory PGlite.
 */
export type TemplateKind = 'demo' | 'empty';

export function serverUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/** Per test run: two runs on the same server (two developers, two CI jobs) never drop each other's templates. */
export function templateName(kind: TemplateKind): string {
  const run = (process.env.CRM_TEST_RUN_ID ?? 'local')
    .replace(/[^a-zA-Z0-9]/g, '')
    .slice(0, 16)
    .toLowerCase();
  return `crm_test_template_${kind}_${run}`;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const dumpDir = join(tmpdir(), 'crm-test-dumps');

export function dumpPath(kind: TemplateKind): string {
  return join(dumpDir, `${process.env.CRM_TEST_RUN_ID ?? 'local'}-${kind}.tar`);
}

export async function saveDump(kind: TemplateKind, blob: Blob): Promise<void> {
  mkdirSync(dumpDir, { recursive: true });
  writeFileSync(dumpPath(kind), Buffer.from(await blob.arrayBuffer()));
}

export function loadDump(kind: TemplateKind): Blob {
  return new Blob([readFileSync(dumpPath(kind))]);
}
