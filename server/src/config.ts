import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LevelWithSilent } from 'pino';
import { parseTrustedProxies, type TrustedProxies } from './http/client-address.js';
import { LOG_LEVELS } from './log/logger.js';
import type { HashQueueLimits } from './modules/auth/hash-queue.js';
import type { SignInLimits } from './modules/auth/login-throttle.js';

/** The repository root, whatever the working directory (source or compiled). */
export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), findUp());

function findUp(): string {
  // src/config.ts -> ../.. ; dist/server/src/config.js -> ../../../..
  return import.meta.url.includes('/dist/') ? '../../../..' : '../..';
}

export interface Config {
  /** postgres://… of a real server; undefined means the embedded PGlite. */
  databaseUrl: string | undefined;
  /** postgres://… of streaming replicas of it (DATABASE_REPLICA_URLS, comma separated): analytics read there. */
  replicaUrls: string[];
  /** Folder of the embedded database's files. */
  dataDir: string;
  port: number;
  host: string;
  production: boolean;
  seedDemo: boolean;
  /** Server processes on one port (CRM_WORKERS, Node's cluster module; PostgreSQL only): 1 by default. */
  workers: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Largest file accepted for import (POST /import/files), in bytes. */
  maxImportBytes: number;
  sessionTtlDays: number;
  /** A session unused for this many hours is signed out, whatever its lifetime left (0: no idle timeout). */
  sessionIdleHours: number;
  /** Where the built web client lives. */
  webDist: string;
  /** Log SQL statements (debugging). */
  logSql: boolean;
  /** Least level of the JSON log lines on stdout (CRM_LOG_LEVEL: fatal, error, warn, info, debug, trace or silent; info by default). */
  logLevel: LevelWithSilent;
  /** Longest wait for a database connection, in ms (CRM_DB_ACQUIRE_TIMEOUT_MS); then 503 SERVICE_UNAVAILABLE. */
  dbAcquireTimeoutMs: number;
  /** Mark the session cookie Secure (serve over HTTPS). */
  cookieSecure: boolean;
  /** What one GraphQL request may ask for, and what API tokens may spend per minute. */
  limits: QueryLimits;
  /**
   * Reverse proxies whose `X-Forwarded-For` is believed (CRM_TRUSTED_PROXIES: addresses, CIDRs or
   * `loopback`, comma-separated; empty by default: the socket's address is the client's).
   */
  trustedProxies: TrustedProxies;
  /** Failed sign-ins allowed per account and per address, and the growing delay (modules/auth/login-throttle.ts). */
  signIn: SignInLimits;
  /** Password hashes computed at once and waiting (modules/auth/hash-queue.ts); beyond, 429. */
  passwordHashing: HashQueueLimits;
  /** Longest SQL statement of a request, in ms (CRM_STATEMENT_TIMEOUT_MS; PostgreSQL only, 0: none). */
  statementTimeoutMs: number;
  /** What one analytics query may ask for and how long its statements may run (docs/analytics.md). */
  analytics: AnalyticsLimits;
  /** Outgoing mail (modules/mail): where it goes, from whom, and the address its links start with. */
  mail: MailConfig;
}

export interface MailConfig {
  /**
   * smtp://user:pass@host:port or smtps://… (CRM_SMTP_URL). Without it, mail waits in the outbox,
   * where admins read it ("Outgoing mail"): nothing needs a mail server to try the app.
   */
  smtpUrl: string | undefined;
  /** The sender when an agency has set none (CRM_MAIL_FROM). */
  from: string;
  /** The web app's address as people reach it (CRM_PUBLIC_URL): links in mail start with it. */
  publicUrl: string;
  /**
   * How often the outbox and the confirmations' schedule are looked at, in ms (CRM_MAIL_POLL_MS,
   * 30 s); mutations that write mail also wake the sender. 0: only when woken (the tests).
   */
  pollMs: number;
  /** The delay before a refused mail is tried again, doubled each time (CRM_MAIL_RETRY_SECONDS, 60). */
  retrySeconds: number;
}

