import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { isUuid } from '../../shared/ids.js';
import { msg } from '../../shared/messages/index.js';
import { agencyQuery, sql } from '../../shared/sql.js';
import { ImportKind } from './import.enums.js';
import { ImportPhase } from './import-progress.js';
import { COLUMNS_OF, type Mapping, REQUIRED_FIELDS } from './mapping.js';
import { planCompanies } from './plan-companies.js';
import { planContacts } from './plan-contacts.js';
import { countActions, DecisionAction, type Decisions, type Plan, type PlanInput } from './plan-model.js';
import type { Table } from './read-file.js';

/** Whole-import problems: the fields every row needs must be mapped, each field once, and known. */
function mappingErrors(kind: ImportKind, mapping: Mapping): Plan['errors'] {
  const errors: Plan['errors'] = [];
  const known = new Set(COLUMNS_OF[kind].map((spec) => spec.field));
  const seen = new Set<string>();
  for (const field of mapping) {
    if (!field) continue;
    if (!known.has(field)) errors.push({ field, text: msg('importUnknownField', { field }) });
    else if (seen.has(field)) errors.push({ field, text: msg('importFieldMappedTwice', { field }) });
    seen.add(field);
  }
  for (const field of REQUIRED_FIELDS[kind]) {
    if (!seen.has(field)) errors.push({ field, text: msg('importFieldNotMapped', { field }) });
  }
  return errors;
}
/**
 * What importing the table would do, row by row, without writing anything: the same reads
 * whether it previews or applies (apply runs it inside its transaction).
 */
export async function planImport(em: EntityManager, ctx: Context, table: Table, input: PlanInput): Promise<Plan> {
  const mapping = table.headers.map((_, column) => input.mapping[column] ?? null);
  const plan: Plan = {
    kind: input.kind,
    missionId: input.missionId ?? null,
    mapping,
    headers: table.headers,
    rows: [],
    errors: mappingErrors(input.kind, mapping),
    existingCompanies: new Map(),
    existingContacts: new Map(),
    counts: {},
  };
  if (input.kind === ImportKind.DELEGATION) {
    const missions =
      input.missionId && isUuid(input.missionId)
        ? await agencyQuery<{ id: string }>(
            em,
            sql`select id from mission where agency_id = ${ctx.viewer!.agencyId} and id = ${input.missionId}`,
          )
        : [];
    if (missions.length === 0) plan.errors.push({ field: 'missionId', text: msg('importNeedsMission') });
  }
  if (plan.errors.length === 0) {
    const byRow = new Map(input.decisions.map((decision) => [decision.row, decision]));
    const otherwise = input.undecided === DecisionAction.LINK ? null : input.undecided;
    const decisions: Decisions = {
      get: (row) => byRow.get(row) ?? (otherwise ? { row, action: otherwise } : undefined),
    };
    const work = { ...input, mapping };
    input.progress?.phase(ImportPhase.MATCHING);
    if (input.kind === ImportKind.CONTACTS) await planContacts(em, ctx, table, work, plan, decisions);
    else await planCompanies(em, ctx, table, work, plan, decisions);
  }
  plan.counts = countActions(plan.rows);
  return plan;
}
