/**
 * Any CSV, with a map saying which column feeds which report field (`--map column=field`):
 * fields are those of REPORT_FIELDS (observedFrom, observedTo, lat, lon, type, text,
 * sourceRecordId, placeName, precision, timePrecision, mode, actors (";"-separated), fatalities,
 * ...), checked as report-fields.ts says. Unmapped columns stay in `original`.
 */
import { basename } from 'node:path';
import { ImportUsageError } from './errors.js';
import { importCsv, type PipelineOptions } from './pipeline.js';
import {
  mapReportFields,
  REPORT_FIELDS,
  type FieldCells,
  type ReportField,
} from './report-fields.js';
import type { ImportRow } from './row.js';

/**
 * Reads a CSV file through a column map, streaming. Throws ImportUsageError before any row
 * for an unknown target field, a field fed by two columns, a map without observedFrom or type,
 * lat without lon (or the reverse), or a mapped column the file lacks.
 */
export function readGenericCsv(
  path: string,
  map: Record<string, string>,
  options: PipelineOptions,
): AsyncIterable<ImportRow> {
  const columns = checkMap(map);
  const source = { kind: 'dataset' as const, name: options.source ?? basename(path) };
  return importCsv(
    path,
    {
      name: 'mapped CSV',
      requiredColumns: Object.keys(map),
      dateColumns: (['observedFrom', 'observedTo'] as const).flatMap((f) => columns[f] ?? []),
      ...(columns.sourceRecordId ? { idColumn: columns.sourceRecordId } : {}),
      map(values, ctx) {
        const cells: FieldCells = {};
        for (const [column, field] of Object.entries(map)) {
          cells[field as ReportField] = { name: column, value: values[column] };
        }
        return mapReportFields(cells, ctx, source);
      },
    },
    options,
  );
}

/** The map inverted (field to column), after the checks above. */
function checkMap(map: Record<string, string>): Partial<Record<ReportField, string>> {
  const columns: Partial<Record<ReportField, string>> = {};
  for (const [column, field] of Object.entries(map)) {
    if (!(REPORT_FIELDS as readonly string[]).includes(field)) {
      throw new ImportUsageError(
        `--map ${column}=${field}: unknown report field "${field}"; known: ${REPORT_FIELDS.join(', ')}`,
      );
    }
    const taken = columns[field as ReportField];
    if (taken !== undefined) {
      throw new ImportUsageError(`--map: ${field} is fed by both "${taken}" and "${column}"`);
    }
    columns[field as ReportField] = column;
  }
  for (const field of ['observedFrom', 'type'] as const) {
    if (columns[field] === undefined) {
      throw new ImportUsageError(`--map: no column feeds ${field}, which every report needs`);
    }
  }
  if ((columns.lat === undefined) !== (columns.lon === undefined)) {
    throw new ImportUsageError('--map: lat and lon must both be mapped, or neither');
  }
  return columns;
}
