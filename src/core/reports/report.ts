/**
 * Reports as Truce keeps them: the client's report, checked and completed (time window, time
 * and location precision with radius), with who sent it, when it arrived and the original as
 * received. Reports are immutable; a correction is a new report with `correctionOf`.
 */
import canonicalize from 'canonicalize';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import type { ErrorDetail } from '../errors.js';
import { ReportInputSchema, type ReportInput } from './report-schema.js';
import {
  LOCATION_PRECISION_NAMES,
  LOCATION_PRECISIONS,
  type LocationPrecision,
  type TimePrecision,
} from './vocabulary.js';

/** A report as stored: every optional precision filled in. */
export type StoredReport = Omit<ReportInput, 'observedTo' | 'timePrecision' | 'location'> & {
  readonly id: string;
  readonly receivedAt: string;
  /** The principal that sent it (`user:<id>`, `system:import`...). */
  readonly submittedBy: string;
  readonly observedTo: string;
  readonly timePrecision: TimePrecision;
  readonly location?: {
    readonly lon: number;
    readonly lat: number;
    readonly precision: LocationPrecision;
    readonly radiusM: number;
  };
  /** The record as it arrived (a CSV row, a JSON object), when it differs from the report. */
  readonly original?: unknown;
  /**
   * Public submissions wait for triage (`pending`) and stay out of incidents until a person
   * accepts them; they are always labelled unverified.
   */
  readonly triage?: 'pending';
};

const valid = Compile(ReportInputSchema);

const canonicalTexts = new WeakMap<StoredReport, string>();

/** A stored report's canonical JSON (RFC 8785), computed once per report object. */
export function canonicalReport(report: StoredReport): string {
  let text = canonicalTexts.get(report);
  if (text === undefined) {
    text = canonicalize(report) ?? '{}';
    canonicalTexts.set(report, text);
  }
  return text;
}

/** Checks one report value: the schema, then what a schema cannot say. Empty when valid. */
export function checkReport(value: unknown): ErrorDetail[] {
  // The compiled check is fast; the errors are enumerated only for a report that fails it.
  const errors = valid.Check(value)
    ? []
    : [...Value.Errors(ReportInputSchema, value)].filter((e) => e.keyword !== 'boolean');
  const problems: ErrorDetail[] = errors.map((e) => ({
    path: e.instancePath === '' ? '/' : e.instancePath,
    message: describe(e as { keyword: string; params: Record<string, unknown>; message: string }),
  }));
  if (problems.length > 0) return problems;
  const report = value as ReportInput;
  const from = Date.parse(report.observedFrom);
  const to = report.observedTo === undefined ? from : Date.parse(report.observedTo);
  if (to < from) {
    problems.push({
      path: '/observedTo',
      message: `is before observedFrom (${report.observedFrom})`,
    });
  }
  for (const [path, text] of textFields(report)) {
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) {
      problems.push({ path, message: 'contains a lone UTF-16 surrogate' });
    }
  }
  return problems;
}

/**
 * Completes a valid report for storage: observedTo defaults to observedFrom, time precision to
 * exact; the location's precision comes from its radius (the smallest class that covers it) or
 * defaults to exact, and its radius from its precision. Requires checkReport(input) to be empty.
 */
export function completeReport(
  input: ReportInput,
  meta: {
    id: string;
    receivedAt: string;
    submittedBy: string;
    original?: unknown;
    pending?: boolean;
  },
): StoredReport {
  const { observedTo, timePrecision, location, ...rest } = input;
  const stored: StoredReport = {
    ...rest,
    id: meta.id,
    receivedAt: meta.receivedAt,
    submittedBy: meta.submittedBy,
    // Times are kept in UTC so that they compare as text: 20:00+10:00 is 10:00Z.
    observedFrom: new Date(input.observedFrom).toISOString(),
    observedTo: new Date(observedTo ?? input.observedFrom).toISOString(),
    timePrecision: timePrecision ?? 'exact',
    ...(location ? { location: completeLocation(location) } : {}),
    ...(meta.original === undefined ? {} : { original: meta.original }),
    ...(meta.pending === true ? { triage: 'pending' as const } : {}),
  };
  return stored;
}

function completeLocation(location: NonNullable<ReportInput['location']>) {
  const precision =
    location.precision ??
    (location.radiusM === undefined
      ? 'exact'
      : (LOCATION_PRECISION_NAMES.find((p) => LOCATION_PRECISIONS[p] >= (location.radiusM ?? 0)) ??
        'region'));
  return {
    lon: location.lon,
    lat: location.lat,
    precision,
    radiusM: location.radiusM ?? LOCATION_PRECISIONS[precision],
  };
}

function textFields(report: ReportInput): [string, string][] {
  const fields: [string, string][] = [
    ['/text', report.text ?? ''],
    ['/placeName', report.placeName ?? ''],
    ['/source/name', report.source.name],
    ['/subType', report.subType ?? ''],
  ];
  report.actors?.forEach((actor, i) => fields.push([`/actors/${i}`, actor]));
  return fields;
}

function describe(error: {
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}): string {
  switch (error.keyword) {
    case 'required':
      return `missing ${((error.params['requiredProperties'] as string[] | undefined) ?? []).join(', ')}`;
    case 'additionalProperties':
      return `unknown field ${((error.params['additionalProperties'] as string[] | undefined) ?? []).map((f) => `"${f}"`).join(', ')}`;
    case 'enum':
      return `must be one of: ${((error.params['allowedValues'] as unknown[] | undefined) ?? []).join(', ')}`;
    case 'format':
      return `must be ${error.params['format'] === 'date-time' ? 'a date-time with offset (2022-04-08T10:30:00Z)' : `a ${String(error.params['format'])}`}`;
    default:
      return error.message;
  }
}
