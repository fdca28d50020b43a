/**
 * One imported row and the helpers every format uses to fill it: problems named by the source
 * field, text cut to the schema's limits with a warning, ids and counts checked, and a final
 * check of the built report against ReportInputSchema.
 *
 * Over-long fields, decided per field:
 *
 * | field                                   | limit  | over the limit                      |
 * |-----------------------------------------|--------|-------------------------------------|
 * | text                                    | 20,000 | cut, warning                        |
 * | placeName                               | 300    | cut, warning                        |
 * | subType, weaponClass, direction         | 100    | cut, warning                        |
 * | each actor                              | 200    | cut, warning (more than 10: first 10, warning) |
 * | sourceRecordId                          | 100    | error: a cut id could collide       |
 */
import { Compile } from 'typebox/compile';
import { ReportInputSchema, type ReportInput } from '../core/reports/report-schema.js';

/** One thing wrong with a row. `field` is the column or property as named in the source file. */
export interface ImportProblem {
  readonly field: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/**
 * One record of an imported file. `report` is present exactly when no problem is an error;
 * `original` is the record exactly as read (CSV: header name to cell text).
 */
export interface ImportRow {
  /** 1-based: CSV, the physical line where the record starts; JSON, see json.ts elementLines. */
  readonly line: number;
  readonly sourceRecordId?: string;
  readonly report?: ReportInput;
  readonly original: Record<string, unknown>;
  readonly problems: ImportProblem[];
}

/** The schema's length limits (kept equal to report-schema.ts by a test). */
export const LIMITS = {
  text: 20_000,
  placeName: 300,
  subType: 100,
  weaponClass: 100,
  direction: 100,
  actor: 200,
  actors: 10,
  sourceRecordId: 100,
  sourceName: 200,
  count: 1_000_000,
} as const;

// Compiled once: checking every imported report with the interpreter costs ~50 µs each.
const reportValidator = Compile(ReportInputSchema);

/** Adds an error: the row will have no report. */
export function addError(problems: ImportProblem[], field: string, message: string): void {
  problems.push({ field, message, severity: 'error' });
}

/** Adds a warning: the row keeps its report. */
export function addWarning(problems: ImportProblem[], field: string, message: string): void {
  problems.push({ field, message, severity: 'warning' });
}

/** The cell trimmed, or undefined (with an error naming the field) when it is empty. */
export function requireCell(
  problems: ImportProblem[],
  field: string,
  value: string | undefined,
): string | undefined {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') {
    addError(problems, field, 'is empty');
    return undefined;
  }
  return trimmed;
}

/** Free text cut to `max` characters (never inside a surrogate pair), with a warning when cut. */
export function fitText(
  problems: ImportProblem[],
  field: string,
  value: string,
  max: number,
): string {
  if (value.length <= max) return value;
  let end = max;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  addWarning(problems, field, `is ${value.length} characters long; cut to ${max}`);
  return value.slice(0, end);
}

/** The record id: required, at most 100 characters (never cut: a cut id could collide). */
export function readRecordId(
  problems: ImportProblem[],
  field: string,
  value: unknown,
): string | undefined {
  const id = requireCell(problems, field, value === undefined ? undefined : String(value));
  if (id !== undefined && id.length > LIMITS.sourceRecordId) {
    addError(problems, field, `is longer than ${LIMITS.sourceRecordId} characters`);
    return undefined;
  }
  return id;
}

/** A whole non-negative count (≤ 1,000,000) or undefined when empty; an error otherwise. */
export function readCount(
  problems: ImportProblem[],
  field: string,
  value: unknown,
): number | undefined {
  const text = value === undefined || value === null ? '' : String(value).trim();
  if (text === '') return undefined;
  if (!/^\d+(\.0+)?$/.test(text)) {
    addError(problems, field, `"${text}" is not a whole number of 0 or more`);
    return undefined;
  }
  const n = Number(text);
  if (n > LIMITS.count) {
    addError(problems, field, `${n} is more than ${LIMITS.count}`);
    return undefined;
  }
  return n;
}

/**
 * A numeric code looked up in a table (UCDP `where_prec`, ACLED `geo_precision`...): the mapped
 * value, or undefined with an error listing what is allowed.
 */
export function readCode<T>(
  problems: ImportProblem[],
  field: string,
  value: unknown,
  lookup: (code: number) => T | undefined,
  allowed: string,
): T | undefined {
  const text = value === undefined || value === null ? '' : String(value).trim();
  const mapped = /^\d+$/.test(text) ? lookup(Number(text)) : undefined;
  if (mapped === undefined) {
    addError(problems, field, text === '' ? 'is empty' : `"${text}" is not one of ${allowed}`);
  }
  return mapped;
}

/** The value as trimmed text ('' for undefined, null, objects). */
export function cellText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Non-empty actor names, each cut to 200 characters, at most 10 (warnings when cut). */
export function fitActors(
  problems: ImportProblem[],
  fields: readonly [field: string, value: string | undefined][],
): string[] {
  const actors = fields
    .map(([field, value]) => [field, value?.trim() ?? ''] as const)
    .filter(([, value]) => value !== '')
    .map(([field, value]) => fitText(problems, field, value, LIMITS.actor));
  if (actors.length > LIMITS.actors) {
    addWarning(problems, fields[0]?.[0] ?? 'actors', `${actors.length} actors; kept the first 10`);
    return actors.slice(0, LIMITS.actors);
  }
  return actors;
}

/**
 * Remembers record ids and returns a warning for one seen before ("id X also on line N").
 * Memory grows with the number of distinct ids (tens of bytes each), not with the file.
 */
export function trackDuplicateIds(): (
  problems: ImportProblem[],
  field: string,
  id: string,
  line: number,
) => void {
  const seen = new Map<string, number>();
  return (problems, field, id, line) => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, line);
    else addWarning(problems, field, `id ${id} also on line ${first}`);
  };
}

/**
 * Builds the row: drops the report when any problem is an error, and turns any disagreement of
 * the report with ReportInputSchema (a mapping bug, or a value no check caught) into errors
 * named `report/<path>`.
 */
export function finishRow(parts: {
  line: number;
  original: Record<string, unknown>;
  problems: ImportProblem[];
  report?: ReportInput | undefined;
  sourceRecordId?: string | undefined;
}): ImportRow {
  const { line, original, problems, report, sourceRecordId } = parts;
  const clean = !problems.some((p) => p.severity === 'error');
  if (report !== undefined && clean && !reportValidator.Check(report)) {
    for (const e of reportValidator.Errors(report)) {
      if (e.keyword === 'boolean') continue;
      addError(problems, `report${e.instancePath}`, e.message);
    }
  }
  const ok = report !== undefined && !problems.some((p) => p.severity === 'error');
  return {
    line,
    ...(sourceRecordId === undefined ? {} : { sourceRecordId }),
    ...(ok ? { report } : {}),
    original,
    problems,
  };
}
