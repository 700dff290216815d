import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the working directory (source or compiled). */
export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), findUp());

function findUp(): string {
  // src/config.ts -> ../.. ; dist/server/src/config.js -> ../../../..
  return import.meta.url.includes('/dist/') ? '../../../..' : '../..';
}

export interface Config {
  /** postgres://… of a real server; undefined means the embedded PGlite. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database's files. */
  dataDir: string;
  port: number;
  host: string;
  production: boolean;
  seedDemo: boolean;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  sessionTtlDays: number;
  /** Where the built web client lives. */
  webDist: string;
  /** Log SQL statements (debugging). */
  logSql: boolean;
  /** Mark the session cookie Secure (serve over HTTPS). */
  cookieSecure: boolean;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new Error(`Expected a boolean, got "${value}"`);
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(repoRoot, env.CRM_DATA_DIR || '.data'),
    port: int('PORT', env.PORT, 4000),
    host: env.HOST || '127.0.0.1',
    production: env.NODE_ENV === 'production',
    seedDemo: bool(env.CRM_SEED_DEMO, true),
    maxBodyBytes: int('CRM_MAX_BODY_BYTES', env.CRM_MAX_BODY_BYTES, 1_000_000),
    sessionTtlDays: int('CRM_SESSION_TTL_DAYS', env.CRM_SESSION_TTL_DAYS, 30),
    webDist: resolve(repoRoot, 'web/dist'),
    logSql: bool(env.CRM_LOG_SQL, false),
    cookieSecure: bool(env.CRM_COOKIE_SECURE, false),
  };
}
