import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import { ImportPhase, ImportProgress, PROGRESS_STEP, readImportProgress } from './import-progress.js';
import { csvText, importClient } from './import-test-support.js';

let server: TestServer;
let manager: string;
let client: ReturnType<typeof importClient>;

const ROWS = 5_000;
const MAPPING = ['name', 'country', 'city'];
const bigFile = () =>
  csvText([
    ['Raison sociale', 'Pays', 'Ville'],
    ...Array.from({ length: ROWS }, (_, i) => [`Progressia Export ${i} Zvezda ${(i * 7919) % 10007}`, 'RU', 'Kazan']),
  ]);

interface Progress {
  phase: string;
  done: number;
  total: number;
}

async function progressOf(cookie: string, fileId: string) {
  const response = await server.gql(
    'query($id: ID!) { importProgress(fileId: $id) { phase done total updatedAt } }',
    { id: fileId },
    { cookie },
  );
  return response;
}

beforeAll(async () => {
  server = await startTestServer();
  client = importClient(server);
  manager = await server.login('manager@mosprom.demo');
});

afterAll(() => server?.close());

describe('import progress registry', () => {
  it('reports phases and rows, ends DONE with everything counted, and keeps runs apart', async () => {
    const run = new ImportProgress('agency-a', 'user-a', 'file-1');
    expect(readImportProgress('agency-a', 'user-a', 'file-1')).toMatchObject({ phase: 'READING', done: 0, total: 0 });
    run.phase(ImportPhase.CHECKING, 1_200);
    for (let i = 0; i < 1_200; i++) await run.step(i);
    expect(readImportProgress('agency-a', 'user-a', 'file-1')).toMatchObject({
      phase: 'CHECKING',
      done: 2 * PROGRESS_STEP,
      total: 1_200,
    });
    expect(readImportProgress('agency-b', 'user-a', 'file-1')).toBeNull();
    expect(readImportProgress('agency-a', 'user-b', 'file-1')).toBeNull();
    run.phase(ImportPhase.WRITING, 300);
    run.advance(200);
    expect(readImportProgress('agency-a', 'user-a', 'file-1')).toMatchObject({ phase: 'WRITING', done: 200 });
    run.finish();
    expect(readImportProgress('agency-a', 'user-a', 'file-1')).toMatchObject({ phase: 'DONE', done: 300, total: 300 });
  });

  it('lets a newer run on the same file replace an older one', () => {
    const older = new ImportProgress('agency-a', 'user-a', 'file-2');
    const newer = new ImportProgress('agency-a', 'user-a', 'file-2');
    newer.phase(ImportPhase.CHECKING, 10);
    older.finish();
    expect(readImportProgress('agency-a', 'user-a', 'file-2')).toMatchObject({ phase: 'CHECKING', total: 10 });
  });
});

describe('importProgress', () => {
  it('is null before a run, moves while a large file is checked, and reads DONE after it', async () => {
    const fileId = await client.uploadOk(manager, 'gros-fichier.csv', bigFile());
    expect((await progressOf(manager, fileId)).data!.importProgress).toBeNull();

    let finished = false;
    const preview = client.preview(manager, { fileId, kind: 'COMPANIES', mapping: MAPPING }).finally(() => {
      finished = true;
    });
    const seen: Progress[] = [];
    while (!finished) {
      const response = await progressOf(manager, fileId);
      expect(response.errors).toBeUndefined();
      if (response.data!.importProgress) seen.push(response.data!.importProgress);
    }
    const result = await preview;
    expect(result.preview!.counts.total).toBe(ROWS);

    const checking = seen.filter((state) => state.phase === 'CHECKING' && state.done > 0);
    expect(checking.length, JSON.stringify(seen)).toBeGreaterThan(0);
    expect(checking.map((state) => state.done)).toEqual([...checking.map((state) => state.done)].sort((a, b) => a - b));
    for (const state of checking) {
      expect(state.total).toBe(ROWS);
      expect(state.done).toBeLessThan(ROWS);
    }
    const done = (await progressOf(manager, fileId)).data!.importProgress;
    expect(done).toMatchObject({ phase: 'DONE', done: ROWS, total: ROWS });
  });

  it('counts the records written by an apply', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [
      `Applikon Progress ${i} ${'xyzw'[i % 4]}${i * 31}`,
      'RU',
      'Tula',
    ]);
    const fileId = await client.uploadOk(manager, 'petit.csv', csvText([['Raison sociale', 'Pays', 'Ville'], ...rows]));
    const applied = await client.apply(manager, { fileId, kind: 'COMPANIES', mapping: MAPPING, undecided: 'CREATE' });
    expect(applied.userErrors).toEqual([]);
    const created = applied.preview!.counts.create as number;
    expect(created).toBeGreaterThan(0);
    expect((await progressOf(manager, fileId)).data!.importProgress).toMatchObject({
      phase: 'DONE',
      done: created,
      total: created,
    });
  });

  it("is the viewer's own agency's: another agency reads null, an analyst is refused", async () => {
    const fileId = await client.uploadOk(
      manager,
      'isole.csv',
      csvText([
        ['Raison sociale', 'Pays'],
        ['Isolata', 'RU'],
      ]),
    );
    await client.preview(manager, { fileId, kind: 'COMPANIES', mapping: ['name', 'country'] });
    expect((await progressOf(manager, fileId)).data!.importProgress).toMatchObject({ phase: 'DONE', done: 1 });

    const asmex = await server.login('admin@asmex.demo');
    const foreign = await progressOf(asmex, fileId);
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data!.importProgress).toBeNull();

    const analyst = await progressOf(await server.login('analyst@mosprom.demo'), fileId);
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
