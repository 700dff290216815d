import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { loadConfig } from '../config.js';
import { databaseOf } from '../db/database.js';
import { startEmbedded } from '../db/embedded.js';
import { ormConfig } from '../db/orm-config.js';
import { createApp } from '../http/app.js';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../http/cookies.js';
import { createLogger } from '../log/logger.js';
import { pinned } from './generate.js';
import type { LoadContext, LoadPage } from './load-pages.js';
import { BENCH_ADMIN, postGraphQL } from './support.js';

/**
 * The query plans behind `pnpm bench:load`'s pages (issue 14: "EXPLAIN (ANALYZE, BUFFERS) output
 * for each page query"): per page, the floor's one statement, and the statements this server runs
 * for it, captured from the real app started in this process on the bench database.
 *
 * Read only, so that it runs on a kept bench database as well: the app signs the bench admin in
 * without a session row (the session look-up is answered from the admin's user row, see
 * `readOnlyHook`), any statement that is not a read is refused before it is sent, and PostgreSQL
 * sessions are opened read only. EXPLAIN ANALYZE runs selects only.
 */

/** A statement as this server's ORM sent it: the SQL with `?` placeholders, its parameters, the text sent. */
export interface CapturedStatement {
  sql: string;
  params: readonly unknown[];
  /** The statement as it reached the database (MikroORM inlines the parameters). */
  text: string;
}

