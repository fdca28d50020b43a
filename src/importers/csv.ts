/**
 * Streaming CSV: the encoding is found by a first streaming pass over the bytes, then records
 * are parsed with csv-parse one at a time, each with the physical line where it starts (cells
 * may hold line breaks, so records and lines differ). Memory stays bounded by the longest record
 * (at most MAX_RECORD_CHARS), never the file.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { parse, type CsvError, type Options } from 'csv-parse';
import iconv from 'iconv-lite';
import { ImportUsageError } from './errors.js';
import { addError, type ImportProblem } from './row.js';

/** The encodings importers read: valid UTF-8, or else Windows-1252 (Excel's Western default). */
export type TextEncodingName = 'utf-8' | 'windows-1252';

/** One CSV record: cells by header name, exactly as read, and any problem of its shape. */
export interface CsvRecord {
  readonly line: number;
  /** False when the parser could not read the record; `values` then holds only `raw`. */
  readonly readable: boolean;
  readonly values: Record<string, string>;
  readonly problems: ImportProblem[];
}

/** A record longer than this (characters) stops the parse with a row error (unclosed quote). */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

/** 'utf-8' when the bytes are valid UTF-8 (a BOM is fine), else 'windows-1252'. */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/**
 * detectEncoding over a whole file, streaming (stops at the first invalid byte). A UTF-16 file
 * (Excel's "Unicode text") is an ImportUsageError: it would decode as garbage.
 */
export async function detectFileEncoding(path: string): Promise<TextEncodingName> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of createReadStream(path)) {
      const bytes = chunk as Buffer;
      const bom = `${bytes[0]},${bytes[1]}`;
      if (first && (bom === '255,254' || bom === '254,255')) {
        throw new ImportUsageError(`${path} is UTF-16; save it as UTF-8 CSV`);
      }
      first = false;
      decoder.decode(bytes, { stream: true });
    }
    decoder.decode();
    return 'utf-8';
  } catch (error) {
    if (error instanceof TypeError) return 'windows-1252';
    throw error;
  }
}

/** The header's column names (trimmed; empty ones named `column N`, repeats `name (2)`). */
export async function readCsvHeader(path: string, encoding: TextEncodingName): Promise<string[]> {
  for await (const row of parseRows(path, encoding)) {
    return 'cells' in row ? headerNames(row.cells) : [];
  }
  return [];
}

/**
 * The records after the header, in order. A record with more or fewer cells than the header,
 * or one the parser cannot read (an unclosed quote), is yielded with an error on field `row`
 * and, when unreadable, its text under `raw` (cut to 2,000 characters).
 */
export async function* readCsvRecords(
  path: string,
  encoding: TextEncodingName,
): AsyncGenerator<CsvRecord> {
  let header: string[] | undefined;
  for await (const row of parseRows(path, encoding)) {
    if (!('cells' in row)) {
      const problems: ImportProblem[] = [];
      addError(problems, 'row', row.message);
      yield { line: row.line, readable: false, values: { raw: row.raw.slice(0, 2000) }, problems };
      continue;
    }
    if (header === undefined) {
      header = headerNames(row.cells);
      continue;
    }
    const values: Record<string, string> = {};
    const names = header;
    row.cells.forEach((cell, i) => {
      values[names[i] ?? `column ${i + 1}`] = cell;
    });
    const problems: ImportProblem[] = [];
    if (row.cells.length !== names.length) {
      addError(problems, 'row', `has ${row.cells.length} cells; the header has ${names.length}`);
    }
    yield { line: row.line, readable: true, values, problems };
  }
}

type ParsedRow = { line: number; cells: string[] } | { line: number; raw: string; message: string };

/** Every record (header included) or parse failure, with its starting line, in file order. */
async function* parseRows(path: string, encoding: TextEncodingName): AsyncGenerator<ParsedRow> {
  let linesBefore = 0;
  const skipped: ParsedRow[] = [];
  // csv-parse calls on_skip and on_record synchronously in file order, so the line count is
  // kept here (from each record's raw text, which includes the empty lines before it); a
  // failure is queued and handed out before the next good record.
  const startLine = (raw: string): number => {
    const start = linesBefore + 1 + countBreaks(/^(\r\n|\r|\n)*/.exec(raw)?.[0] ?? '');
    linesBefore += countBreaks(raw);
    return start;
  };
  const options: Options<ParsedRow, unknown> = {
    raw: true,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      const text = raw ?? '';
      skipped.push({ line: startLine(text), raw: text, message: describe(error) });
      return undefined;
    },
    on_record: (parsed) => {
      const { record, raw } = parsed as { record: string[]; raw: string };
      return { line: startLine(raw), cells: record };
    },
  };
  // csv-parse's overloads only type on_record's result when `columns` is set.
  const parser = parse(options as unknown as Options);
  // Errors of any stage destroy the parser, so the loop below rejects with them.
  pipeline(createReadStream(path), iconv.decodeStream(encoding), parser, () => undefined);
  for await (const row of parser as AsyncIterable<{ line: number; cells: string[] }>) {
    while (skipped.length > 0 && (skipped[0]?.line ?? 0) < row.line) yield skipped.shift()!;
    yield row;
  }
  yield* skipped;
}

function describe(error: CsvError | undefined): string {
  switch (error?.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quote opened here is never closed; the rest of the file is this one record';
    case 'CSV_MAX_RECORD_SIZE':
      return `record longer than ${MAX_RECORD_CHARS} characters (an unclosed quote?); the rest of the file was not read`;
    default:
      return `unreadable CSV: ${error?.message ?? 'unknown error'}`;
  }
}

/**
 * Line breaks in a record's raw text. CRLF, CR and LF each count once: with CRLF files
 * csv-parse's `raw` keeps the CR of the record's own delimiter but not its LF.
 */
function countBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function headerNames(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const name = cell.trim() === '' ? `column ${i + 1}` : cell.trim();
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}
