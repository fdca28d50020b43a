/**
 * UCDP Georeferenced Event Dataset (GED), as CSV (`ucdp`) or GeoJSON (`ucdp-geojson`).
 *
 * | UCDP                          | ReportInput                                            |
 * |-------------------------------|--------------------------------------------------------|
 * | id                            | sourceRecordId (required)                              |
 * | date_start / date_end         | observedFrom 00:00:00Z / observedTo 23:59:59Z          |
 * | date_prec 1-5                 | timePrecision (fromUcdpDatePrecision)                  |
 * | latitude, longitude (CSV)     | location (geom_wkt cross-checked: a swap is an error)  |
 * | geometry (GeoJSON)            | location (properties latitude/longitude cross-checked) |
 * | where_prec 1-7                | location.precision (fromUcdpWherePrecision)            |
 * | type_of_violence 1, 2 / 3     | type armed_clash / attack_on_civilians; subType        |
 * |                               | state-based, non-state, one-sided                      |
 * | low, best, high               | fatalities (low ≤ best ≤ high, else a warning)         |
 * | side_a, side_b                | actors                                                 |
 * | source_article                | text (cut to 20,000 with a warning)                    |
 * | where_coordinates             | placeName (else where_description)                     |
 * | -                             | mode reported; source dataset "UCDP GED" (or --source) |
 *
 * Date cells come in ISO (`2014-01-22`, `2009-02-20T00:00:00`) or, in spreadsheet-edited files,
 * ordered shapes decided by date-orders.ts; the time of day in them is ignored (UCDP dates are
 * days). Every other column stays in `original`.
 */
import type { ReportInput } from '../core/reports/report-schema.js';
import { fromUcdpDatePrecision, fromUcdpWherePrecision } from '../core/reports/vocabulary.js';
import { checkCoordinates } from './coordinates.js';
import { checkCrs, propertiesOf, readFeatureCollection, readPoint } from './features.js';
import {
  importCsv,
  importJsonItems,
  readDayWindow,
  type CsvFormat,
  type MappedRow,
  type PipelineOptions,
  type RowContext,
} from './pipeline.js';
import {
  addError,
  addWarning,
  cellText,
  fitActors,
  fitText,
  LIMITS,
  readCode,
  readCount,
  readRecordId,
  type ImportProblem,
  type ImportRow,
} from './row.js';

/** Reads a UCDP GED CSV file (UTF-8 or Windows-1252), streaming. */
export function readUcdpCsv(path: string, options: PipelineOptions): AsyncIterable<ImportRow> {
  return importCsv(path, UCDP_CSV, options);
}

/** Reads a UCDP GED GeoJSON FeatureCollection (read whole; the `crs` member is ignored). */
export async function* readUcdpGeoJson(
  path: string,
  options: PipelineOptions,
): AsyncGenerator<ImportRow> {
  const file = await readFeatureCollection(path);
  yield* importJsonItems(
    {
      items: file.features,
      lines: file.lines,
      idField: 'id',
      dateCells: (feature) => {
        const p = propertiesOf(feature);
        return [
          ['date_start', p['date_start']],
          ['date_end', p['date_end']],
        ];
      },
      map: (feature, ctx) => {
        checkCrs(file, ctx.index, ctx.problems);
        const point = readPoint(feature, ctx.problems, { required: true });
        const props = propertiesOf(feature);
        if (point !== undefined) crossCheck(ctx.problems, point, props, 'properties');
        return mapUcdpProperties(props, point, ctx);
      },
    },
    options,
  );
}

/** The UCDP columns an import needs; the others are kept in `original` only. */
export const UCDP_REQUIRED_COLUMNS = [
  'id',
  'date_start',
  'date_end',
  'date_prec',
  'where_prec',
  'latitude',
  'longitude',
  'side_a',
  'side_b',
  'best',
  'type_of_violence',
] as const;

const UCDP_CSV: CsvFormat = {
  name: 'UCDP GED',
  requiredColumns: UCDP_REQUIRED_COLUMNS,
  dateColumns: ['date_start', 'date_end'],
  idColumn: 'id',
  map(values, ctx) {
    const point = checkCoordinates(
      ctx.problems,
      { field: 'latitude', value: values['latitude'] },
      { field: 'longitude', value: values['longitude'] },
      { required: true },
    );
    if (point !== undefined) crossCheck(ctx.problems, point, values, 'geom_wkt');
    return mapUcdpProperties(values, point, ctx);
  },
};

