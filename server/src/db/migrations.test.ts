import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../config.js';
import { adminQuery, serverUrl, withDatabase } from '../test/test-databases.js';
import { type Database, migrate, openDatabase } from './database.js';

let db: Database;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const url = serverUrl();
  if (url) {
    const name = `crm_test_migrate_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await adminQuery(url, `create database ${name}`);
    db = await openDatabase({ databaseUrl: withDatabase(url, name), dataDir: '', logSql: false });
    drop = () => adminQuery(url, `drop database if exists ${name} with (force)`);
  } else {
    db = await openDatabase({ databaseUrl: undefined, dataDir: '', logSql: false }, { inMemory: true });
  }
});
afterAll(async () => {
  await db?.close();
  await drop?.();
});

describe('migrations', () => {
  it('migrate an empty database with every committed migration, in order', async () => {
    const files = readdirSync(resolve(repoRoot, 'migrations'))
      .filter((file) => /^Migration\d+\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    expect(await migrate(db.orm)).toEqual(files);
    expect(await migrate(db.orm)).toEqual([]);
  });

  it('leave no difference between the database and the entities', async () => {
    const pending = await db.orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(pending.trim()).toBe('');
  });

  it('create the constraints a DBA expects', async () => {
    const rows = await db.orm.em
      .getConnection()
      .execute<{ conname: string }[]>(`select conname from pg_constraint where contype in ('c', 'u') order by conname`);
    const names = rows.map((row) => row.conname);
    expect(names).toEqual(
      expect.arrayContaining([
        'user_email_unique',
        'sector_agency_code_unique',
        'deal_amount_check',
        'mission_dates_check',
      ]),
    );
    // Live companies are unique by name and country; merged (archived) ones give their name back.
    const unique = await db.orm.em
      .getConnection()
      .execute<{ def: string }[]>(
        `select pg_get_indexdef(indexrelid) as def from pg_index where indrelid = 'company'::regclass and indisunique`,
      );
    expect(unique.map((row) => row.def)).toContain(
      'CREATE UNIQUE INDEX company_agency_normalized_name_country_unique ON public.company USING btree (agency_id, normalized_name, country) WHERE (merged_into_id IS NULL)',
    );
    const money = await db.orm.em
      .getConnection()
      .execute<{ data_type: string }[]>(
        `select data_type from information_schema.columns where table_name = 'deal' and column_name = 'amount'`,
      );
    expect(money[0].data_type).toBe('numeric');
  });
});

/**
 * Foreign key columns without an index make every delete of the referenced row scan the
 * referencing table, and every join from the parent a sequential scan. A key is covered when an
 * index starts with its columns (a composite index whose leading columns are the key covers it).
 */
const neverDeletedAgency =
  'references an agency: agencies are never deleted (no mutation or command removes one), and the table is read by a narrower key';
const keysThatNeedNoIndex: Record<string, string> = {
  'api_token.agency_id': `${neverDeletedAgency} (token hash, user)`,
  'mission.organizer_id': `${neverDeletedAgency}; no list filters missions by organizer`,
  'mission_participant.agency_id': `${neverDeletedAgency} (mission)`,
  'one_time_token.agency_id': `${neverDeletedAgency} (token hash, user)`,
  'pipeline_stage.agency_id': `${neverDeletedAgency} (pipeline)`,
  'session.agency_id': `${neverDeletedAgency} (token hash, user)`,
};

describe('foreign keys', () => {
  it('have an index that starts with their columns', async () => {
    const rows = await db.orm.em.getConnection().execute<{ key: string }[]>(
      `select c.conrelid::regclass::text || '.' || string_agg(a.attname, ',' order by k.ord) as key
         from pg_constraint c
         cross join lateral unnest(c.conkey) with ordinality as k(attnum, ord)
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
        where c.contype = 'f'
          and not exists (
            select 1 from pg_index i
             where i.indrelid = c.conrelid
               and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] = c.conkey
          )
        group by c.oid, c.conrelid
        order by 1`,
    );
    const unindexed = rows.map((row) => row.key).filter((key) => !(key in keysThatNeedNoIndex));
    expect(unindexed).toEqual([]);
  });
});
