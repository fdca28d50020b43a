/**
 * Report and link rows as stored: the columns intake writes (store/bulk.ts), a report's row,
 * the band of its precision radius, and the point the grouping index holds for it.
 */
import type { GroupingPoint } from '../core/incidents/grouping.js';
import type { IncidentType } from '../core/agreements/vocabulary.js';
import { canonicalReport, type StoredReport } from '../core/reports/report.js';
import { LOCATION_PRECISIONS } from '../core/reports/vocabulary.js';
import type { GroupingLinkRow, ReportRow } from './schema.js';

/**
 * Upper bounds of the bands of precision radii, in metres (the precision classes, then anything
 * larger up to the schema's limit); kept on every report row as `radius_class`.
 */
export const RADIUS_BANDS: readonly number[] = [...Object.values(LOCATION_PRECISIONS), 1_000_000];

/** The band a radius falls in. */
export function radiusClass(radiusM: number): number {
  const index = RADIUS_BANDS.findIndex((upper) => radiusM <= upper);
  return index < 0 ? RADIUS_BANDS.length - 1 : index;
}

/** The columns of a report row, in the order intake writes them in bulk. */
export const REPORT_COLUMNS = [
  'id',
  'client_key',
  'source_key',
  'received_at',
  'submitted_by',
  'source_kind',
  'source_name',
  'type',
  'observed_from',
  'observed_to',
  'lon',
  'lat',
  'radius_m',
  'radius_class',
  'incident_id',
  'superseded_by',
  'triage',
  'triaged_by',
  'body',
] as const satisfies readonly (keyof ReportRow)[];

/** The columns of a grouping link row, in the order intake writes them in bulk. */
export const LINK_COLUMNS = [
  'key',
  'report_id',
  'other_id',
  'decision',
  'score',
  'explanation',
] as const satisfies readonly (keyof GroupingLinkRow)[];

/** A report's row, outside any incident until grouping places it. */
export function reportRow(report: StoredReport): ReportRow {
  return {
    id: report.id,
    client_key: report.clientId === undefined ? null : `${report.submittedBy}:${report.clientId}`,
    source_key:
      report.sourceRecordId === undefined ? null : `${report.source.name}:${report.sourceRecordId}`,
    received_at: report.receivedAt,
    submitted_by: report.submittedBy,
    source_kind: report.source.kind,
    source_name: report.source.name,
    type: report.type,
    observed_from: report.observedFrom,
    observed_to: report.observedTo,
    lon: report.location?.lon ?? null,
    lat: report.location?.lat ?? null,
    radius_m: report.location?.radiusM ?? null,
    radius_class: report.location ? radiusClass(report.location.radiusM) : null,
    incident_id: null,
    superseded_by: null,
    triage: report.triage ?? null,
    triaged_by: null,
    body: canonicalReport(report),
  };
}

/** The grouping index's point of a located report row. */
export function pointOf(
  row: Pick<
    ReportRow,
    'id' | 'lon' | 'lat' | 'radius_m' | 'observed_from' | 'observed_to' | 'type'
  >,
): GroupingPoint {
  return {
    id: row.id,
    lon: row.lon ?? 0,
    lat: row.lat ?? 0,
    radiusM: row.radius_m ?? 0,
    from: Date.parse(row.observed_from),
    to: Date.parse(row.observed_to),
    type: row.type as IncidentType,
  };
}
