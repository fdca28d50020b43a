/**
 * The two passes every importer makes. CSV: detect the encoding (streaming), check the header,
 * scan the date columns (streaming, first pass) and decide their day/month orders, then stream
 * the records again and map each one. JSON: read the file whole (see json.ts), scan the date
 * fields of its items, then map each item. Duplicate ids become warnings.
 */
import type { ReportInput } from '../core/reports/report-schema.js';
import { detectFileEncoding, readCsvHeader, readCsvRecords } from './csv.js';
import {
  decideDateOrders,
  observeDate,
  type DateEvidence,
  type DateOrders,
} from './date-orders.js';
import { endOfDay, parseDateFormat, startOfDay, type CivilDateTime } from './dates.js';
import { ImportUsageError } from './errors.js';
import {
  addError,
  addWarning,
  finishRow,
  trackDuplicateIds,
  type ImportProblem,
  type ImportRow,
} from './row.js';

/** What a format's mapping function gets besides the record. */
export interface RowContext {
  readonly line: number;
  /** 0-based position of the record among the file's records. */
  readonly index: number;
  readonly problems: ImportProblem[];
  readonly dates: DateOrders;
  /** `--source`: the name to give the source instead of the format's default. */
  readonly source: string | undefined;
}

/** What a format's mapping function returns; problems go into `ctx.problems`. */
export interface MappedRow {
  readonly report?: ReportInput | undefined;
  readonly sourceRecordId?: string | undefined;
}

/** Options common to all formats. */
export interface PipelineOptions {
  readonly source?: string | undefined;
  readonly dateFormat?: string | undefined;
}

/** A CSV format: its name (for messages), required columns, date columns and mapping. */
export interface CsvFormat {
  readonly name: string;
  readonly requiredColumns: readonly string[];
  readonly dateColumns: readonly string[];
  /** The id column: repeated ids get a warning naming the first line. */
  readonly idColumn?: string;
  map(values: Record<string, string>, ctx: RowContext): MappedRow;
}

/**
 * Imports a CSV file in two streaming passes. Throws ImportUsageError (missing columns, bad
 * `--date-format`) or DateFormatAmbiguity before yielding any row; never throws for a bad row.
 */
export async function* importCsv(
  path: string,
  format: CsvFormat,
  options: PipelineOptions,
): AsyncGenerator<ImportRow> {
  const order = options.dateFormat === undefined ? undefined : parseDateFormat(options.dateFormat);
  const encoding = await detectFileEncoding(path);
  const header = await readCsvHeader(path, encoding);
  const missing = format.requiredColumns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new ImportUsageError(
      `${path} is not a ${format.name} file: it lacks the column(s) ${missing.join(', ')} ` +
        `(its header: ${header.slice(0, 12).join(', ')}${header.length > 12 ? ', ...' : ''})`,
    );
  }
  const evidence: DateEvidence = new Map();
  for await (const record of readCsvRecords(path, encoding)) {
    for (const column of format.dateColumns) {
      observeDate(evidence, column, record.values[column] ?? '', record.line);
    }
  }
  const dates = decideDateOrders(evidence, order);
  const seen = trackDuplicateIds();
  let index = -1;
  for await (const record of readCsvRecords(path, encoding)) {
    index += 1;
    const problems = [...record.problems];
    const original = record.values;
    if (!record.readable) {
      yield finishRow({ line: record.line, original, problems });
      continue;
    }
    const ctx: RowContext = { line: record.line, index, problems, dates, source: options.source };
    const mapped = format.map(record.values, ctx);
    if (format.idColumn !== undefined && mapped.sourceRecordId !== undefined) {
      seen(problems, format.idColumn, mapped.sourceRecordId, record.line);
    }
    yield finishRow({ line: record.line, original, problems, ...mapped });
  }
}

/** A JSON format's items (already checked), their lines, date fields and mapping. */
export interface JsonItems {
  readonly items: readonly Record<string, unknown>[];
  readonly lines: readonly number[];
  /** The date cells of an item, as [field, value] pairs (first pass). */
  dateCells(item: Record<string, unknown>): [field: string, value: unknown][];
  readonly idField?: string;
  map(item: Record<string, unknown>, ctx: RowContext): MappedRow;
}

/** Maps parsed JSON items; dates are decided over all items first, as for CSV. */
export function* importJsonItems(spec: JsonItems, options: PipelineOptions): Generator<ImportRow> {
  const order = options.dateFormat === undefined ? undefined : parseDateFormat(options.dateFormat);
  const evidence: DateEvidence = new Map();
  spec.items.forEach((item, i) => {
    for (const [field, value] of spec.dateCells(item)) {
      if (typeof value === 'string') observeDate(evidence, field, value, spec.lines[i] ?? i + 1);
    }
  });
  const dates = decideDateOrders(evidence, order);
  const seen = trackDuplicateIds();
  for (const [i, item] of spec.items.entries()) {
    const line = spec.lines[i] ?? i + 1;
    const problems: ImportProblem[] = [];
    const mapped = spec.map(item, { line, index: i, problems, dates, source: options.source });
    if (spec.idField !== undefined && mapped.sourceRecordId !== undefined) {
      seen(problems, spec.idField, mapped.sourceRecordId, line);
    }
    yield finishRow({ line, original: item, problems, ...mapped });
  }
}

/** One date cell read with the decided orders; its error or warning goes to the row. */
export function readDateField(
  ctx: RowContext,
  field: string,
  value: unknown,
): CivilDateTime | undefined {
  const text = value === undefined || value === null ? '' : String(value);
  const reading = ctx.dates.read(field, text);
  if (reading.warning !== undefined) addWarning(ctx.problems, field, reading.warning);
  if (reading.error !== undefined) addError(ctx.problems, field, reading.error);
  return reading.date;
}

/**
 * A whole-day window: from the start of `from` to the end of `to` (or of `from`). An end before
 * the start is an error on the end field.
 */
export function readDayWindow(
  ctx: RowContext,
  from: readonly [field: string, value: unknown],
  to?: readonly [field: string, value: unknown],
): { observedFrom: string; observedTo: string } | undefined {
  const start = readDateField(ctx, from[0], from[1]);
  const end = to === undefined ? start : readDateField(ctx, to[0], to[1]);
  if (start === undefined || end === undefined) return undefined;
  const window = { observedFrom: startOfDay(start), observedTo: endOfDay(end) };
  if (window.observedTo < window.observedFrom) {
    addError(ctx.problems, to?.[0] ?? from[0], `is before ${from[0]} (${String(from[1])})`);
    return undefined;
  }
  return window;
}
