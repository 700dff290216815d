import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import type { Message } from '../../shared/messages/index.js';
import type { CompanyKind } from '../company/company.enums.js';
import type { ImportKind } from './import.enums.js';
import type { ImportProgress } from './import-progress.js';
import type { Mapping } from './mapping.js';
import type { Table } from './read-file.js';
import type { CellError, CompanyValues, ContactValues, ParticipantValues } from './row-values.js';

export enum RowAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  LINK = 'LINK',
  UNCHANGED = 'UNCHANGED',
  SKIP = 'SKIP',
  ERROR = 'ERROR',
  POSSIBLE_DUPLICATE = 'POSSIBLE_DUPLICATE',
}

export enum DecisionAction {
  LINK = 'LINK',
  CREATE = 'CREATE',
  SKIP = 'SKIP',
}

export interface Decision {
  row: number;
  action: DecisionAction;
  targetId?: string | null;
}

export interface PlanInput {
  kind: ImportKind;
  missionId?: string | null;
  mapping: Mapping;
  decisions: Decision[];
  /** CREATE or SKIP: what every possible duplicate without a decision of its own becomes. */
  undecided?: DecisionAction | null;
  /** Where the run reports how far it got (the wizard's progress bar). */
  progress?: ImportProgress;
}

/** A record of the CRM or an earlier row of the file that a row resembles. */
export interface Candidate {
  id: string | null;
  row: number | null;
  name: string;
  country: string | null;
  city: string | null;
  website: string | null;
  email: string | null;
  score: number;
}

export interface ExistingCompany {
  id: string;
  name: string;
  kind: CompanyKind;
  country: string;
  city: string | null;
  website: string | null;
  brands: string[];
  notes: string | null;
  account_manager_id: string | null;
  sector_ids: string[];
  updated_at: Date;
}

export interface ExistingContact {
  id: string;
  company_id: string;
  full_name: string;
  job_title: string | null;
  email: string | null;
  phone: string | null;
  languages: string[];
  updated_at: Date;
}

export interface RowPlan {
  index: number;
  /** The row as the spreadsheet numbers it (the header is row 1). */
  row: number;
  cells: string[];
  action: RowAction;
  label: string;
  target: { id: string; name: string } | null;
  reasons: Message[];
  errors: CellError[];
  candidates: Candidate[];
  /** Fields an UPDATE changes. */
  changes: string[];
  decision: Decision | null;
  company?: CompanyValues;
  contact?: ContactValues;
  participant?: ParticipantValues;
  /** CONTACTS: the company the person works at. */
  companyId?: string;
}

export interface Plan {
  kind: ImportKind;
  missionId: string | null;
  mapping: Mapping;
  headers: string[];
  rows: RowPlan[];
  /** Errors of the whole import (a required field not mapped, no mission): nothing can be applied. */
  errors: { field: string | null; text: Message }[];
  existingCompanies: Map<string, ExistingCompany>;
  existingContacts: Map<string, ExistingContact>;
  counts: Record<string, number>;
}

export function countActions(rows: readonly RowPlan[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(Object.values(RowAction).map((action) => [action, 0]));
  for (const row of rows) counts[row.action]++;
  counts.total = rows.length;
  return counts;
}

/** The decision for a row number: its own, else the one for every undecided look-alike. */
export type Decisions = Pick<Map<number, Decision>, 'get'>;

/** Plans each row of a table of its kind into `plan` (plan.ts picks the planner for the kind). */
export type RowPlanner = (
  em: EntityManager,
  ctx: Context,
  table: Table,
  input: PlanInput,
  plan: Plan,
  decisions: Decisions,
) => Promise<void>;
