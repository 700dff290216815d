import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../shared/user-error.js';
import { ImportKind } from './import.enums.js';
import { ImportBatch } from './import-batch.entity.js';
import { DecisionAction, RowAction } from './plan-model.js';

registerEnumType(RowAction, {
  name: 'ImportRowAction',
  description:
    'What applying the import does with a row: CREATE a record, UPDATE the matched one, LINK an existing company to the mission, leave it UNCHANGED, SKIP it, reject it (ERROR), or wait for a decision (POSSIBLE_DUPLICATE).',
});
registerEnumType(DecisionAction, {
  name: 'ImportDecisionAction',
  description: 'For a possible duplicate: LINK it to the record it resembles, CREATE it anyway, or SKIP it.',
});

@ObjectType({ description: 'A column of the file and the field proposed for it.' })
export class ImportColumn {
  @Field(() => Int, { description: 'Position in the file, from 0.' })
  index!: number;

  @Field()
  header!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The field proposed (remembered, else from the header); null: ignored.',
  })
  field!: string | null;

  @Field(() => [String], { description: 'The first values of the column.' })
  samples!: string[];
}

@ObjectType({ description: 'A field the rows of this kind of import can fill.' })
export class ImportField {
  @Field()
  field!: string;

  @Field({ description: "Its header in the viewer's language." })
  label!: string;

  @Field()
  required!: boolean;
}

@ObjectType({ description: 'An uploaded file, read as a table (kept a day).' })
export class ImportFileInfo {
  @Field(() => ID)
  id!: string;

  @Field()
  fileName!: string;

  @Field(() => Int)
  fileSize!: number;

  @Field()
  sha256!: string;

  @Field({ description: 'CSV or XLSX.' })
  format!: string;

  @Field(() => String, { nullable: true, description: 'CSV: UTF-8, WINDOWS-1251 or WINDOWS-1252.' })
  encoding!: string | null;

  @Field(() => String, { nullable: true, description: 'CSV: the separator found (",", ";" or a tab).' })
  separator!: string | null;

  @Field(() => String, { nullable: true, description: 'XLSX: the sheet read.' })
  sheet!: string | null;

  @Field(() => Int, { description: 'Data rows, under the header row.' })
  rowCount!: number;

  @Field(() => [ImportColumn])
  columns!: ImportColumn[];

  @Field(() => [ImportField])
  fields!: ImportField[];
}

@InputType()
export class ImportDecisionInput {
  @Field(() => Int, { description: 'The row number, as the preview gives it.' })
  row!: number;

  @Field(() => DecisionAction)
  action!: DecisionAction;

  @Field(() => ID, { nullable: true, description: 'LINK: the record to link the row to (one of its candidates).' })
  @IsOptional()
  @IsUUID('all')
  targetId?: string | null;
}

@InputType({ description: 'A file, what its rows become, how its columns map, and the decisions taken.' })
export class ImportInput {
  @Field(() => ID)
  @IsUUID('all')
  fileId!: string;

  @Field(() => ImportKind)
  kind!: ImportKind;

  @Field(() => ID, { nullable: true, description: 'DELEGATION: the mission whose delegation the rows join.' })
  @IsOptional()
  @IsUUID('all')
  missionId?: string | null;

  @Field(() => [String], {
    nullable: 'items',
    description: 'The field of each column, by position (null or absent: ignored).',
  })
  @IsArray()
  @ArrayMaxSize(200)
  mapping!: (string | null)[];

  @Field(() => [ImportDecisionInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20_000)
  decisions!: ImportDecisionInput[];

  @Field(() => DecisionAction, {
    nullable: true,
    description:
      'CREATE or SKIP: what every possible duplicate without a decision of its own becomes (LINK is ignored).',
  })
  @IsOptional()
  @IsIn([DecisionAction.CREATE, DecisionAction.SKIP])
  undecided?: DecisionAction | null;
}

@ObjectType()
export class ImportRecordRef {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'A problem with a cell (or with the row when column is null).' })
export class ImportCellError {
  @Field(() => Int, { nullable: true })
  column!: number | null;

  @Field(() => String, { nullable: true })
  header!: string | null;

  @Field(() => String, { nullable: true })
  field!: string | null;

  @Field()
  message!: string;
}

@ObjectType({ description: 'A record of the CRM (id) or an earlier row of the file (row) that a row resembles.' })
export class ImportCandidate {
  @Field(() => ID, { nullable: true })
  id!: string | null;

  @Field(() => Int, { nullable: true })
  row!: number | null;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  country!: string | null;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => Float, { description: 'Trigram similarity of the names, 0 to 1.' })
  similarity!: number;
}

@ObjectType()
export class ImportRow {
  @Field(() => Int, { description: 'As the spreadsheet numbers it (the header is row 1).' })
  row!: number;

  @Field(() => RowAction)
  action!: RowAction;

  @Field()
  name!: string;

  @Field(() => ImportRecordRef, { nullable: true, description: 'The record the row updates or links.' })
  target!: ImportRecordRef | null;

  @Field(() => [String])
  reasons!: string[];

  @Field(() => [ImportCellError])
  errors!: ImportCellError[];

  @Field(() => [ImportCandidate])
  candidates!: ImportCandidate[];

  @Field(() => [String], { description: 'The headers of the columns an UPDATE changes.' })
  changes!: string[];

  @Field(() => DecisionAction, { nullable: true })
  decision!: DecisionAction | null;

  @Field(() => [String], { description: "The row's cells, in the file's column order." })
  values!: string[];
}

@ObjectType()
export class ImportCounts {
  @Field(() => Int) total!: number;
  @Field(() => Int) create!: number;
  @Field(() => Int) update!: number;
  @Field(() => Int) link!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) skip!: number;
  @Field(() => Int) error!: number;
  @Field(() => Int) possibleDuplicate!: number;
}

@ObjectType({ description: 'A problem with the whole import (a required field without a column, no mission).' })
export class ImportIssue {
  @Field(() => String, { nullable: true })
  field!: string | null;

  @Field()
  message!: string;
}

@ObjectType()
export class ImportRowPage {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [ImportRow], { complexity: 100 })
  nodes!: ImportRow[];
}

@ObjectType({ description: 'What applying would do; nothing was written.' })
export class ImportPreview {
  @Field(() => ImportCounts)
  counts!: ImportCounts;

  @Field(() => [ImportIssue])
  issues!: ImportIssue[];

  /** Every row, for the field resolver to page. */
  allRows!: ImportRow[];
}

@ObjectType()
export class ImportPreviewPayload {
  @Field(() => ImportPreview, { nullable: true })
  preview?: ImportPreview;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class ApplyImportPayload {
  @Field(() => ImportBatch, { nullable: true })
  batch?: ImportBatch;

  @Field(() => ImportPreview, { nullable: true, description: 'What was applied, row by row.' })
  preview?: ImportPreview;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class UndoImportPayload {
  @Field(() => ImportBatch, { nullable: true })
  batch?: ImportBatch;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
