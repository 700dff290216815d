import { registerEnumType } from 'type-graphql';

export enum ImportKind {
  COMPANIES = 'COMPANIES',
  CONTACTS = 'CONTACTS',
  /** Rows become companies (linked to existing ones where they match) and participants of a mission. */
  DELEGATION = 'DELEGATION',
}

export enum ImportBatchStatus {
  APPLIED = 'APPLIED',
  UNDONE = 'UNDONE',
}

registerEnumType(ImportKind, { name: 'ImportKind', description: 'What the rows of an import file become.' });
registerEnumType(ImportBatchStatus, { name: 'ImportBatchStatus' });
