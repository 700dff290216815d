import { fold } from '../../shared/fold.js';
import { COMPANY_COLUMNS, CONTACT_COLUMNS, type ColumnSpec, DELEGATION_COLUMNS } from '../../shared/tabular/columns.js';
import { ImportKind } from './import.enums.js';

/** Which field each column of the file fills; null ignores the column. Indexed by column position. */
export type Mapping = (string | null)[];

export const COLUMNS_OF: Record<ImportKind, ColumnSpec[]> = {
  [ImportKind.COMPANIES]: COMPANY_COLUMNS,
  [ImportKind.CONTACTS]: CONTACT_COLUMNS,
  [ImportKind.DELEGATION]: DELEGATION_COLUMNS,
};

/** The fields a row cannot do without, per kind. */
export const REQUIRED_FIELDS: Record<ImportKind, string[]> = {
  [ImportKind.COMPANIES]: ['name'],
  [ImportKind.CONTACTS]: ['fullName', 'company'],
  [ImportKind.DELEGATION]: ['name'],
};

/** The key a header is remembered by: "Raison sociale " and "RAISON SOCIALE" are the same column. */
export const headerKey = (header: string): string => fold(header);

function synonymIndex(kind: ImportKind): Map<string, string> {
  const index = new Map<string, string>();
  // Own labels and field keys first, then synonyms: "Company" is the contact's company, not its name.
  for (const spec of COLUMNS_OF[kind]) {
    for (const text of [spec.field, spec.label.en, spec.label.fr, spec.label.ru]) {
      const key = headerKey(text);
      if (key && !index.has(key)) index.set(key, spec.field);
    }
  }
  for (const spec of COLUMNS_OF[kind]) {
    for (const text of spec.synonyms) {
      const key = headerKey(text);
      if (key && !index.has(key)) index.set(key, spec.field);
    }
  }
  return index;
}

const INDEXES = new Map<ImportKind, Map<string, string>>();

/**
 * The mapping to propose for a file's headers: what the agency chose last time for the same
 * header, else the field whose label or synonym (in any language) folds to the header. A field
 * is proposed for one column only, the first.
 */
export function suggestMapping(
  kind: ImportKind,
  headers: readonly string[],
  remembered: Record<string, string> | null | undefined,
): Mapping {
  let index = INDEXES.get(kind);
  if (!index) {
    index = synonymIndex(kind);
    INDEXES.set(kind, index);
  }
  const fields = new Set(COLUMNS_OF[kind].map((spec) => spec.field));
  const taken = new Set<string>();
  return headers.map((header) => {
    const key = headerKey(header);
    if (!key) return null;
    const rememberedField = remembered?.[key];
    const field =
      rememberedField !== undefined ? (rememberedField === '' ? null : rememberedField) : (index.get(key) ?? null);
    if (!field || !fields.has(field) || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** The mapping as the agency remembers it: folded header → field ("" for a column people chose to ignore). */
export function rememberedColumns(headers: readonly string[], mapping: Mapping): Record<string, string> {
  const columns: Record<string, string> = {};
  headers.forEach((header, column) => {
    const key = headerKey(header);
    if (key && !(key in columns)) columns[key] = mapping[column] ?? '';
  });
  return columns;
}
