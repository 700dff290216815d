import { msg } from '../../shared/messages/index.js';
import { ImportPhase, type ImportProgress } from './import-progress.js';
import {
  DecisionAction,
  type Decisions,
  type ExistingCompany,
  type ExistingContact,
  type Plan,
  RowAction,
  type RowPlan,
} from './plan-model.js';
import type { Table } from './read-file.js';
import type { CompanyValues, ContactValues } from './row-values.js';

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** The given fields whose value differs from the record's (empty cells leave a field as it is). */
export function companyChanges(values: CompanyValues, existing: ExistingCompany): string[] {
  const changed: string[] = [];
  const differs: Record<string, () => boolean> = {
    name: () => values.name.trim() !== existing.name,
    kind: () => values.kind !== existing.kind,
    country: () => values.country !== existing.country,
    city: () => values.city !== existing.city,
    website: () => values.website !== existing.website,
    brands: () => !sameList(values.brands, existing.brands),
    notes: () => values.notes !== existing.notes,
    sectors: () => !sameList(values.sectorIds, existing.sector_ids),
    accountManager: () => values.accountManagerId !== existing.account_manager_id,
  };
  for (const [field, check] of Object.entries(differs)) if (values.given.has(field) && check()) changed.push(field);
  return changed;
}

export function contactChanges(values: ContactValues, companyId: string, existing: ExistingContact): string[] {
  const changed: string[] = [];
  const differs: Record<string, () => boolean> = {
    fullName: () => values.fullName.trim() !== existing.full_name,
    company: () => companyId !== existing.company_id,
    jobTitle: () => values.jobTitle !== existing.job_title,
    email: () => values.email?.toLowerCase() !== existing.email?.toLowerCase(),
    phone: () => values.phone !== existing.phone,
    languages: () => !sameList(values.languages, existing.languages),
  };
  for (const [field, check] of Object.entries(differs)) if (values.given.has(field) && check()) changed.push(field);
  return changed;
}

function newRow(table: Table, index: number): RowPlan {
  return {
    index,
    row: table.rowNumbers[index],
    cells: table.rows[index],
    action: RowAction.CREATE,
    label: '',
    target: null,
    reasons: [],
    errors: [],
    candidates: [],
    changes: [],
    decision: null,
  };
}
/** The table's rows, each as a new RowPlan added to the plan, the progress counting them. */
export async function* plannedRows(table: Table, plan: Plan, progress?: ImportProgress): AsyncGenerator<RowPlan> {
  progress?.phase(ImportPhase.CHECKING, table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    await progress?.step(i);
    const row = newRow(table, i);
    plan.rows.push(row);
    yield row;
  }
}

/**
 * Settles a row that resembles others: without a decision it waits for one; SKIP skips it,
 * CREATE creates it, LINK takes the chosen record (one of the candidates) as its match.
 */
function decide(row: RowPlan, decisions: Decisions): 'wait' | 'skip' | 'create' | { id: string } {
  const decision = decisions.get(row.row);
  row.decision = decision ?? null;
  if (!decision) return 'wait';
  if (decision.action === DecisionAction.SKIP) return 'skip';
  if (decision.action === DecisionAction.CREATE) return 'create';
  const chosen = row.candidates.find((candidate) => candidate.id && candidate.id === decision.targetId);
  return chosen?.id ? { id: chosen.id } : 'wait';
}

/** The record a row names by its id column, saying so (or that no record has that id). */
export function byOwnId<T>(
  row: RowPlan,
  id: string | null,
  byId: Map<string, T>,
  name: (record: T) => string,
): T | undefined {
  if (!id) return undefined;
  const target = byId.get(id);
  row.reasons.push(target ? msg('importReasonSameId', { name: name(target) }) : msg('importReasonUnknownId'));
  return target;
}

/** A row an earlier row of the file already stands for is skipped, saying which; true when it is. */
export function skippedAsEarlierRow(row: RowPlan, sameRow: number | undefined): boolean {
  if (sameRow === undefined) return false;
  row.action = RowAction.SKIP;
  row.reasons = [msg('importReasonSameAsRow', { row: sameRow })];
  return true;
}

/**
 * A row that matches no record, given its look-alikes (`row.candidates`): none, it is created;
 * else per its decision it waits (POSSIBLE_DUPLICATE), is skipped, is created anyway, or takes
 * the record chosen as its match.
 */
export function settleLookAlikes<T>(
  row: RowPlan,
  decisions: Decisions,
  byId: Map<string, T>,
  name: (record: T) => string,
): { skip: boolean; created: boolean; target?: T } {
  if (row.candidates.length === 0) return { skip: false, created: true };
  const outcome = decide(row, decisions);
  if (outcome === 'wait') {
    row.action = RowAction.POSSIBLE_DUPLICATE;
    row.reasons.push(msg('importReasonSimilar', { count: row.candidates.length }));
    return { skip: false, created: false };
  }
  if (outcome === 'skip') {
    row.action = RowAction.SKIP;
    row.reasons.push(msg('importReasonSkipped'));
    return { skip: true, created: false };
  }
  if (outcome === 'create') {
    row.reasons.push(msg('importReasonCreateAnyway'));
    return { skip: false, created: true };
  }
  const target = byId.get(outcome.id);
  if (target) row.reasons.push(msg('importReasonLinked', { name: name(target) }));
  return { skip: false, created: false, target };
}

/** A row matched to a record updates the fields that differ, or leaves it unchanged. */
export function updateOrUnchanged(row: RowPlan, changes: string[]): void {
  row.changes = changes;
  row.action = changes.length > 0 ? RowAction.UPDATE : RowAction.UNCHANGED;
  row.reasons.push(
    changes.length > 0 ? msg('importReasonChanges', { fields: changes.join(', ') }) : msg('importReasonUnchanged'),
  );
}

/** A row that creates a record (saying it is new unless a reason says why already). */
export function markCreated(row: RowPlan): void {
  row.action = RowAction.CREATE;
  if (row.reasons.length === 0) row.reasons.push(msg('importReasonNew'));
}