/** The session look-up of modules/auth/session.service.ts (`viewerFromSession`). */
const SESSION_LOOKUP = /\bfrom\s+session\s+s\s+join\s+"user"\s+u\b/i;
const READ = /^\s*\(?\s*(select|with|values)\b/i;
const WRITE =
  /\b(insert\s+into|update\s+\S+\s+set|delete\s+from|for\s+(update|share|no\s+key\s+update|key\s+share))\b/i;

/** Statements that read, other than the sign-in's: the page's own. */
export function pageStatements(captured: readonly CapturedStatement[]): CapturedStatement[] {
  return captured.filter(
    (s) =>
      READ.test(s.sql) &&
      !WRITE.test(s.sql) &&
      !SESSION_LOOKUP.test(s.sql) &&
      !/^\s*select\s+set_config\(/i.test(s.sql),
  );
}

/**
 * MikroORM's `onQuery` hook for a read-only run: the session look-up becomes the bench admin's
 * user row as a fresh session (fresh: no `last_seen_at` update follows); anything else that is
 * not a read throws before it reaches the database; `record` sees each statement as written.
 */
function readOnlyHook(record: (sql: string, params: readonly unknown[]) => void) {
  return (sql: string, params: readonly unknown[]): string => {
    record(sql, params);
    if (SESSION_LOOKUP.test(sql)) {
      // The look-up's own parameters (token hash, idle hours) stay bound, to placeholders that ignore them.
      const ignored = params.map(() => '?::text').join(', ');
      return `select '00000000-0000-0000-0000-0000000000b1'::uuid as session_id, u.id as user_id, u.agency_id, u.role, now() as last_seen_at
        from "user" u where u.email = '${BENCH_ADMIN.email}' and u.active${params.length > 0 ? ` and cardinality(array[${ignored}]) >= 0` : ''}`;
    }
    if (!READ.test(sql) || WRITE.test(sql)) throw new Error(`The plans step only reads; refused: ${sql.slice(0, 200)}`);
    return sql;
  };
}

type Location = { databaseUrl: string } | { dataDir: string };

/** This server's ORM on the bench database, with the read-only hook (and, on PostgreSQL, read-only sessions). */
async function openReadOnly(location: Location, record: (sql: string, params: readonly unknown[]) => void) {
  const embedded = 'dataDir' in location ? await startEmbedded({ dataDir: location.dataDir }) : undefined;
  const url = embedded?.url ?? (location as { databaseUrl: string }).databaseUrl;
  try {
    const config = ormConfig({ url, singleConnection: Boolean(embedded) });
    const driverOptions = config.driverOptions as { options?: string } | undefined;
    const orm = await MikroORM.init({
      ...config,
      onQuery: readOnlyHook(record),
      ...(embedded
        ? {}
        : {
            driverOptions: {
              ...driverOptions,
              options: `${driverOptions?.options ?? ''} -c default_transaction_read_only=on`.trim(),
            },
          }),
    });
    return databaseOf(orm, url, embedded);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

export interface PageCapture {
  page: string;
  /** Every statement of the captured request, sign-in included. */
  all: CapturedStatement[];
  /** The page's own reads (`pageStatements`), in the order they ran. */
  statements: CapturedStatement[];
}

/**
 * Starts this server's app in this process on the bench database, signed in as the bench admin,
 * and sends each page's `ours` request twice: the first warms it up (caches, the ORM's metadata,
 * PostgreSQL's buffers), the statements of the second are kept.
 */
export async function captureOurStatements(location: Location, pages: readonly LoadPage[]): Promise<PageCapture[]> {
  let recording: { sql: string; params: readonly unknown[] }[] | undefined;
  const db = await openReadOnly(location, (sql, params) => recording?.push({ sql, params }));
  const errors: string[] = [];
  const config = { ...loadConfig({}), production: true };
  const app = await createApp(
    config,
    db,
    createLogger({ level: 'error', destination: { write: (line: string) => errors.push(line) } }),
  );
  try {
    const url = await app.listen(0, '127.0.0.1');
    const cookie = `${config.cookieSecure ? SECURE_SESSION_COOKIE : SESSION_COOKIE}=bench-plans-read-only-viewer`;
    const send = async (page: LoadPage) => {
      try {
        await postGraphQL(url, cookie, JSON.stringify(page.ours), `plans, ${page.name}`);
      } catch (error) {
        throw new Error(`${(error as Error).message} ${errors.join('\n')}`);
      }
    };
    const platform = db.orm.em.getPlatform();
    const captures: PageCapture[] = [];
    for (const page of pages) {
      await send(page);
      recording = [];
      await send(page);
      const all = recording.map(({ sql, params }) => ({ sql, params, text: platform.formatQuery(sql, [...params]) }));
      recording = undefined;
      captures.push({ page: page.name, all, statements: pageStatements(all) });
    }
    return captures;
  } finally {
    await app.close();
    await db.close();
  }
}

/** One EXPLAIN (ANALYZE, BUFFERS), text format, and what the report quotes of it. */
export interface Plan {
  sql: string;
  /** The whole plan, as PostgreSQL printed it. */
  text: string;
  /** Its first line: the top node, estimated and actual. */
  top: string;
  executionMs: number;
  planningMs: number;
  /** The top node's shared buffers (the whole statement's, children included; planning not counted). */
  sharedHit: number;
  sharedRead: number;
}

/** The figures of a text-format plan. */
export function readPlan(sql: string, text: string): Plan {
  const lines = text.split('\n');
  const time = (label: string) => Number(new RegExp(`^${label} Time: ([\\d.]+) ms`, 'm').exec(text)?.[1] ?? Number.NaN);
  // The top node's own lines run until its first child, init plan or the summary.
  let buffers = '';
  for (const line of lines.slice(1)) {
    if (/^\s*(->|InitPlan|SubPlan|CTE\s)|^(Planning|Execution|JIT)\b/.test(line)) break;
    const match = /^\s*Buffers: (.*)$/.exec(line);
    if (match) buffers = match[1];
  }
  const shared = (kind: string) => Number(new RegExp(`shared\\b[^,]*?\\b${kind}=(\\d+)`).exec(buffers)?.[1] ?? 0);
  return {
    sql,
    text,
    top: lines[0]?.trim() ?? '',
    executionMs: time('Execution'),
    planningMs: time('Planning'),
    sharedHit: shared('hit'),
    sharedRead: shared('read'),
  };
}

export interface PagePlans {
  page: string;
  /** The floor's statement, its second (warm) run. */
  floor: Plan;
  /** This server's statements for the page, in the order they ran. */
  ours: Plan[];
  /** Statements of the request left out (the sign-in's). */
  leftOut: number;
}

async function explain(client: Client, sql: string, params: readonly unknown[]): Promise<Plan> {
  const result = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql}`, [...params]);
  return readPlan(sql, result.rows.map((row) => row['QUERY PLAN']).join('\n'));
}

/**
 * The plans of every page on a PostgreSQL bench database: the floor's statement run twice (the
 * second, warm, kept) with PostgreSQL's defaults, as serve-floor.ts runs it; this server's
 * statements with JIT off, as its main pool runs them (db/statement-timeout.ts).
 */
export async function explainPages(databaseUrl: string, pages: readonly LoadPage[]): Promise<PagePlans[]> {
  const captures = await captureOurStatements({ databaseUrl }, pages);
  const client = new Client({ connectionString: databaseUrl, options: '-c default_transaction_read_only=on' });
  await client.connect();
  try {
    const plans: PagePlans[] = [];
    for (const [index, page] of pages.entries()) {
      await client.query('reset jit');
      await explain(client, page.floor.sql, page.floor.params);
      const floor = await explain(client, page.floor.sql, page.floor.params);
      await client.query('set jit = off');
      const ours: Plan[] = [];
      // MikroORM inlined the parameters: the text runs as it is.
      for (const statement of captures[index].statements) ours.push(await explain(client, statement.text, []));
      plans.push({ page: page.name, floor, ours, leftOut: captures[index].all.length - ours.length });
    }
    return plans;
  } finally {
    await client.end();
  }
}

/** What the pages need from a filled bench database: its agency, default pipeline, the generator's pinned ids. */
export async function loadContextOf(
  query: <T>(sql: string) => Promise<T[]>,
  agencyName = 'Bench Export Agency',
): Promise<LoadContext> {
  const ids = pinned();
  const [row] = await query<{ agency_id: string; pipeline_id: string; starts_on: string }>(
    `select a.id as agency_id, p.id as pipeline_id,
       (select to_char(starts_on, 'YYYY-MM-DD') from mission where id = '${ids.missionId}') as starts_on
     from agency a join pipeline p on p.agency_id = a.id and p.is_default
     where a.name = '${agencyName.replaceAll("'", "''")}'`,
  );
  if (!row?.starts_on) throw new Error(`No bench agency "${agencyName}" with its pinned mission in this database.`);
  return {
    agencyId: row.agency_id,
    pipelineId: row.pipeline_id,
    companyId: ids.companyId,
    missionId: ids.missionId,
    agendaDay: row.starts_on,
  };
}

/** How the plans were taken, for the reports. */
export const PLANS_METHOD =
  "EXPLAIN (ANALYZE, BUFFERS), text format. The floor's statement ran twice, the second (warm) is shown, with " +
  "PostgreSQL's defaults as serve-floor.ts runs it. This server's statements are those its app (started in the " +
  'process, read only) ran for its second request of the page, the first warming it up; each explained once, with ' +
  'JIT off as its pool runs them; its parameters are inlined by MikroORM, as sent. The sign-in look-up is left out.';

const fixed = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : '–');
const int = (n: number) => n.toLocaleString('en-US');
const cell = (text: string) => `\`${text.replaceAll('|', '\\|').replaceAll('`', "'")}\``;
const SLOWEST = 3;
const SQL_QUOTED = 3000;

function fence(text: string, language = ''): string[] {
  return [`\`\`\`${language}`, text, '```'];
}

/** The plans as markdown: per page, the floor's plan, then this server's statements and its slowest plans in full. */
export function plansReport(plans: readonly PagePlans[], heading: string, about: string): string {
  const out = [`# ${heading}`, '', about, ''];
  for (const page of plans) {
    const total = page.ours.reduce((sum, p) => sum + p.executionMs, 0);
    const planning = page.ours.reduce((sum, p) => sum + p.planningMs, 0);
    out.push(
      `## ${page.page}`,
      '',
      `**Floor** (one statement): ${fixed(page.floor.executionMs)} ms execution, ${fixed(page.floor.planningMs)} ms planning, shared buffers hit ${int(page.floor.sharedHit)}, read ${int(page.floor.sharedRead)}.`,
      '',
      ...fence(page.floor.text),
      '',
      `**This server**: ${page.ours.length} statements (${page.leftOut} more of the request left out: the sign-in's), ` +
        `${fixed(total)} ms execution and ${fixed(planning)} ms planning in all.`,
      '',
      '| # | top of the plan | execution ms | planning ms | shared hit | shared read |',
      '|---:|---|---:|---:|---:|---:|',
      ...page.ours.map(
        (p, i) =>
          `| ${i + 1} | ${cell(p.top)} | ${fixed(p.executionMs)} | ${fixed(p.planningMs)} | ${int(p.sharedHit)} | ${int(p.sharedRead)} |`,
      ),
      '',
    );
    const slowest = page.ours
      .map((plan, i) => ({ plan, i }))
      .sort((a, b) => b.plan.executionMs - a.plan.executionMs)
      .slice(0, SLOWEST);
    for (const { plan, i } of slowest) {
      const sql = plan.sql.length > SQL_QUOTED ? `${plan.sql.slice(0, SQL_QUOTED)} …` : plan.sql;
      out.push(
        `### ${page.page}, statement ${i + 1} (${fixed(plan.executionMs)} ms)`,
        '',
        ...fence(sql, 'sql'),
        '',
        ...fence(plan.text),
        '',
      );
    }
  }
  return out.join('\n');
}