/**
 * The query limits, all in one place (docs/api.md explains them to API users). Each request is
 * measured after parsing and validation and before any resolver runs; see graphql/query-limits.ts.
 */
export interface QueryLimits {
  /** Most tokens (names, punctuation, values) in a document; the parser stops beyond. */
  maxTokens: number;
  /** Deepest field nesting (a root field is depth 1; introspection is not counted). */
  maxDepth: number;
  /** Most aliased fields in one operation, fragments expanded. */
  maxAliases: number;
  /** Most directives (`@skip`, `@include`) in one operation, fragments expanded. */
  maxDirectives: number;
  /** Highest cost of one request (see graphql/query-cost.ts for how cost is counted). */
  maxCost: number;
  /** Assumed length of lists that are not connections (a pipeline's stages, a company's sectors). */
  listSize: number;
  /** What a mutation's root field costs on top of its payload. */
  mutationCost: number;
  /** The cost budget of API tokens, a leaky bucket per user: all of a user's tokens share it. */
  tokenBudget: {
    /** Points the bucket holds: the largest burst (at least maxCost, so any allowed query can run). */
    capacity: number;
    /** Points that leak out, i.e. are given back, per minute. */
    perMinute: number;
  };
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

function logLevel(value: string | undefined): LevelWithSilent {
  if (value === undefined || value === '') return 'info';
  const level = LOG_LEVELS.find((known) => known === value.toLowerCase());
  if (!level) throw new Error(`CRM_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  return level;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    replicaUrls: (env.DATABASE_REPLICA_URLS ?? '')
      .split(',')
      .map((url) => url.trim())
      .filter(Boolean),
    dataDir: resolve(repoRoot, env.CRM_DATA_DIR || '.data'),
    port: int('PORT', env.PORT, 4000),
    host: env.HOST || '127.0.0.1',
    production: env.NODE_ENV === 'production',
    seedDemo: bool(env.CRM_SEED_DEMO, true),
    workers: int('CRM_WORKERS', env.CRM_WORKERS, 1) || 1,
    maxBodyBytes: int('CRM_MAX_BODY_BYTES', env.CRM_MAX_BODY_BYTES, 1_000_000),
    maxImportBytes: int('CRM_MAX_IMPORT_BYTES', env.CRM_MAX_IMPORT_BYTES, 10_000_000),
    sessionTtlDays: int('CRM_SESSION_TTL_DAYS', env.CRM_SESSION_TTL_DAYS, 30),
    sessionIdleHours: int('CRM_SESSION_IDLE_HOURS', env.CRM_SESSION_IDLE_HOURS, 12),
    webDist: resolve(repoRoot, 'web/dist'),
    logSql: bool(env.CRM_LOG_SQL, false),
    logLevel: logLevel(env.CRM_LOG_LEVEL),
    dbAcquireTimeoutMs: int('CRM_DB_ACQUIRE_TIMEOUT_MS', env.CRM_DB_ACQUIRE_TIMEOUT_MS, 10_000),
    cookieSecure: bool(env.CRM_COOKIE_SECURE, false),
    limits: loadLimits(env),
    trustedProxies: parseTrustedProxies(env.CRM_TRUSTED_PROXIES),
    signIn: {
      accountFailures: int('CRM_LOGIN_ACCOUNT_FAILURES', env.CRM_LOGIN_ACCOUNT_FAILURES, 5) || 1,
      addressFailures: int('CRM_LOGIN_ADDRESS_FAILURES', env.CRM_LOGIN_ADDRESS_FAILURES, 20) || 1,
      windowMinutes: int('CRM_LOGIN_WINDOW_MINUTES', env.CRM_LOGIN_WINDOW_MINUTES, 15),
      delayMs: int('CRM_LOGIN_DELAY_MS', env.CRM_LOGIN_DELAY_MS, 250),
    },
    passwordHashing: {
      concurrency: int('CRM_PASSWORD_HASH_CONCURRENCY', env.CRM_PASSWORD_HASH_CONCURRENCY, 2) || 1,
      maxQueued: int('CRM_PASSWORD_HASH_QUEUE', env.CRM_PASSWORD_HASH_QUEUE, 32),
    },
    statementTimeoutMs: int('CRM_STATEMENT_TIMEOUT_MS', env.CRM_STATEMENT_TIMEOUT_MS, 5_000),
    analytics: loadAnalyticsLimits(env),
    mail: {
      smtpUrl: env.CRM_SMTP_URL || undefined,
      from: env.CRM_MAIL_FROM || 'Export CRM <crm@localhost>',
      publicUrl: (env.CRM_PUBLIC_URL || `http://localhost:${int('PORT', env.PORT, 4000)}`).replace(/\/+$/, ''),
      pollMs: int('CRM_MAIL_POLL_MS', env.CRM_MAIL_POLL_MS, 30_000),
      retrySeconds: int('CRM_MAIL_RETRY_SECONDS', env.CRM_MAIL_RETRY_SECONDS, 60),
    },
  };
}

