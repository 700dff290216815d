import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { type Message, render } from '../../shared/messages/index.js';
import { agencyQuery, sql } from '../../shared/sql.js';
import { ImportKind } from './import.enums.js';
import type { ImportInput } from './import.types.js';
import { type ImportCounts, ImportFileInfo, type ImportPreview, type ImportRow } from './import.types.js';
import { loadFile, type StoredFile } from './import-file.service.js';
import { ImportPhase, type ImportProgress } from './import-progress.js';
import { COLUMNS_OF, REQUIRED_FIELDS, suggestMapping } from './mapping.js';
import { planImport } from './plan.js';
import { type Plan, RowAction } from './plan-model.js';
import type { Table } from './read-file.js';

const SAMPLES = 3;

async function rememberedMapping(em: EntityManager, agencyId: string, kind: ImportKind) {
  const rows = await agencyQuery<{ columns: Record<string, string> }>(
    em,
    sql`select columns from import_mapping where agency_id = ${agencyId} and kind = ${kind}`,
  );
  return rows[0]?.columns ?? null;
}

/** The file as a table, with the mapping proposed for `kind` (what the agency chose last time first). */
export async function describeFile(em: EntityManager, ctx: Context, id: string, kind: ImportKind) {
  const file = await loadFile(em, ctx.viewer!.agencyId, id);
  const suggested = suggestMapping(kind, file.table.headers, await rememberedMapping(em, ctx.viewer!.agencyId, kind));
  const { table } = file;
  return Object.assign(new ImportFileInfo(), {
    id: file.id,
    fileName: file.fileName,
    fileSize: file.fileSize,
    sha256: file.sha256,
    format: table.format,
    encoding: table.encoding,
    separator: table.separator,
    sheet: table.sheet,
    rowCount: table.rows.length,
    columns: table.headers.map((header, index) => ({
      index,
      header,
      field: suggested[index],
      samples: table.rows.slice(0, SAMPLES).map((row) => row[index] ?? ''),
    })),
    fields: COLUMNS_OF[kind].map((spec) => ({
      field: spec.field,
      label: spec.label[ctx.language],
      required: REQUIRED_FIELDS[kind].includes(spec.field),
    })),
  });
}

export function planInput(input: ImportInput) {
  return {
    kind: input.kind,
    missionId: input.kind === ImportKind.DELEGATION ? (input.missionId ?? null) : null,
    mapping: input.mapping ?? [],
    decisions: input.decisions ?? [],
    undecided: input.undecided ?? null,
  };
}

export async function previewFile(
  em: EntityManager,
  ctx: Context,
  input: ImportInput,
  progress?: ImportProgress,
): Promise<{ file: StoredFile & { table: Table }; plan: Plan }> {
  progress?.phase(ImportPhase.READING);
  const file = await loadFile(em, ctx.viewer!.agencyId, input.fileId);
  const plan = await planImport(em, ctx, file.table, { ...planInput(input), progress });
  return { file, plan };
}

/** The plan in the viewer's language, headers in place of field keys. */
export function presentPlan(plan: Plan, ctx: Context): ImportPreview {
  const say = (message: Message) => render(message, ctx.language);
  const headerOf = (field: string | null) => {
    const column = field ? plan.mapping.indexOf(field) : -1;
    return column >= 0 ? plan.headers[column] : field;
  };
  const rows: ImportRow[] = plan.rows.map((row) => ({
    row: row.row,
    action: row.action,
    name: row.label,
    target: row.target,
    reasons: row.reasons.map(say),
    errors: row.errors.map((error) => ({
      column: error.column,
      header: error.column != null ? (plan.headers[error.column] ?? null) : headerOf(error.field),
      field: error.field,
      message: say(error.text),
    })),
    candidates: row.candidates.map((candidate) => ({
      ...candidate,
      similarity: Math.round(candidate.score * 100) / 100,
    })),
    changes: row.changes.map((field) => headerOf(field) ?? field),
    decision: row.decision?.action ?? null,
    values: row.cells,
  }));
  const counts: ImportCounts = {
    total: plan.rows.length,
    create: plan.counts[RowAction.CREATE] ?? 0,
    update: plan.counts[RowAction.UPDATE] ?? 0,
    link: plan.counts[RowAction.LINK] ?? 0,
    unchanged: plan.counts[RowAction.UNCHANGED] ?? 0,
    skip: plan.counts[RowAction.SKIP] ?? 0,
    error: plan.counts[RowAction.ERROR] ?? 0,
    possibleDuplicate: plan.counts[RowAction.POSSIBLE_DUPLICATE] ?? 0,
  };
  return {
    counts,
    issues: plan.errors.map((issue) => ({ field: issue.field, message: say(issue.text) })),
    allRows: rows,
  };
}
