import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Issue 13, "Raw SQL: one helper": every raw statement of the server goes through
 * shared/sql.ts (`agencyQuery` for a request, binding the viewer's agency; `crossAgencyQuery`
 * with a reason for code that crosses agencies on purpose). This test finds the calls that go
 * around it: `em.execute(…)`, `getConnection()…`, `.raw(…)`, Kysely or knex.
 */
const SRC = fileURLToPath(new URL('..', import.meta.url));

/** Where a direct call is right, and why (paths relative to server/src, `/`-separated). */
const ALLOWED: { path: string; why: string }[] = [
  { path: 'shared/sql.ts', why: 'the one home of raw SQL: agencyQuery and crossAgencyQuery run here' },
  {
    path: 'shared/prepared.ts',
    why: "part of that home: shared/sql.ts's run calls it for the statements it runs prepared, after agencyQuery's check",
  },
  {
    path: 'db/read-replicas.ts',
    why: "part of that home: picks the connection shared/sql.ts's run reads on, asks a replica how far it has replayed and the primary its WAL position (no data)",
  },
  {
    path: 'db/database.ts',
    why: 'migrations run before the server serves anyone, in a transaction without the statement timeout',
  },
  { path: 'bench/', why: 'benchmark tooling: fills its own database and reads query plans, outside any request' },
  { path: 'test/', why: 'test support: server.sql reads and prepares rows for assertions' },
];

const DIRECT_CALLS = [
  /\.execute\s*(<.*>)?\s*\(/,
  /\.getConnection\s*\(/,
  /\.raw\s*\(/,
  /\bgetKysely\s*\(/,
  /\bgetKnex\s*\(|\bknex\b/,
];

/** The 1-based line numbers of `source` that call the database directly (comments skipped). */
function directCallLines(source: string): number[] {
  return source.split('\n').flatMap((line, index) => {
    const code = line.trim();
    if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return [];
    return DIRECT_CALLS.some((pattern) => pattern.test(code)) ? [index + 1] : [];
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('raw SQL has one home', () => {
  it('no server source outside shared/sql.ts (and the reasoned exceptions) runs a statement directly', () => {
    const found = sourceFiles(SRC).flatMap((file) => {
      const path = relative(SRC, file).split(sep).join('/');
      if (ALLOWED.some((allowed) => path === allowed.path || path.startsWith(allowed.path))) return [];
      return directCallLines(readFileSync(file, 'utf8')).map((line) => `${path}:${line}`);
    });
    expect(found).toEqual([]);
  });

  it('recognises each way around the helper, and not the helper itself', () => {
    const offending = [
      'await em.execute(`delete from company`);',
      "const rows = await em.execute<{ id: string }[]>('select id from company');",
      'await em.getConnection().execute(statement);',
      'em.getKysely().selectFrom("company")',
      "knex.raw('select 1')",
    ];
    for (const line of offending) expect(directCallLines(line), line).toEqual([1]);
    const fine = [
      'const rows = await agencyQuery<{ id: string }>(em, statement);',
      "// em.execute('…') is what this replaced",
    ];
    for (const line of fine) expect(directCallLines(line), line).toEqual([]);
  });
});
