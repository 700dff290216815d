import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { type Config, loadConfig } from '../config.js';
import { type Database, openDatabase } from '../db/database.js';
import { type App, type AppOptions, createApp } from '../http/app.js';
import { createLogger, type DestinationStream } from '../log/logger.js';
import { adminQuery, loadDump, serverUrl, type TemplateKind, templateName, withDatabase } from './test-databases.js';

/**
 * Untyped JSON of a GraphQL response, as tests read it: `any` on purpose, since each test
 * asserts the shape it expects; typed clients use the generated types instead.
 */
export type ResponseNode = Record<string, any>;

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: string[] }[];
  extensions?: { cost: QueryCost } & Record<string, unknown>;
}

/** `extensions.cost` of every response (see graphql/query-cost.ts). */
export interface QueryCost {
  requested: number;
  actual: number;
  limit: number;
  remaining: number | null;
}

export interface RequestOptions {
  cookie?: string;
  token?: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  url: string;
  db: Database;
  app: App;
  /** SQL statements issued since the last reset. */
  statements: string[];
  /** The same statements before they run, each with its bound parameters. */
  boundStatements: { sql: string; params: readonly unknown[] }[];
  resetStatements(): void;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<T>>;
  /** Signs in and returns the session cookie ("crm_session=…"). */
  login(email: string, password?: string): Promise<string>;
  /** SQL on the test database, across agencies: to arrange what the API cannot, and to check what it wrote. */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /** The id of the one row of `table` whose `column` is `value`, in the agency with that short name. */
  idOf(table: string, column: string, value: string, agency?: string): Promise<string>;
  close(): Promise<void>;
}

export const DEMO_PASSWORD = 'demo-password';

/**
 * Every error a server answers carries the request's id (log/request-scope.ts), the one of its
 * `x-request-id` header: checked here for every test's every error, then removed, so tests
 * compare the rest of the error (log/logs.test.ts reads the ids on raw responses).
 */
function withoutRequestIds(errors: GraphQLResponse['errors'], requestId: string | null): void {
  for (const error of errors ?? []) {
    if (!requestId || error.extensions?.requestId !== requestId) {
      throw new Error(`An error without its request's id (x-request-id: ${requestId}): ${JSON.stringify(error)}`);
    }
    delete error.extensions.requestId;
  }
}

/** A database of its own (copied from a template) and the real HTTP server on a free port. */
export async function startTestServer(
  options: {
    template?: TemplateKind;
    production?: boolean;
    config?: Partial<Config>;
    /** Stores the server uses instead of its in-memory defaults (a LoginThrottle with a fake clock). */
    app?: AppOptions;
    /** Where the server's JSON log lines go (every level); none are written by default. */
    logDestination?: DestinationStream;
  } = {},
): Promise<TestServer> {
  const template = options.template ?? 'demo';
  const statements: string[] = [];
  const onQuery = (message: string) => statements.push(message);
  const boundStatements: TestServer['boundStatements'] = [];
  const onStatement = (sql: string, params: readonly unknown[]) => boundStatements.push({ sql, params });
  const pgUrl = serverUrl();
  let db: Database;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (pgUrl) {
    const name = `crm_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    await adminQuery(pgUrl, `create database ${name} template ${templateName(template)}`);
    // The statement timeouts of the config under test (none by default: tests run on busy machines).
    const { statementTimeoutMs, analytics } = options.config ?? {};
    db = await openDatabase(
      { databaseUrl: withDatabase(pgUrl, name), dataDir: '', logSql: false, statementTimeoutMs, analytics },
      { onQuery, onStatement },
    );
    dropDatabase = () => adminQuery(pgUrl, `drop database if exists ${name} with (force)`);
  } else {
    db = await openDatabase(
      { databaseUrl: undefined, dataDir: '', logSql: false },
      { loadDataDir: loadDump(template), onQuery, onStatement },
    );
  }
  const defaults = loadConfig({});
  // No timed rounds of the mail dispatcher: their statements would land in the tests' counts (tests tick it).
  const config = {
    ...defaults,
    mail: { ...defaults.mail, pollMs: 0 },
    production: options.production ?? true,
    ...options.config,
  };
  const logger = options.logDestination
    ? createLogger({ level: 'trace', destination: options.logDestination })
    : createLogger({ level: 'silent' });
  const app = await createApp(config, db, logger, options.app);
  const url = await app.listen(0, '127.0.0.1');

  async function gql<T>(query: string, variables?: Record<string, unknown>, opts: RequestOptions = {}) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(opts.cookie ? { cookie: opts.cookie } : {}),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
    withoutRequestIds(body.errors, response.headers.get('x-request-id'));
    return { status: response.status, headers: response.headers, ...body };
  }

  function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    return db.orm.em.getConnection().execute<T[]>(query, params);
  }

  return {
    url,
    db,
    app,
    sql,
    async idOf(table, column, value, agency = 'Mosprom') {
      const rows = await sql<{ id: string }>(
        `select t.id from "${table}" t join agency a on a.id = t.agency_id where t.${column} = ? and a.short_name = ?`,
        [value, agency],
      );
      if (rows.length !== 1) throw new Error(`${table}.${column} = ${value}: ${rows.length} rows`);
      return rows[0].id;
    },
    statements,
    boundStatements,
    resetStatements: () => {
      statements.length = 0;
      boundStatements.length = 0;
    },
    gql,
    async login(email, password = DEMO_PASSWORD) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($input: LoginInput!) { login(input: $input) { userErrors { message } } }',
          variables: { input: { email, password } },
        }),
      });
      const cookie = response.headers.get('set-cookie')?.split(';')[0];
      if (!cookie) throw new Error(`Could not sign in as ${email}: ${await response.text()}`);
      return cookie;
    },
    async close() {
      await app.close();
      await db.close();
      await dropDatabase?.();
    },
  };
}
