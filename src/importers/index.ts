/**
 * Importers: the files analysts use (UCDP GED CSV and GeoJSON, ACLED, VIINA, CIR, Bellingcat,
 * generic GeoJSON and mapped CSV) read as ReportInput values, one row at a time. CSV streams
 * (two passes: dates, then rows) in any size; JSON is read whole (small files). Whatever is wrong
 * with a row is a problem on that row, never an exception; only usage mistakes
 * (ImportUsageError) and undecidable date columns (DateFormatAmbiguity) throw, before any row.
 */
import { stat } from 'node:fs/promises';
import { readAcledCsv } from './acled.js';
import { readBellingcatJson } from './bellingcat.js';
import { readCirCsv } from './cir.js';
import { ImportUsageError } from './errors.js';
import { readGenericCsv } from './generic-csv.js';
import { readGeoJson } from './geojson.js';
import type { PipelineOptions } from './pipeline.js';
import { LIMITS, type ImportRow } from './row.js';
import { readUcdpCsv, readUcdpGeoJson } from './ucdp.js';
import { readViinaCsv } from './viina.js';

export { DateFormatAmbiguity, ImportUsageError } from './errors.js';
export type { ImportRow } from './row.js';

/** The formats readReports understands. */
export type ImportFormat =
  'ucdp' | 'ucdp-geojson' | 'acled' | 'viina' | 'cir' | 'bellingcat' | 'geojson' | 'csv';

/** Every ImportFormat, for CLIs and validation. */
export const IMPORT_FORMATS: readonly ImportFormat[] = [
  'ucdp',
  'ucdp-geojson',
  'acled',
  'viina',
  'cir',
  'bellingcat',
  'geojson',
  'csv',
];

/** What to import and how. */
export interface ReadReportsInput {
  readonly path: string;
  readonly format: ImportFormat;
  /** The source name for every report (default: the data set's name, or the file name). */
  readonly source?: string;
  /** Generic CSV only: column name to report field (REPORT_FIELDS). */
  readonly map?: Record<string, string>;
  /** Day/month order for date shapes the file leaves undecided: DD/MM/YYYY or MM/DD/YYYY. */
  readonly dateFormat?: string;
}

/**
 * The file's rows, in file order, each with its line, the record as read, its problems, and a
 * report exactly when no problem is an error. Requires an existing file. Throws, on the first
 * iteration and before any row: ImportUsageError (unknown format, a map outside `csv` or a bad
 * one, a file that lacks the format's columns or structure, a bad `dateFormat`, a `source` too
 * long) or DateFormatAmbiguity. I/O failures propagate.
 */
export async function* readReports(input: ReadReportsInput): AsyncIterable<ImportRow> {
  const { path, format } = input;
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new ImportUsageError(`unknown format "${format}"; one of: ${IMPORT_FORMATS.join(', ')}`);
  }
  if (input.map !== undefined && format !== 'csv') {
    throw new ImportUsageError(`a column map is only for --format csv, not ${format}`);
  }
  if (
    input.source !== undefined &&
    (input.source.trim() === '' || input.source.length > LIMITS.sourceName)
  ) {
    throw new ImportUsageError(`--source must be 1-${LIMITS.sourceName} characters`);
  }
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new ImportUsageError(`${path} is not a readable file`);
  const options: PipelineOptions = { source: input.source, dateFormat: input.dateFormat };
  yield* open(input, options);
}

function open(input: ReadReportsInput, options: PipelineOptions): AsyncIterable<ImportRow> {
  switch (input.format) {
    case 'ucdp':
      return readUcdpCsv(input.path, options);
    case 'ucdp-geojson':
      return readUcdpGeoJson(input.path, options);
    case 'acled':
      return readAcledCsv(input.path, options);
    case 'viina':
      return readViinaCsv(input.path, options);
    case 'cir':
      return readCirCsv(input.path, options);
    case 'bellingcat':
      return readBellingcatJson(input.path, options);
    case 'geojson':
      return readGeoJson(input.path, options);
    case 'csv':
      if (input.map === undefined)
        throw new ImportUsageError('--format csv needs a column map (--map column=field)');
      return readGenericCsv(input.path, input.map, options);
  }
}
