import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { restoreCsvText } from '../../shared/tabular/values.js';

export type FileFormat = 'CSV' | 'XLSX';
export type TextEncoding = 'UTF-8' | 'WINDOWS-1251' | 'WINDOWS-1252';

/** A file read as a table: its header row and the data rows, every cell as trimmed text. */
export interface Table {
  format: FileFormat;
  encoding: TextEncoding | null;
  separator: string | null;
  sheet: string | null;
  headers: string[];
  /** Data rows; `rowNumbers[i]` is the line (CSV record) or sheet row of `rows[i]` as people count them. */
  rows: string[][];
  rowNumbers: number[];
}

export class UnreadableFileError extends Error {}

const SEPARATORS = [';', ',', '\t'] as const;

const isZip = (bytes: Buffer) => bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50;

/**
 * UTF-8 when the bytes decode as UTF-8 (with or without BOM); otherwise a Windows code page: 1251
 * when the bytes above 0xC0 come in runs (Cyrillic words), 1252 when they sit alone between
 * ASCII letters (accents in French, Spanish or German words).
 */
export function detectEncoding(bytes: Buffer): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'UTF-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'UTF-8';
  } catch {
    let high = 0;
    let inRuns = 0;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] < 0xc0) continue;
      high++;
      if ((bytes[i - 1] ?? 0) >= 0xc0 || (bytes[i + 1] ?? 0) >= 0xc0) inRuns++;
    }
    return high > 0 && inRuns / high > 0.5 ? 'WINDOWS-1251' : 'WINDOWS-1252';
  }
}

function decode(bytes: Buffer, encoding: TextEncoding): string {
  const text = encoding === 'UTF-8' ? bytes.toString('utf8') : iconv.decode(bytes, encoding.toLowerCase());
  return text.replace(/^\uFEFF/, '');
}

function parseCsv(text: string, delimiter: string, toLine?: number): string[][] {
  return parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
    ...(toLine ? { to_line: toLine } : {}),
  }) as string[][];
}

/** The separator that splits the first lines into the most columns, the same number on each line. */
export function detectSeparator(text: string): string {
  let best: { separator: string; score: number } = { separator: ',', score: 0 };
  for (const separator of SEPARATORS) {
    let records: string[][];
    try {
      records = parseCsv(text, separator, 20);
    } catch {
      continue;
    }
    const widths = records.map((record) => record.length);
    const width = widths[0] ?? 0;
    const consistent = widths.filter((w) => w === width).length / Math.max(widths.length, 1);
    const score = width > 1 ? width * consistent : 0;
    if (score > best.score) best = { separator, score };
  }
  return best.separator;
}

const blank = (row: string[]) => row.every((cell) => cell === '');

function tableOf(
  format: FileFormat,
  details: Pick<Table, 'encoding' | 'separator' | 'sheet'>,
  records: string[][],
  numbers: number[],
): Table {
  const headerIndex = records.findIndex((row) => !blank(row));
  if (headerIndex < 0) throw new UnreadableFileError('empty');
  const headers = records[headerIndex].map((header) => header.trim());
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    if (blank(records[i])) continue;
    rows.push(headers.map((_, column) => restoreCsvText((records[i][column] ?? '').trim())));
    rowNumbers.push(numbers[i]);
  }
  return { format, ...details, headers, rows, rowNumbers };
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('hyperlink' in value) return String((value as { text?: unknown }).text ?? value.hyperlink ?? '');
    if ('result' in value) return String(value.result ?? '');
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
  }
  return String(cell.text ?? value);
}

async function readXlsx(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError('xlsx');
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) throw new UnreadableFileError('empty');
  const records: string[][] = [];
  const numbers: number[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) cells.push(cellText(row.getCell(column)).trim());
    records.push(cells);
    numbers.push(rowNumber);
  });
  // Trailing columns with no header and no value are Excel's formatting, not data.
  const table = tableOf('XLSX', { encoding: null, separator: null, sheet: sheet.name }, records, numbers);
  let keep = table.headers.length;
  while (keep > 0 && table.headers[keep - 1] === '' && table.rows.every((row) => row[keep - 1] === '')) keep--;
  table.headers = table.headers.slice(0, keep);
  table.rows = table.rows.map((row) => row.slice(0, keep));
  return table;
}

function readCsv(bytes: Buffer): Table {
  const encoding = detectEncoding(bytes);
  const text = decode(bytes, encoding);
  const separator = detectSeparator(text);
  let records: string[][];
  try {
    records = parseCsv(text, separator);
  } catch {
    throw new UnreadableFileError('csv');
  }
  // Line numbers: the header is line 1, then each record counted as one row, as a spreadsheet shows it.
  const numbers = records.map((_, index) => index + 1);
  return tableOf('CSV', { encoding, separator, sheet: null }, records, numbers);
}

/** Reads CSV (UTF-8 with or without BOM, Windows-1251 or -1252; `,` `;` or tab) or XLSX (first sheet with data). */
export async function readTable(bytes: Buffer): Promise<Table> {
  return isZip(bytes) ? readXlsx(bytes) : readCsv(bytes);
}
