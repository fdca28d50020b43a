/**
 * Reports from files whose fields are already ReportInput's (generic CSV with a column map,
 * generic GeoJSON properties): each value is checked against the report vocabulary, and
 * problems are named by the source's column or property.
 *
 * Dates: a date without a time is a whole day (observedFrom 00:00:00Z; observedTo 23:59:59Z of
 * observedTo or else of observedFrom; timePrecision day unless given). A time without a UTC
 * offset is read as UTC, with a warning.
 */
import { INCIDENT_TYPES, type IncidentType } from '../core/agreements/vocabulary.js';
import type { ReportInput } from '../core/reports/report-schema.js';
import {
  LOCATION_PRECISION_NAMES,
  OBSERVATION_MODES,
  TIME_PRECISIONS,
} from '../core/reports/vocabulary.js';
import { checkCoordinates } from './coordinates.js';
import { endOfDay, startOfDay, toInstant, type CivilDateTime } from './dates.js';
import { readDateField, type MappedRow, type RowContext } from './pipeline.js';
import {
  addError,
  addWarning,
  cellText,
  fitActors,
  fitText,
  LIMITS,
  readCount,
  readRecordId,
} from './row.js';

/** The report fields a column or property may feed (`lat`/`lon` make `location`). */
export const REPORT_FIELDS = [
  'sourceRecordId',
  'clientId',
  'observedFrom',
  'observedTo',
  'timePrecision',
  'lat',
  'lon',
  'precision',
  'radiusM',
  'placeName',
  'mode',
  'type',
  'subType',
  'weaponClass',
  'direction',
  'actors',
  'fatalities',
  'fatalitiesLow',
  'fatalitiesHigh',
  'injured',
  'injuredLow',
  'injuredHigh',
  'explosions',
  'projectiles',
  'bursts',
  'language',
  'text',
  'correctionOf',
] as const;
/** One of REPORT_FIELDS. */
export type ReportField = (typeof REPORT_FIELDS)[number];

/** Each field's value and the name it has in the source (for problems). */
export type FieldCells = Partial<
  Record<ReportField, { readonly name: string; readonly value: unknown }>
>;

/**
 * Builds a report from field cells. `point` (a GeoJSON geometry, already checked) wins over
 * lat/lon cells; `source` is the report's source.
 */
export function mapReportFields(
  cells: FieldCells,
  ctx: RowContext,
  source: ReportInput['source'],
  point?: { lat: number; lon: number },
): MappedRow {
  const p = ctx.problems;
  const text = (field: ReportField) => cellText(cells[field]?.value);
  const name = (field: ReportField) => cells[field]?.name ?? field;
  const id = cells.sourceRecordId
    ? readRecordId(p, name('sourceRecordId'), text('sourceRecordId'))
    : undefined;
  const clientId = text('clientId');
  if (clientId && !/^[\x21-\x7e]{1,100}$/.test(clientId)) {
    addError(p, name('clientId'), 'must be 1-100 printable ASCII characters without spaces');
  }
  const from = readDateField(ctx, name('observedFrom'), cells.observedFrom?.value);
  const to = text('observedTo')
    ? readDateField(ctx, name('observedTo'), cells.observedTo?.value)
    : undefined;
  const window = from && timeWindow(ctx, from, to, name);
  const timePrecision = oneOf(ctx, name('timePrecision'), text('timePrecision'), TIME_PRECISIONS);
  const type = oneOf(
    ctx,
    name('type'),
    text('type'),
    INCIDENT_TYPES as readonly IncidentType[],
    true,
  );
  const mode = oneOf(ctx, name('mode'), text('mode'), OBSERVATION_MODES) ?? 'reported';
  const precision = oneOf(ctx, name('precision'), text('precision'), LOCATION_PRECISION_NAMES);
  const radiusM = readCount(p, name('radiusM'), cells.radiusM?.value);
  const location =
    point ??
    checkCoordinates(
      p,
      { field: name('lat'), value: cells.lat?.value },
      { field: name('lon'), value: cells.lon?.value },
      { required: false },
    );
  const fatalities = estimate(ctx, cells, 'fatalities', 'fatalitiesLow', 'fatalitiesHigh');
  const injured = estimate(ctx, cells, 'injured', 'injuredLow', 'injuredHigh');
  const counts = Object.fromEntries(
    (['explosions', 'projectiles', 'bursts'] as const)
      .map((f) => [f, readCount(p, name(f), cells[f]?.value)] as const)
      .filter(([, n]) => n !== undefined),
  );
  const rawActors = cells.actors?.value;
  const actorList = Array.isArray(rawActors) ? rawActors.map(cellText) : text('actors').split(';');
  const actors = fitActors(
    p,
    actorList.map((a) => [name('actors'), a] as [string, string]),
  );
  let language: string | undefined = text('language').toLowerCase();
  if (language && !/^[a-z]{2,3}$/.test(language)) {
    addWarning(p, name('language'), `"${language}" is not an ISO 639 code; dropped`);
    language = undefined;
  }
  const correctionOf = text('correctionOf');
  if (correctionOf.length > 64) addError(p, name('correctionOf'), 'is longer than 64 characters');
  const fit = (field: 'placeName' | 'subType' | 'weaponClass' | 'direction' | 'text') =>
    text(field) ? { [field]: fitText(p, name(field), text(field), LIMITS[field]) } : {};
  if (!window || !type) return { sourceRecordId: id };
  const report: ReportInput = {
    ...(id ? { sourceRecordId: id } : {}),
    ...(clientId ? { clientId } : {}),
    ...window,
    ...(timePrecision ? { timePrecision } : from.time ? {} : { timePrecision: 'day' }),
    ...(location
      ? {
          location: {
            ...location,
            ...(precision ? { precision } : {}),
            ...(radiusM === undefined ? {} : { radiusM }),
          },
        }
      : {}),
    mode,
    type,
    source,
    ...(Object.keys(counts).length > 0 ? { counts } : {}),
    ...(fatalities ? { fatalities } : {}),
    ...(injured ? { injured } : {}),
    ...(actors.length > 0 ? { actors } : {}),
    ...(language ? { language } : {}),
    ...(correctionOf ? { correctionOf } : {}),
    ...fit('placeName'),
    ...fit('subType'),
    ...fit('weaponClass'),
    ...fit('direction'),
    ...fit('text'),
  };
  return { report, sourceRecordId: id };
}

