import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, newId } from '../../shared/ids.js';
import { msg } from '../../shared/messages/index.js';
import { refuse } from '../../shared/mutation.js';
import { agencyQuery, sql, trusted } from '../../shared/sql.js';
import { UserErrorCode } from '../../shared/user-error.js';
import { readTable, type Table, UnreadableFileError } from './read-file.js';

/** Uploaded files are kept this long: time to map, preview and apply, on any server process. */
export const FILE_TTL_MS = 24 * 60 * 60 * 1000;

export interface StoredFile {
  id: string;
  fileName: string;
  fileSize: number;
  sha256: string;
  createdAt: Date;
}

/**
 * Parsed tables of the last few files, by id: a preview after each mapping or decision change
 * does not parse the file again. Bounded (a handful of files at most), and only a cache: any
 * process reads the file from the database when it is not there.
 */
const parsed = new Map<string, Table>();
const CACHED_FILES = 4;

function remember(id: string, table: Table): void {
  parsed.delete(id);
  parsed.set(id, table);
  while (parsed.size > CACHED_FILES) parsed.delete(parsed.keys().next().value as string);
}

async function parse(bytes: Buffer): Promise<Table> {
  let table: Table;
  try {
    table = await readTable(bytes);
  } catch (error) {
    // Whatever the parsers choke on (not a zip, broken quotes, an encrypted workbook) is unreadable.
    const empty = error instanceof UnreadableFileError && error.message === 'empty';
    return refuse(UserErrorCode.INVALID, msg(empty ? 'importFileEmpty' : 'importFileUnreadable'), ['file']);
  }
  if (table.rows.length === 0) return refuse(UserErrorCode.INVALID, msg('importFileEmpty'), ['file']);
  return table;
}

/** Reads the file (refusing what is not a table), then keeps it for a day. */
export async function storeFile(
  em: EntityManager,
  viewer: { agencyId: string; userId: string },
  fileName: string,
  bytes: Buffer,
): Promise<StoredFile & { table: Table }> {
  const table = await parse(bytes);
  const file: StoredFile = {
    id: newId(),
    fileName: fileName.slice(0, 300) || 'import',
    fileSize: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    createdAt: new Date(),
  };
  await agencyQuery(em, sql`delete from import_file where agency_id = ${viewer.agencyId} and expires_at < now()`);
  const expiresAt = new Date(file.createdAt.getTime() + FILE_TTL_MS);
  await agencyQuery(
    em,
    sql`insert into import_file (id, agency_id, created_by_id, file_name, file_size, sha256, content, created_at,
       updated_at, expires_at)
     values (${file.id}, ${viewer.agencyId}, ${viewer.userId}, ${file.fileName}, ${file.fileSize}, ${file.sha256},
       ${bytes}, ${file.createdAt}, ${file.createdAt}, ${expiresAt})`,
  );
  remember(file.id, table);
  return { ...file, table };
}

/** A file of the viewer's agency that has not expired, parsed; refused as NOT_FOUND otherwise. */
export async function loadFile(
  em: EntityManager,
  agencyId: string,
  id: string,
  field: string[] = ['input', 'fileId'],
): Promise<StoredFile & { table: Table }> {
  const notFound = () => refuse(UserErrorCode.NOT_FOUND, msg('importFileNotFound'), field);
  if (!isUuid(id)) return notFound();
  const cached = parsed.get(id);
  const rows = await agencyQuery<{
    id: string;
    file_name: string;
    file_size: number;
    sha256: string;
    created_at: Date;
    content?: Buffer;
  }>(
    em,
    sql`select id, file_name, file_size, sha256, created_at${trusted(cached ? '' : ', content')}
     from import_file where agency_id = ${agencyId} and id = ${id} and expires_at > now()`,
  );
  const row = rows[0];
  if (!row) return notFound();
  const table = cached ?? (await parse(row.content!));
  remember(id, table);
  return {
    id: row.id,
    fileName: row.file_name,
    fileSize: row.file_size,
    sha256: row.sha256,
    createdAt: new Date(row.created_at),
    table,
  };
}
