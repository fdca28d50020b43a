/**
 * Generic GeoJSON: a FeatureCollection of Point features (read whole, see json.ts) whose
 * properties carry report fields by their ReportInput names (REPORT_FIELDS: type,
 * observedFrom, observedTo, timePrecision, precision, radiusM, placeName, mode, subType,
 * weaponClass, direction, actors (array), fatalities and injured (number or {low, best, high}),
 * explosions, projectiles, bursts, language, text, sourceRecordId, clientId, correctionOf).
 * The location comes from the geometry; `sourceRecordId` defaults to the feature's `id`; a
 * `source` property {kind, name} overrides the default source. Other properties are kept in
 * `original` and named once, with a warning on the first feature that has them.
 */
import { basename } from 'node:path';
import type { ReportInput } from '../core/reports/report-schema.js';
import { SOURCE_KINDS } from '../core/reports/vocabulary.js';
import { checkCrs, isObject, propertiesOf, readFeatureCollection, readPoint } from './features.js';
import { importJsonItems, type PipelineOptions } from './pipeline.js';
import {
  mapReportFields,
  REPORT_FIELDS,
  type FieldCells,
  type ReportField,
} from './report-fields.js';
import { addError, addWarning, cellText, LIMITS, type ImportRow } from './row.js';

/** Reads a GeoJSON FeatureCollection of report-like Point features. */
export async function* readGeoJson(
  path: string,
  options: PipelineOptions,
): AsyncGenerator<ImportRow> {
  const file = await readFeatureCollection(path);
  const fallback: ReportInput['source'] = {
    kind: 'dataset',
    name: options.source ?? basename(path),
  };
  const unknownSeen = new Set<string>();
  yield* importJsonItems(
    {
      items: file.features,
      lines: file.lines,
      idField: 'sourceRecordId',
      dateCells: (feature) => {
        const props = propertiesOf(feature);
        return [
          ['observedFrom', props['observedFrom']],
          ['observedTo', props['observedTo']],
        ];
      },
      map: (feature, ctx) => {
        const p = ctx.problems;
        checkCrs(file, ctx.index, p);
        const point = readPoint(feature, p, { required: false });
        const props = propertiesOf(feature);
        const cells: FieldCells = {};
        for (const [key, value] of Object.entries(props)) {
          if (
            (REPORT_FIELDS as readonly string[]).includes(key) &&
            key !== 'lat' &&
            key !== 'lon'
          ) {
            cells[key as ReportField] = { name: key, value };
          } else if (key !== 'source' && !unknownSeen.has(key)) {
            unknownSeen.add(key);
            const why =
              key === 'lat' || key === 'lon'
                ? 'the location comes from the geometry'
                : 'is not a report field';
            addWarning(p, key, `${why}; kept in original only`);
          }
        }
        if (cells.sourceRecordId === undefined && feature['id'] !== undefined) {
          cells.sourceRecordId = { name: 'id', value: feature['id'] };
        }
        const source = readSource(props['source'], fallback, (m) => addError(p, 'source', m));
        return mapReportFields(cells, ctx, source, point);
      },
    },
    options,
  );
}

function readSource(
  value: unknown,
  fallback: ReportInput['source'],
  fail: (message: string) => void,
): ReportInput['source'] {
  if (value === undefined) return fallback;
  const kind = isObject(value) ? cellText(value['kind']) : '';
  const name = isObject(value) ? cellText(value['name']) : '';
  if (
    !(SOURCE_KINDS as readonly string[]).includes(kind) ||
    name === '' ||
    name.length > LIMITS.sourceName
  ) {
    fail(`must be {kind: ${SOURCE_KINDS.join('|')}, name: 1-${LIMITS.sourceName} characters}`);
    return fallback;
  }
  return { kind: kind as ReportInput['source']['kind'], name };
}
