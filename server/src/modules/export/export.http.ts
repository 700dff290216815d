import type { IncomingMessage, ServerResponse } from 'node:http';
import { agencyEm } from '../../db/agency-scope.js';
import type { Context } from '../../graphql/context.js';
import type { CostBudget } from '../../graphql/cost-budget.js';
import { UnauthenticatedError } from '../../graphql/errors.js';
import { type RouteSignIn, routeContext } from '../../http/route-context.js';
import type { Logger } from '../../log/logger.js';
import { errorAnswered } from '../../log/request-scope.js';
import { type Language, type Message, msg, render } from '../../shared/messages/index.js';
import { recordAudit } from '../audit/audit.service.js';
import { isTimeZone } from '../mission/time-zone.js';
import { EXPORT_BATCH_SIZE } from './export.batches.js';
import { EXPORT_LISTS, type ExportList, ExportRequestError, planExport } from './export.lists.js';
import { CONTENT_TYPES, csvWriter, type ExportFormat, type ListWriter, xlsxWriter } from './export.writers.js';

export const EXPORT_PATH = /^\/export\/([a-z]+)\.(csv|xlsx)$/;

export interface ExportHttpOptions extends RouteSignIn {
  log: Logger;
  /** Rows per statement (tests make it small to count statements). */
  batchSize?: number;
  /** API tokens' cost budget (graphql/cost-budget.ts), shared with /graphql: a row costs a point. */
  budget?: CostBudget;
}

function refuse(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, requestId: errorAnswered(code) } }] }));
}

const SHEET_NAMES: Record<ExportList, Record<Language, string>> = {
  companies: { en: 'Companies', fr: 'Sociétés', ru: 'Компании' },
  contacts: { en: 'Contacts', fr: 'Contacts', ru: 'Контакты' },
  deals: { en: 'Deals', fr: 'Affaires', ru: 'Сделки' },
  interactions: { en: 'Interactions', fr: 'Interactions', ru: 'Взаимодействия' },
  delegation: { en: 'Delegation', fr: 'Délégation', ru: 'Делегация' },
  agenda: { en: 'Agenda', fr: 'Agenda', ru: 'Программа' },
};

/**
 * GET /export/<list>.<csv|xlsx>?filter=&orderBy=&missionId=&day=&lang=&tz=
 *
 * The list as the UI shows it (same filter and order JSON as its GraphQL query), authenticated
 * like /graphql (session cookie or `Authorization: Bearer <API token>`), agency-scoped, streamed
 * batch by batch, and audited (one `export` event per file: see docs/export.md).
 */
export function exportHandler(options: ExportHttpOptions) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const match = EXPORT_PATH.exec(url.pathname);
    const list = match?.[1] as ExportList | undefined;
    if (!match || !list || !(EXPORT_LISTS as readonly string[]).includes(list)) {
      return refuse(res, 404, 'NOT_FOUND', `No such export. Lists: ${EXPORT_LISTS.join(', ')}; formats: csv, xlsx.`);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET', 'content-type': 'text/plain' }).end('Method not allowed');
      return;
    }
    const format = match[2] as ExportFormat;
    let ctx: Context;
    try {
      const route = await routeContext(req, url, options);
      ctx = route.ctx;
      if (route.setCookie.length > 0) res.setHeader('set-cookie', route.setCookie);
    } catch (error) {
      if (error instanceof UnauthenticatedError) return refuse(res, 401, 'UNAUTHENTICATED', error.message);
      throw error;
    }
    const say = (message: Message) => render(message, ctx.language);
    if (!ctx.viewer) return refuse(res, 401, 'UNAUTHENTICATED', say(msg('exportSignIn')));

    const tz = url.searchParams.get('tz');
    if (tz != null && !isTimeZone(tz)) {
      return refuse(res, 400, 'BAD_USER_INPUT', say(msg('exportBadTimeZone', { zone: tz })));
    }
    let plan: Awaited<ReturnType<typeof planExport>>;
    try {
      plan = await planExport(ctx.em, ctx, list, {
        filter: url.searchParams.get('filter'),
        orderBy: url.searchParams.get('orderBy'),
        missionId: url.searchParams.get('missionId'),
        day: url.searchParams.get('day'),
      });
    } catch (error) {
      if (error instanceof ExportRequestError) {
        return refuse(res, error.status, error.status === 404 ? 'NOT_FOUND' : 'BAD_USER_INPUT', say(error.detail));
      }
      throw error;
    }

    // A token's export spends its user's budget as GraphQL lists do, a point a row: the first
    // batch up front (refused with 429 when spent), the rest once the rows are counted.
    const budgetKey = ctx.viewer.via === 'token' && options.budget ? `user:${ctx.viewer.userId}` : undefined;
    const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
    if (budgetKey) {
      const taken = await options.budget!.take(budgetKey, batchSize);
      if (!taken.ok) {
        return refuse(
          res,
          429,
          'RATE_LIMITED',
          say(msg('exportRateLimited', { seconds: taken.retryAfterSeconds, perMinute: options.budget!.perMinute })),
          { 'retry-after': String(taken.retryAfterSeconds) },
        );
      }
    }

    const day = new Date().toISOString().slice(0, 10);
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="${list}-${day}.${format}"`,
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') {
      if (budgetKey) await options.budget!.settle(budgetKey, -batchSize);
      return void res.end();
    }

    const writerOptions = {
      columns: plan.columns,
      language: ctx.language,
      timeZone: plan.timeZone ?? tz ?? 'UTC',
      sheetName: SHEET_NAMES[list][ctx.language],
    };
    let aborted = false;
    res.once('close', () => {
      if (!res.writableFinished) aborted = true;
    });
    const writer: ListWriter = format === 'csv' ? csvWriter(res, writerOptions) : xlsxWriter(res, writerOptions);
    let rows = 0;
    // One event per export, written before the file's last bytes (a client that has the file finds
    // it in the log), or once the download was cut. Lists of the whole agency point at the agency
    // (entityId: the viewer's agency id), a mission's lists at the mission.
    const audit = async (completed: boolean) => {
      if (budgetKey) await options.budget!.settle(budgetKey, rows - batchSize);
      const em = agencyEm(ctx.rootEm, ctx.viewer!.agencyId);
      recordAudit(em, ctx, {
        action: 'export',
        entity: plan.audit.entity,
        entityId: plan.audit.entityId,
        after: {
          list,
          format,
          language: ctx.language,
          filter: plan.audit.filter ?? null,
          orderBy: plan.audit.orderBy ?? null,
          ...(plan.audit.missionId ? { missionId: plan.audit.missionId } : {}),
          ...(plan.audit.day ? { day: plan.audit.day } : {}),
          rows,
          completed,
        },
      });
      await em.flush();
    };
    try {
      for await (const batch of plan.batches(batchSize)) {
        if (aborted) break;
        await writer.rows(batch);
        rows += batch.length;
      }
    } catch (error) {
      options.log.error({ err: error, list, format }, 'Export failed while streaming');
      res.destroy();
      await audit(false);
      return;
    }
    await audit(!aborted);
    if (!aborted) await writer.end();
  };
}
