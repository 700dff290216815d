import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Language } from '../../shared/messages/index.js';
import {
  csvDelimiter,
  EXCEL_DECIMAL_FORMAT,
  excelDateFormat,
  excelDateTimeFormat,
  formatDateTime,
  formatDay,
  formatDecimal,
  neutralizeCsvText,
  zonedParts,
} from '../../shared/tabular/values.js';
import type { Row } from './export.batches.js';
import type { ExportColumn } from './export.columns.js';

export type ExportFormat = 'csv' | 'xlsx';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Writes a list to a stream batch by batch; `rows` resolves once the stream can take more. */
export interface ListWriter {
  rows(batch: Row[]): Promise<void>;
  end(): Promise<void>;
}

/** Waits until the stream wants more (or is gone: the caller checks and stops). */
export function drained(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

interface WriterOptions {
  columns: ExportColumn[];
  language: Language;
  timeZone: string;
  sheetName: string;
}

/** A cell as text, as the language writes it (CSV). */
function cellText(column: ExportColumn, value: string | Date | null | undefined, options: WriterOptions): string {
  if (value == null) return '';
  switch (column.kind) {
    case 'day':
      return formatDay(String(value), options.language);
    case 'datetime':
      return formatDateTime(value instanceof Date ? value : new Date(value), options.language, options.timeZone);
    case 'decimal':
      return formatDecimal(String(value), options.language);
    default:
      return neutralizeCsvText(String(value));
  }
}

/**
 * CSV for Excel: UTF-8 with a BOM, CRLF, fields separated by the language's list separator
 * ("," en, ";" fr and ru), quoted when needed.
 */
export function csvWriter(out: Writable, options: WriterOptions): ListWriter {
  const format = { delimiter: csvDelimiter(options.language), record_delimiter: '\r\n' as const };
  out.write(`\ufeff${stringify([options.columns.map((column) => column.label[options.language])], format)}`);
  return {
    async rows(batch) {
      if (batch.length === 0) return;
      const records = batch.map((row) => options.columns.map((column) => cellText(column, row[column.field], options)));
      out.write(stringify(records, format));
      await drained(out);
    },
    async end() {
      await new Promise<void>((resolve) => out.end(resolve));
    },
  };
}

/** An Excel date is wall-clock time with no zone: the instant's day and time where it is read. */
function excelInstant(value: Date, timeZone: string): Date {
  const { day, time } = zonedParts(value, timeZone);
  return new Date(`${day}T${time}:00Z`);
}

function cellValue(column: ExportColumn, value: string | Date | null | undefined, timeZone: string) {
  if (value == null) return null;
  switch (column.kind) {
    case 'day':
      return new Date(`${String(value)}T00:00:00Z`);
    case 'datetime':
      return excelInstant(value instanceof Date ? value : new Date(value), timeZone);
    case 'decimal':
      return Number(value);
    default:
      return String(value);
  }
}

/**
 * XLSX through exceljs's streaming writer: rows are committed as they come and the zip goes
 * out as it is built. Typed cells: numbers, and dates with the language's number format; the
 * header row is bold and frozen.
 */
export function xlsxWriter(out: Writable, options: WriterOptions): ListWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(options.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = options.columns.map((column) => ({
    key: column.field,
    width: column.width,
    style:
      column.kind === 'day'
        ? { numFmt: excelDateFormat(options.language) }
        : column.kind === 'datetime'
          ? { numFmt: excelDateTimeFormat(options.language) }
          : column.kind === 'decimal'
            ? { numFmt: EXCEL_DECIMAL_FORMAT }
            : {},
  }));
  const header = sheet.addRow(options.columns.map((column) => column.label[options.language]));
  header.font = { bold: true };
  header.commit();
  return {
    async rows(batch) {
      for (const row of batch) {
        sheet.addRow(options.columns.map((column) => cellValue(column, row[column.field], options.timeZone))).commit();
      }
      await drained(out);
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
