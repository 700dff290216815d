import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { SizeRememberingNodeFS } from './embedded-file-sizes.js';

/**
 * The embedded database remembers its files' sizes instead of asking the system on each seek
 * (embedded-file-sizes.ts). A size remembered wrong would make PostgreSQL miss rows or overwrite
 * pages: after every way a relation grows and shrinks, the size PostgreSQL sees is the file's.
 */
const dir = mkdtempSync(join(tmpdir(), 'crm-file-sizes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function open() {
  const fs = new SizeRememberingNodeFS(dir);
  const db = await PGlite.create({ fs });
  return { fs, db };
}

/**
 * The rows a sequential scan finds (it reads as many pages as the seek to the file's end says:
 * too few and rows go missing, too many and PostgreSQL reads past the end and fails) equal those
 * the primary key's index finds, and `n`.
 */
async function expectRows(db: PGlite, n: number) {
  const count = async (settings: string) => {
    await db.exec(settings);
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from note where id > 0');
    return rows[0].n;
  };
  const scanned = await count(
    'set enable_indexscan = off; set enable_bitmapscan = off; set enable_indexonlyscan = off',
  );
  const indexed = await count(
    'reset enable_indexscan; reset enable_bitmapscan; reset enable_indexonlyscan; set enable_seqscan = off',
  );
  await db.exec('reset enable_seqscan');
  expect({ scanned, indexed }).toEqual({ scanned: n, indexed: n });
}

describe('the embedded data folder with remembered file sizes', () => {
  it('scans each relation as far as its file, as it grows, shrinks and is rewritten, and keeps the rows', async () => {
    let { fs, db } = await open();
    expect(fs.remembering).toBe(true);
    await db.exec(`create table note (id int primary key, body text);
                   create index note_body_index on note (body);`);
    const fill = (from: number, to: number) =>
      db.exec(`insert into note select g, repeat(md5(g::text), 8) from generate_series(${from}, ${to}) g`);
    await fill(1, 3000);
    await expectRows(db, 3000); // sizes read and remembered
    await fill(3001, 9000);
    await expectRows(db, 9000);

    // vacuum truncates the emptied tail of the table (ftruncate)
    await db.exec('delete from note where id > 1000');
    await db.exec('vacuum note');
    await expectRows(db, 1000);
    await fill(1001, 5000);
    await expectRows(db, 5000);

    // a rewrite moves the table to new files; truncate empties them
    await db.exec('vacuum full note');
    await expectRows(db, 5000);
    await db.exec('truncate note');
    await expectRows(db, 0);
    await fill(1, 2000);
    await expectRows(db, 2000);
    await db.close();

    ({ fs, db } = await open());
    expect(fs.remembering).toBe(true);
    await fill(2001, 4000);
    await expectRows(db, 4000);
    const { rows } = await db.query<{ n: number; bodies: number }>(
      `select count(*)::int as n, count(distinct body)::int as bodies from note where body like repeat(md5(id::text), 8)`,
    );
    expect(rows[0]).toEqual({ n: 4000, bodies: 4000 });
    await db.close();
  });
});