export function loadLimits(env: NodeJS.ProcessEnv = process.env): QueryLimits {
  const maxCost = int('CRM_MAX_QUERY_COST', env.CRM_MAX_QUERY_COST, 50_000);
  const limits: QueryLimits = {
    maxTokens: int('CRM_MAX_QUERY_TOKENS', env.CRM_MAX_QUERY_TOKENS, 5_000),
    maxDepth: int('CRM_MAX_QUERY_DEPTH', env.CRM_MAX_QUERY_DEPTH, 12),
    maxAliases: int('CRM_MAX_QUERY_ALIASES', env.CRM_MAX_QUERY_ALIASES, 30),
    maxDirectives: int('CRM_MAX_QUERY_DIRECTIVES', env.CRM_MAX_QUERY_DIRECTIVES, 50),
    maxCost,
    listSize: 10,
    mutationCost: 10,
    tokenBudget: {
      capacity: int('CRM_TOKEN_COST_BURST', env.CRM_TOKEN_COST_BURST, maxCost),
      perMinute: int('CRM_TOKEN_COST_PER_MINUTE', env.CRM_TOKEN_COST_PER_MINUTE, 50_000),
    },
  };
  if (limits.tokenBudget.capacity < limits.maxCost) {
    throw new Error(
      'CRM_TOKEN_COST_BURST must be at least CRM_MAX_QUERY_COST, or the costliest queries could never run',
    );
  }
  if (limits.tokenBudget.perMinute < 1) throw new Error('CRM_TOKEN_COST_PER_MINUTE must be at least 1');
  return limits;
}

/** The bounds of analytics queries: checked before their SQL runs (modules/analytics/limits.ts). */
export interface AnalyticsLimits {
  /** Most rows one report may answer (key combinations × calendar periods); beyond, ANALYTICS_TOO_LARGE. */
  maxRows: number;
  /** Longest range of a report grouped by MONTH, in months. */
  maxMonths: number;
  /** Longest SQL statement of a report, in ms (PostgreSQL only, 0: none); longer than statementTimeoutMs. */
  timeoutMs: number;
}

export function loadAnalyticsLimits(env: NodeJS.ProcessEnv = process.env): AnalyticsLimits {
  return {
    maxRows: int('CRM_ANALYTICS_MAX_ROWS', env.CRM_ANALYTICS_MAX_ROWS, 10_000),
    maxMonths: int('CRM_ANALYTICS_MAX_MONTHS', env.CRM_ANALYTICS_MAX_MONTHS, 120),
    timeoutMs: int('CRM_ANALYTICS_TIMEOUT_MS', env.CRM_ANALYTICS_TIMEOUT_MS, 20_000),
  };
}
