import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';

/**
 * A PostgreSQL cluster of the test's own (initdb in a temp folder, on a free port), which the
 * test may stop and start at will: the shared server on 5432 is never touched. Run as the
 * `postgres` user when the tests run as root (PostgreSQL refuses to run as root), as CI does.
 */
export interface ThrowawayPostgres {
  url: string;
  /** `pg_ctl stop -m immediate`: every backend dies at once, as in a crash (committed data survives). */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
  /** A streaming replica of this cluster (`pg_basebackup -R`), on a free port of its own. */
  replica(): Promise<ThrowawayPostgres>;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const latest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!latest) {
    throw new Error(
      'The database fault tests need PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/<version>/bin: install the postgresql package (CI has PostgreSQL 15).',
    );
  }
  return join(root, latest, 'bin');
}

/** A temp folder the `postgres` user owns when the tests run as root, and how to run a tool in it. */
function clusterFolder(bin: string) {
  const dir = mkdtempSync(join(tmpdir(), 'crm-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  // Asynchronous: the server under test runs in this process and must keep serving meanwhile.
  const run = async (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(bin, tool);
    const argv = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    await promisify(execFile)(command, argv, { cwd: dir });
  };
  return { dir, data: join(dir, 'data'), run };
}

/** Starts the cluster in `folder` on `port`; the handle to stop, restart, copy and destroy it. */
async function running(
  bin: string,
  folder: ReturnType<typeof clusterFolder>,
  port: number,
): Promise<ThrowawayPostgres> {
  const { dir, data, run } = folder;
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    start,
    async destroy() {
      await run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {
        // already stopped
      });
      rmSync(dir, { recursive: true, force: true });
    },
    async replica() {
      const copy = clusterFolder(bin);
      const args = [
        '-D',
        copy.data,
        '-R',
        '-X',
        'stream',
        '--checkpoint=fast',
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
      ];
      await copy.run('pg_basebackup', args);
      return running(bin, copy, await freePort());
    },
  };
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = binDir();
  const folder = clusterFolder(bin);
  await folder.run('initdb', [
    '-D',
    folder.data,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  return running(bin, folder, await freePort());
}
