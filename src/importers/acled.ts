/**
 * ACLED CSV exports (the public column names of acleddata.com exports since 2023).
 *
 * | ACLED                          | ReportInput                                             |
 * |--------------------------------|---------------------------------------------------------|
 * | event_id_cnty                  | sourceRecordId (required)                               |
 * | event_date, time_precision     | observedFrom/To: 1 the day; 2 the day ± 3 days (week);  |
 * |                                | 3 the calendar month; timePrecision day / week / month  |
 * | sub_event_type (event_type)    | type, by ACLED_TYPES below; subType = sub_event_type    |
 * | actor1, actor2                 | actors                                                  |
 * | latitude, longitude            | location                                                |
 * | geo_precision 1-3              | location.precision (fromAcledGeoPrecision)              |
 * | fatalities                     | fatalities.best                                         |
 * | notes (+ source)               | text: notes, then "Sources: <source>"                   |
 * | location, admin2, admin1, country | placeName, joined with ", "                          |
 * | -                              | mode reported; source dataset "ACLED" (or --source)     |
 *
 * Sub-event types outside ACLED_TYPES (protests, riots, agreements, arrests...) are not incident
 * types Truce tracks: the row is an error `unknown event type "<event_type> / <sub_event_type>"`.
 */
import type { IncidentType } from '../core/agreements/vocabulary.js';
import type { ReportInput } from '../core/reports/report-schema.js';
import { fromAcledGeoPrecision, fromAcledTimePrecision } from '../core/reports/vocabulary.js';
import { checkCoordinates } from './coordinates.js';
import { addDays, endOfDay, monthOf, startOfDay } from './dates.js';
import { importCsv, readDateField, type CsvFormat, type PipelineOptions } from './pipeline.js';
import {
  addError,
  fitActors,
  fitText,
  LIMITS,
  readCode,
  readCount,
  readRecordId,
  type ImportRow,
} from './row.js';

/** Reads an ACLED CSV export, streaming. */
export function readAcledCsv(path: string, options: PipelineOptions): AsyncIterable<ImportRow> {
  return importCsv(path, ACLED_CSV, options);
}

/**
 * ACLED sub-event type to incident type; a function refines by the notes (ACLED puts
 * missiles with shelling and drones with air strikes).
 */
export const ACLED_TYPES: Record<string, IncidentType | ((notes: string) => IncidentType)> = {
  'Shelling/artillery/missile attack': (notes) =>
    /\bmissiles?\b/i.test(notes) ? 'missile_strike' : 'shelling',
  'Air/drone strike': (notes) =>
    /\b(drones?|uavs?|shaheds?|loitering)\b/i.test(notes) ? 'drone_strike' : 'air_strike',
  'Armed clash': 'armed_clash',
  Attack: 'attack_on_civilians',
  'Sexual violence': 'attack_on_civilians',
  'Abduction/forced disappearance': 'abduction',
  'Remote explosive/landmine/IED': 'mine_ied',
  'Non-violent transfer of territory': 'territory_seized',
  'Government regains territory': 'territory_seized',
  'Non-state actor overtakes territory': 'territory_seized',
  'Looting/property destruction': 'damage_to_civilian_infrastructure',
  'Headquarters or base established': 'new_position',
};

const ACLED_CSV: CsvFormat = {
  name: 'ACLED',
  requiredColumns: [
    'event_id_cnty',
    'event_date',
    'time_precision',
    'event_type',
    'sub_event_type',
    'actor1',
    'latitude',
    'longitude',
    'geo_precision',
    'fatalities',
  ],
  dateColumns: ['event_date'],
  idColumn: 'event_id_cnty',
  map(v, ctx) {
    const p = ctx.problems;
    const id = readRecordId(p, 'event_id_cnty', v['event_id_cnty']);
    const date = readDateField(ctx, 'event_date', v['event_date']);
    const timePrecision = readCode(
      p,
      'time_precision',
      v['time_precision'],
      fromAcledTimePrecision,
      '1-3',
    );
    const precision = readCode(
      p,
      'geo_precision',
      v['geo_precision'],
      fromAcledGeoPrecision,
      '1-3',
    );
    const point = checkCoordinates(
      p,
      { field: 'latitude', value: v['latitude'] },
      { field: 'longitude', value: v['longitude'] },
      { required: true },
    );
    const notes = v['notes']?.trim() ?? '';
    const subEvent = v['sub_event_type']?.trim() ?? '';
    const rule = ACLED_TYPES[subEvent];
    const type = typeof rule === 'function' ? rule(notes) : rule;
    if (type === undefined) {
      const name = [v['event_type']?.trim(), subEvent].filter(Boolean).join(' / ');
      addError(p, 'sub_event_type', `unknown event type "${name}"`);
    }
    const best = readCount(p, 'fatalities', v['fatalities']);
    const actors = fitActors(p, [
      ['actor1', v['actor1']],
      ['actor2', v['actor2']],
    ]);
    const sources = v['source']?.trim() ?? '';
    const text = [notes, sources ? `Sources: ${sources}` : ''].filter(Boolean).join('\n\n');
    const place = ['location', 'admin2', 'admin1', 'country']
      .map((c) => v[c]?.trim() ?? '')
      .filter(Boolean)
      .join(', ');
    if (!id || !date || !timePrecision || !precision || !point || !type) {
      return { sourceRecordId: id };
    }
    const [from, to] =
      timePrecision === 'week'
        ? [addDays(date, -3), addDays(date, 3)]
        : timePrecision === 'month'
          ? monthOf(date)
          : [date, date];
    const report: ReportInput = {
      sourceRecordId: id,
      observedFrom: startOfDay(from),
      observedTo: endOfDay(to),
      timePrecision,
      location: { ...point, precision },
      mode: 'reported',
      type,
      subType: fitText(p, 'sub_event_type', subEvent, LIMITS.subType),
      source: { kind: 'dataset', name: ctx.source ?? 'ACLED' },
      ...(best === undefined ? {} : { fatalities: { best } }),
      ...(actors.length > 0 ? { actors } : {}),
      ...(place ? { placeName: fitText(p, 'location', place, LIMITS.placeName) } : {}),
      ...(text ? { text: fitText(p, 'notes', text, LIMITS.text) } : {}),
    };
    return { report, sourceRecordId: id };
  },
};
