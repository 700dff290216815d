import type { IncomingMessage, ServerResponse } from 'node:http';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Context } from '../../graphql/context.js';
import { UnauthenticatedError } from '../../graphql/errors.js';
import { type RouteSignIn, routeContext } from '../../http/route-context.js';
import { errorAnswered } from '../../log/request-scope.js';
import { type Message, msg, render } from '../../shared/messages/index.js';
import { UserErrorsException } from '../../shared/mutation.js';
import { Role } from '../user/user.enums.js';
import { ImportKind } from './import.enums.js';
import { presentPlan, previewFile } from './import.service.js';
import { ImportInput } from './import.types.js';
import { storeFile } from './import-file.service.js';
import { RowAction } from './plan-model.js';

export interface ImportHttpOptions extends RouteSignIn {
  maxImportBytes: number;
}

class TooLarge extends Error {}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** An error answer; its `requestId` is the one of the request's log lines (x-request-id). */
function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message, requestId: errorAnswered(code) } });
}

function sendError(res: ServerResponse, ctx: Pick<Context, 'language'>, status: number, code: string, text: Message) {
  refuse(res, status, code, render(text, ctx.language));
}

/**
 * Reads the upload as it streams in, hashing it, and stops at `limit` bytes: the server never
 * holds more than the cap of one file per request.
 */
async function readUpload(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new TooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}

function fileNameOf(req: IncomingMessage, url: URL): string {
  const header = req.headers['x-file-name'];
  const raw = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('name') ?? '';
  try {
    return decodeURIComponent(raw)
      .replace(/[\\/]|\p{Cc}/gu, '_')
      .trim();
  } catch {
    return raw.trim();
  }
}

async function upload(req: IncomingMessage, res: ServerResponse, url: URL, ctx: Context, options: ImportHttpOptions) {
  // A custom header a cross-site form cannot send: with cookie sign-in, it stands for CSRF protection.
  if (req.headers['x-file-name'] === undefined) {
    refuse(res, 400, 'BAD_REQUEST', 'Send the file name in the x-file-name header.');
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readUpload(req, options.maxImportBytes);
  } catch (error) {
    if (!(error instanceof TooLarge)) throw error;
    req.resume();
    res.setHeader('connection', 'close');
    sendError(res, ctx, 413, 'PAYLOAD_TOO_LARGE', msg('importFileTooLarge', { max: options.maxImportBytes }));
    return;
  }
  try {
    const file = await storeFile(ctx.em, ctx.viewer!, fileNameOf(req, url), bytes);
    sendJson(res, 201, {
      fileId: file.id,
      fileName: file.fileName,
      fileSize: file.fileSize,
      sha256: file.sha256,
      rowCount: file.table.rows.length,
    });
  } catch (error) {
    if (!(error instanceof UserErrorsException)) throw error;
    sendError(res, ctx, 400, 'UNREADABLE_FILE', error.errors[0].text);
  }
}

/** The rows the import rejects, as the file had them, with a column saying why (in the viewer's language). */
async function rejected(res: ServerResponse, url: URL, fileId: string, format: 'csv' | 'xlsx', ctx: Context) {
  const input = Object.assign(new ImportInput(), {
    fileId,
    kind: (url.searchParams.get('kind') as ImportKind) ?? ImportKind.COMPANIES,
    missionId: url.searchParams.get('missionId'),
    mapping: [] as (string | null)[],
    decisions: [],
  });
  if (!Object.values(ImportKind).includes(input.kind)) {
    refuse(res, 400, 'BAD_REQUEST', 'kind must be COMPANIES, CONTACTS or DELEGATION.');
    return;
  }
  try {
    input.mapping = JSON.parse(url.searchParams.get('mapping') ?? '[]');
    if (!Array.isArray(input.mapping)) throw new Error('not a list');
  } catch {
    refuse(res, 400, 'BAD_REQUEST', 'mapping must be a JSON list of fields.');
    return;
  }
  let result: Awaited<ReturnType<typeof previewFile>>;
  try {
    result = await previewFile(ctx.em, ctx, input);
  } catch (error) {
    if (!(error instanceof UserErrorsException)) throw error;
    sendError(res, ctx, 404, 'NOT_FOUND', error.errors[0].text);
    return;
  }
  const { file, plan } = result;
  const preview = presentPlan(plan, ctx);
  const reasonHeader = render(msg('importRejectedReason'), ctx.language);
  const rows = preview.allRows
    .filter((row) => row.action === RowAction.ERROR)
    .map((row) => [
      ...row.values,
      row.errors.map((error) => (error.header ? `${error.header}: ${error.message}` : error.message)).join(' '),
    ]);
  const records = [[...plan.headers, reasonHeader], ...rows];
  const base = file.fileName.replace(/\.[^.]*$/, '') || 'import';
  const name = `${base}-rejected.${format}`;
  const disposition = `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
  if (format === 'csv') {
    const separator = file.table.separator ?? ',';
    const text = stringify(records, { delimiter: separator, bom: true });
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': disposition,
      'cache-control': 'no-store',
    });
    res.end(text);
    return;
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(file.table.sheet ?? 'Import');
  for (const record of records) sheet.addRow(record);
  sheet.getRow(1).font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  res.writeHead(200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': disposition,
    'cache-control': 'no-store',
  });
  res.end(Buffer.from(buffer));
}

/**
 * `POST /import/files` (the raw file as the body, its name in `x-file-name`) and
 * `GET /import/files/{id}/rejected.csv|xlsx?kind=&missionId=&mapping=`. Signed in as for
 * /graphql (session cookie or API token); administrators and account managers only.
 */
export async function handleImportHttp(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: ImportHttpOptions,
): Promise<void> {
  let ctx: Context;
  try {
    const route = await routeContext(req, url, options);
    ctx = route.ctx;
    if (route.setCookie.length > 0) res.setHeader('set-cookie', route.setCookie);
  } catch (error) {
    // Only an unknown token is the caller's to fix; database trouble is answered by the app (503).
    if (!(error instanceof UnauthenticatedError)) throw error;
    req.resume();
    refuse(res, 401, 'UNAUTHENTICATED', error.message);
    return;
  }
  if (!ctx.viewer) {
    req.resume();
    refuse(res, 401, 'UNAUTHENTICATED', 'Sign in first.');
    return;
  }
  if (![Role.ADMIN, Role.ACCOUNT_MANAGER].includes(ctx.viewer.role)) {
    req.resume();
    sendError(res, ctx, 403, 'FORBIDDEN', msg('importForbidden'));
    return;
  }
  if (url.pathname === '/import/files') {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain' }).end('Method not allowed');
      return;
    }
    return upload(req, res, url, ctx, options);
  }
  const match = /^\/import\/files\/([^/]+)\/rejected\.(csv|xlsx)$/.exec(url.pathname);
  if (match && req.method === 'GET') return rejected(res, url, match[1], match[2] as 'csv' | 'xlsx', ctx);
  refuse(res, 404, 'NOT_FOUND', 'Not found.');
}