const VIOLENCE: Record<number, { type: ReportInput['type']; subType: string }> = {
  1: { type: 'armed_clash', subType: 'state-based' },
  2: { type: 'armed_clash', subType: 'non-state' },
  3: { type: 'attack_on_civilians', subType: 'one-sided' },
};

/** Maps the UCDP attributes (CSV cells or GeoJSON properties) of one event. */
function mapUcdpProperties(
  v: Record<string, unknown>,
  point: { lat: number; lon: number } | undefined,
  ctx: RowContext,
): MappedRow {
  const p = ctx.problems;
  const id = readRecordId(p, 'id', cellText(v['id']));
  const window = readDayWindow(ctx, ['date_start', v['date_start']], ['date_end', v['date_end']]);
  const timePrecision = readCode(p, 'date_prec', v['date_prec'], fromUcdpDatePrecision, '1-5');
  const precision = readCode(p, 'where_prec', v['where_prec'], fromUcdpWherePrecision, '1-7');
  const violence = readCode(
    p,
    'type_of_violence',
    v['type_of_violence'],
    (c) => VIOLENCE[c],
    '1, 2, 3',
  );
  const fatalities = readEstimate(p, v);
  const actors = fitActors(p, [
    ['side_a', cellText(v['side_a'])],
    ['side_b', cellText(v['side_b'])],
  ]);
  const text = cellText(v['source_article']);
  const place = cellText(v['where_coordinates']) || cellText(v['where_description']);
  if (!id || !window || !timePrecision || !precision || !violence || !point) {
    return { sourceRecordId: id };
  }
  const report: ReportInput = {
    sourceRecordId: id,
    ...window,
    timePrecision,
    location: { ...point, precision },
    mode: 'reported',
    type: violence.type,
    subType: violence.subType,
    source: { kind: 'dataset', name: ctx.source ?? 'UCDP GED' },
    ...(fatalities ? { fatalities } : {}),
    ...(actors.length > 0 ? { actors } : {}),
    ...(place ? { placeName: fitText(p, 'where_coordinates', place, LIMITS.placeName) } : {}),
    ...(text ? { text: fitText(p, 'source_article', text, LIMITS.text) } : {}),
  };
  return { report, sourceRecordId: id };
}

function readEstimate(p: ImportProblem[], v: Record<string, unknown>) {
  const low = readCount(p, 'low', v['low']);
  const best = readCount(p, 'best', v['best']);
  const high = readCount(p, 'high', v['high']);
  if (low !== undefined && best !== undefined && low > best) {
    addWarning(p, 'low', `${low} is more than best (${best})`);
  }
  if (high !== undefined && best !== undefined && high < best) {
    addWarning(p, 'high', `${high} is less than best (${best})`);
  }
  if (low === undefined && best === undefined && high === undefined) return undefined;
  return {
    ...(low === undefined ? {} : { low }),
    ...(best === undefined ? {} : { best }),
    ...(high === undefined ? {} : { high }),
  };
}

/**
 * Compares the location with the record's second copy of it (CSV `geom_wkt` "POINT (lon lat)";
 * GeoJSON properties latitude/longitude). Swapped is an error; a different point, a warning.
 */
function crossCheck(
  p: ImportProblem[],
  point: { lat: number; lon: number },
  v: Record<string, unknown>,
  against: 'geom_wkt' | 'properties',
): void {
  let other: { lat: number; lon: number } | undefined;
  if (against === 'geom_wkt') {
    const m = /^POINT\s*\(\s*(\S+)\s+(\S+)\s*\)$/i.exec(cellText(v['geom_wkt']));
    if (m) other = { lon: Number(m[1]), lat: Number(m[2]) };
  } else if (v['latitude'] !== undefined && v['longitude'] !== undefined) {
    other = { lat: Number(v['latitude']), lon: Number(v['longitude']) };
  }
  if (other === undefined || Number.isNaN(other.lat) || Number.isNaN(other.lon)) return;
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-5;
  if (near(point.lat, other.lat) && near(point.lon, other.lon)) return;
  const what = against === 'geom_wkt' ? 'geom_wkt' : 'properties latitude/longitude';
  const field = against === 'geom_wkt' ? 'latitude' : 'geometry.coordinates[1]';
  if (near(point.lat, other.lon) && near(point.lon, other.lat)) {
    addError(
      p,
      field,
      `latitude and longitude appear swapped: ${what} puts the event at ${other.lat},${other.lon}`,
    );
  } else {
    addWarning(
      p,
      against === 'geom_wkt' ? 'geom_wkt' : 'latitude',
      `puts the event at ${other.lat},${other.lon}, not ${point.lat},${point.lon}`,
    );
  }
}