function timeWindow(
  ctx: RowContext,
  from: CivilDateTime,
  to: CivilDateTime | undefined,
  name: (field: ReportField) => string,
): { observedFrom: string; observedTo: string } | undefined {
  for (const [field, d] of [
    ['observedFrom', from],
    ['observedTo', to],
  ] as const) {
    if (d?.time && d.offsetMinutes === undefined) {
      addWarning(ctx.problems, name(field), 'has no UTC offset; read as UTC');
    }
  }
  const observedFrom = from.time ? toInstant(from) : startOfDay(from);
  const end = to ?? (from.time ? undefined : from);
  const observedTo = end === undefined ? observedFrom : end.time ? toInstant(end) : endOfDay(end);
  if (Date.parse(observedTo) < Date.parse(observedFrom)) {
    addError(
      ctx.problems,
      name('observedTo'),
      `is before ${name('observedFrom')} (${observedFrom})`,
    );
    return undefined;
  }
  return { observedFrom, observedTo };
}

function oneOf<T extends string>(
  ctx: RowContext,
  field: string,
  value: string,
  allowed: readonly T[],
  required = false,
): T | undefined {
  if (value === '') {
    if (required) addError(ctx.problems, field, 'is empty');
    return undefined;
  }
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const shown =
    allowed.length > 12 ? `${allowed.slice(0, 12).join(', ')}, ...` : allowed.join(', ');
  addError(ctx.problems, field, `unknown value "${value}" (one of: ${shown})`);
  return undefined;
}

function estimate(
  ctx: RowContext,
  cells: FieldCells,
  best: 'fatalities' | 'injured',
  low: 'fatalitiesLow' | 'injuredLow',
  high: 'fatalitiesHigh' | 'injuredHigh',
): { low?: number; best?: number; high?: number } | undefined {
  const cell = cells[best];
  const nested =
    cell && typeof cell.value === 'object' && cell.value !== null
      ? (cell.value as Record<string, unknown>)
      : undefined;
  const read = (field: ReportField, value: unknown) =>
    readCount(ctx.problems, cells[field]?.name ?? field, value);
  const values = {
    low: nested ? read(best, nested['low']) : read(low, cells[low]?.value),
    best: nested ? read(best, nested['best']) : read(best, cell?.value),
    high: nested ? read(best, nested['high']) : read(high, cells[high]?.value),
  };
  const present = Object.entries(values).filter(([, n]) => n !== undefined);
  return present.length > 0
    ? (Object.fromEntries(present) as { low?: number; best?: number; high?: number })
    : undefined;
}
