import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HeaderMap } from '@apollo/server';
import type { Config, MailConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { hasReplicas, readAfterCookie, readAfterFromCookies, replicaState } from '../db/read-replicas.js';
import { databaseAnswers, READY_TIMEOUT_MS } from '../db/readiness.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { createApollo } from '../graphql/apollo.js';
import { buildContext } from '../graphql/build-context.js';
import { SqlLeakyBucket } from '../graphql/cost-budget.js';
import { contextOrUnavailable } from '../graphql/errors.js';
import { graphqlSchema } from '../graphql/schema.js';
import { withRequestLog } from '../log/access-log.js';
import { createLogger, type Logger } from '../log/logger.js';
import { currentRequest, errorAnswered } from '../log/request-scope.js';
import { SqlLoginThrottle } from '../modules/auth/login-throttle.js';
import { configurePasswordHashing } from '../modules/auth/password.js';
import { runConfirmationSchedule } from '../modules/confirmation/confirmation-schedule.js';
import { LocalEventBus, PostgresEventBus } from '../modules/events/event-bus.js';
import { exportHandler } from '../modules/export/export.http.js';
import { handleImportHttp } from '../modules/import/import.http.js';
import { MailDispatcher } from '../modules/mail/mail-dispatcher.js';
import { setPublicUrl } from '../modules/mail/outbox.js';
import { AnswerCache } from '../read-model/answer-cache.js';
import { RawJson } from '../read-model/raw-json.js';
import { languageFromHeader, msg, render } from '../shared/messages/index.js';
import { BodyTooLargeError, readBody } from './body.js';
import { sessionCookieJar } from './cookies.js';
import { errorMediaType, negotiatedStatus } from './graphql-status.js';
import { serveLive } from './live.js';
import { serveStatic } from './static-files.js';

export interface App {
  server: Server;
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting connections and waits up to `graceMs` for requests in flight. */
  close(graceMs?: number): Promise<void>;
  /** The outbox's sender (tests wake it and wait for it). */
  mail: MailDispatcher;
  /** Page answers kept while the embedded database does not change (read-model/answer-cache.ts); none on PostgreSQL. */
  answers?: AnswerCache;
}

/** Mail settings of an app given none (tests): nothing sent, links to the default port. */
const DEFAULT_MAIL: MailConfig = {
  smtpUrl: undefined,
  from: 'Export CRM <crm@localhost>',
  publicUrl: 'http://localhost:4000',
  pollMs: 30_000,
  retrySeconds: 60,
};

type AppConfig = Pick<
  Config,
  | 'production'
  | 'maxBodyBytes'
  | 'maxImportBytes'
  | 'sessionTtlDays'
  | 'sessionIdleHours'
  | 'webDist'
  | 'cookieSecure'
  | 'limits'
  | 'trustedProxies'
  | 'signIn'
  | 'passwordHashing'
> &
  Partial<Pick<Config, 'analytics' | 'mail'>>;

export interface AppOptions {
  /** The clock of the sign-in throttle and the cost budget (ms since the epoch): tests move it by hand. */
  clock?: () => number;
  /** Keep page answers between changes on the embedded database (default true; tests that count statements turn it off). */
  keepAnswers?: boolean;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

function graphqlError(res: ServerResponse, status: number, message: string, code: string): void {
  sendJson(
    res,
    status,
    { errors: [{ message, extensions: { code, requestId: errorAnswered(code) } }] },
    { 'content-type': `${errorMediaType(res.req?.headers.accept)}; charset=utf-8` },
  );
}

export async function createApp(
  config: AppConfig,
  db: Database,
  /** JSON lines (log/logger.ts); stdout at level info by default. */
  log: Logger = createLogger(),
  options: AppOptions = {},
): Promise<App> {
  // Kept in the database, shared by every server process on it (issue 15).
  const budget = new SqlLeakyBucket(db.orm.em, { ...config.limits.tokenBudget, now: options.clock });
  const loginThrottle = new SqlLoginThrottle(db.orm.em, config.signIn, options.clock);
  // A confirmation link's public page: 30 requests at once per address, then 10 a minute.
  const publicPages = new SqlLeakyBucket(db.orm.em, { capacity: 30, perMinute: 10, now: options.clock });
  // Outgoing mail, and what confirmations do with time (modules/mail, modules/confirmation).
  const mail = { ...DEFAULT_MAIL, ...config.mail };
  setPublicUrl(mail.publicUrl);
  const dispatcher = new MailDispatcher({
    rootEm: db.orm.em,
    smtpUrl: mail.smtpUrl,
    from: mail.from,
    pollMs: mail.pollMs,
    retrySeconds: mail.retrySeconds,
    log,
    eachRound: () => runConfirmationSchedule(db.orm.em),
  });
  dispatcher.start();
  configurePasswordHashing(config.passwordHashing);
  const replicas = hasReplicas(db.orm.em);
  // What one user does, announced to the others (modules/events): NOTIFY on PostgreSQL, in process on PGlite.
  const events = db.embedded ? new LocalEventBus() : new PostgresEventBus(db.url, db.orm.em, log);
  // The embedded database has one reader and writer, this process: page answers are kept while it does not change.
  const answers = db.embedded && options.keepAnswers !== false ? new AnswerCache() : undefined;
  if (events instanceof PostgresEventBus) await events.start();
  const apollo = await createApollo({ production: config.production, log, limits: config.limits, budget });
  const statics = serveStatic(config.webDist);
  const exports = exportHandler({
    rootEm: db.orm.em,
    cookieSecure: config.cookieSecure,
    sessionTtlDays: config.sessionTtlDays,
    sessionIdleHours: config.sessionIdleHours,
    trustedProxies: config.trustedProxies,
    log,
    budget,
  });

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.writeHead(405, { allow: 'GET, POST', 'content-type': 'text/plain' }).end('Method not allowed');
      return;
    }
    let body: unknown;
    if (req.method === 'POST') {
      const text = await readBody(req, config.maxBodyBytes);
      const type = req.headers['content-type'] ?? '';
      if (type.includes('json')) {
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          graphqlError(res, 400, 'The request body is not valid JSON.', 'BAD_REQUEST');
          return;
        }
      } else {
        body = text;
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const cookies = sessionCookieJar(req, config.cookieSecure);
    const scope = currentRequest();
    if (scope && replicas) scope.readAfter = readAfterFromCookies(req.headers.cookie);
    const rawJson = new RawJson();
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method, headers, search: url.search, body },
      context: () =>
        contextOrUnavailable(
          languageFromHeader(req.headers['accept-language']),
          buildContext({
            rootEm: db.orm.em,
            req,
            cookies,
            sessionTtlDays: config.sessionTtlDays,
            sessionIdleHours: config.sessionIdleHours,
            trustedProxies: config.trustedProxies,
            loginThrottle,
            publicPages,
            analytics: config.analytics,
            rawJson,
            events,
            answers,
          }),
        ),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    // A writer's next reads wait for their write on a replica (db/read-replicas.ts).
    if (replicas && scope?.graphql?.operationType === 'mutation') {
      cookies.headers.push(await readAfterCookie(db.orm.em, config.cookieSecure));
    }
    if (cookies.headers.length > 0) res.setHeader('set-cookie', cookies.headers);
    res.setHeader('cache-control', 'no-store');
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      const contentType = response.headers.get('content-type');
      const body = rawJson.splice(response.body.string);
      res.statusCode = negotiatedStatus(res.statusCode, { contentType, body }, req.headers.accept);
      res.end(body);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    if (url.pathname.startsWith('/export/')) return exports(req, res, url);
    switch (url.pathname) {
      case '/graphql':
        return handleGraphQL(req, res, url);
      case '/healthz':
        return sendJson(res, 200, { status: 'ok' });
      case '/readyz': {
        if (!(await databaseAnswers(db, READY_TIMEOUT_MS)))
          return sendJson(res, 503, { status: 'database unreachable' });
        // Replicas all down: the primary serves their reads too, so still ready, but say so.
        const reads = await replicaState(db.orm.em, READY_TIMEOUT_MS);
        return sendJson(
          res,
          200,
          reads === 'degraded' ? { status: 'degraded', replicas: 'unreachable' } : { status: 'ready' },
        );
      }
      case '/graphiql':
        return statics(req, res, url.pathname, '/graphiql.html');
      default:
        if (url.pathname === '/import/files' || url.pathname.startsWith('/import/files/')) {
          return handleImportHttp(req, res, url, {
            rootEm: db.orm.em,
            maxImportBytes: config.maxImportBytes,
            cookieSecure: config.cookieSecure,
            sessionTtlDays: config.sessionTtlDays,
            sessionIdleHours: config.sessionIdleHours,
            trustedProxies: config.trustedProxies,
          });
        }
        return statics(req, res, url.pathname);
    }
  }

  const server = createServer(
    withRequestLog(log, config.trustedProxies, (req, res) => {
      handle(req, res).catch((error: unknown) => {
        if (error instanceof BodyTooLargeError) {
          graphqlError(res, 413, error.message, 'PAYLOAD_TOO_LARGE');
          req.resume();
          return;
        }
        if (isDatabaseUnavailable(error) && !res.headersSent) {
          const message = render(msg('databaseUnavailable'), languageFromHeader(req.headers['accept-language']));
          graphqlError(res, 503, message, 'SERVICE_UNAVAILABLE');
          return;
        }
        log.error({ err: error }, 'Unhandled error in the HTTP layer');
        if (!res.headersSent) graphqlError(res, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR');
        else res.destroy();
      });
    }),
  );

  // Idle keep-alive connections stay open 65 s (Node's default is 5), longer than a proxy's or a
  // client's own idle timeout (60 s for nginx and most load balancers; undici keeps 4 s): else the
  // server may close one just as the other side sends a request on it, which then fails with
  // ECONNRESET (seen on loaded machines).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  // Subscriptions over WebSocket on the same port and path (http/live.ts).
  const live = serveLive(server, {
    schema: await graphqlSchema(),
    limits: config.limits,
    rootEm: db.orm.em,
    events,
    cookieSecure: config.cookieSecure,
    sessionTtlDays: config.sessionTtlDays,
    sessionIdleHours: config.sessionIdleHours,
    trustedProxies: config.trustedProxies,
    log,
  });

  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          const actual = typeof address === 'object' && address ? address.port : port;
          resolve(`http://${host}:${actual}`);
        });
      });
    },
    async close(graceMs = 5_000) {
      // Stop accepting connections; idle keep-alive ones (a proxy's, a browser's) would otherwise
      // hold close() open forever. Requests in flight get `graceMs` to finish, then are cut.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await live.close();
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(grace);
      await apollo.stop();
      await events.close();
      await dispatcher.close();
    },
    mail: dispatcher,
    answers,
  };
}
