/**
 * Centre for Information Resilience (CIR) Russia-Ukraine monitor map export (`events.csv`).
 * Its known defects become row problems naming the column, never crashes.
 *
 * | CIR                            | ReportInput                                             |
 * |--------------------------------|---------------------------------------------------------|
 * | entry                          | sourceRecordId (empty: error; repeated: warning)        |
 * | date (YYYY-MM-DD)              | observedFrom 00:00:00Z, observedTo 23:59:59Z; day       |
 * |                                | (empty: error)                                          |
 * | lat, lon                       | location: precision vicinity when `geolocation` holds a |
 * |                                | link, else locality; outside Ukraine and its neighbours:|
 * |                                | warning on lat or lon; swapped into it: error           |
 * | event_group (then title words) | type, by CIR_GROUPS below; subType = event_group        |
 * | arms/munition                  | weaponClass (cut to 100 with a warning)                 |
 * | title, brief description       | text: title, description when it adds to it,           |
 * | link, geolocation              | then "Sources: <link> <geolocation>"                    |
 * | town/city, district, province, country | placeName                                       |
 * | country                        | warning when not a country name (Belaurs, Russa)        |
 * | violence level                 | not mapped (a level 1-5 of the footage's violence); a   |
 * |                                | word (GRAPHIC) or empty cell is a warning               |
 * | -                              | mode reported; source open_source "CIR Russia-Ukraine   |
 * |                                | Monitor" (or --source)                                  |
 */
import type { IncidentType } from '../core/agreements/vocabulary.js';
import type { ReportInput } from '../core/reports/report-schema.js';
import { checkCoordinates, UKRAINE_AND_NEIGHBOURS } from './coordinates.js';
import { importCsv, readDayWindow, type CsvFormat, type PipelineOptions } from './pipeline.js';
import { addError, addWarning, fitText, LIMITS, readRecordId, type ImportRow } from './row.js';

/** Reads a CIR monitor CSV export, streaming. */
export function readCirCsv(path: string, options: PipelineOptions): AsyncIterable<ImportRow> {
  return importCsv(path, CIR_CSV, options);
}

/** Incident types named by words of a title, in order of precedence. */
export const TITLE_WORDS: readonly [RegExp, IncidentType][] = [
  [/\bmissiles?\b|iskander|kalibr|tochka|\bkh-\d+|cruise|ballistic/i, 'missile_strike'],
  [/\bdrones?\b|\buavs?\b|shahed|bayraktar|loitering|lancet/i, 'drone_strike'],
  [/\bair ?strikes?\b|\bairstrikes?\b|aerial bomb/i, 'air_strike'],
  [
    /\bshell(s|ed|ing)?\b|artillery|mortar|\bmlrs\b|\bgrad\b|smerch|uragan|\brockets?\b|howitzer|cluster|tos-1/i,
    'shelling',
  ],
  [/\bland ?mines?\b|\banti-(tank|personnel) mines?\b|\bieds?\b|booby.trap/i, 'mine_ied'],
];

/**
 * Event group to type: a fixed type, or the title's words with a fallback (`undefined`: the
 * row is an error when the title names nothing).
 */
export const CIR_GROUPS: readonly [
  RegExp,
  IncidentType | { fallback: IncidentType | undefined },
][] = [
  [/^Civilian Infrastructure Damage/i, 'damage_to_civilian_infrastructure'],
  [/^Civilian Casualty/i, 'attack_on_civilians'],
  [/^Mass grave or Burial/i, 'attack_on_civilians'],
  [/^Detentions or Arrests/i, 'abduction'],
  [/^Ground Battle/i, 'armed_clash'],
  [/^Russian (Military Presence|Allies Presence|Firing Positions)/i, 'new_position'],
  [/Military Losses/i, { fallback: 'armed_clash' }],
  [/^(Bombing or Explosion|Munitions|Military Infrastructure Damage)/i, { fallback: 'shelling' }],
  [/./, { fallback: undefined }],
];

/** The type for an event group and title, or undefined when neither names one. */
export function cirType(group: string, title: string): IncidentType | undefined {
  const rule = CIR_GROUPS.find(([pattern]) => pattern.test(group))?.[1];
  if (typeof rule === 'string') return rule;
  const named = TITLE_WORDS.find(([pattern]) => pattern.test(title))?.[1];
  return named ?? rule?.fallback;
}

const COUNTRIES = new Set(
  ['Ukraine', 'Russia', 'Belarus', 'Moldova', 'Poland', 'Romania', 'Hungary', 'Slovakia']
    .concat(['Georgia', 'Lithuania', 'Latvia', 'Estonia', 'Finland', 'Kazakhstan', 'Serbia'])
    .map((c) => c.toLowerCase()),
);

const CIR_CSV: CsvFormat = {
  name: 'CIR monitor',
  requiredColumns: ['entry', 'date', 'event_group', 'title', 'lat', 'lon'],
  dateColumns: ['date'],
  idColumn: 'entry',
  map(v, ctx) {
    const p = ctx.problems;
    const id = readRecordId(p, 'entry', v['entry']);
    const window = readDayWindow(ctx, ['date', v['date']]);
    const point = checkCoordinates(
      p,
      { field: 'lat', value: v['lat'] },
      { field: 'lon', value: v['lon'] },
      { required: true, region: UKRAINE_AND_NEIGHBOURS },
    );
    const group = v['event_group']?.trim() ?? '';
    const title = v['title']?.trim() ?? '';
    const type = cirType(group, title);
    if (type === undefined) {
      addError(p, 'event_group', `"${group}": the title names no incident type Truce tracks`);
    }
    checkViolenceLevel(p, v['violence level']);
    const country = v['country']?.trim() ?? '';
    if (country !== '' && !COUNTRIES.has(country.toLowerCase())) {
      addWarning(p, 'country', `"${country}" is not a country name (a typo?)`);
    }
    const description = v['brief description']?.trim() ?? '';
    const links = [v['link'], v['geolocation']].map((l) => l?.trim() ?? '').filter(Boolean);
    const text = [
      title,
      description && !title.endsWith(description) ? description : '',
      links.length > 0 ? `Sources: ${links.join(' ')}` : '',
    ]
      .filter(Boolean)
      .join('\n\n');
    const place = ['town/city', 'district', 'province', 'country']
      .map((c) => v[c]?.trim() ?? '')
      .filter(Boolean)
      .join(', ');
    const arms = v['arms/munition']?.trim() ?? '';
    if (!id || !window || !point || !type) return { sourceRecordId: id };
    const geolocated = /^https?:\/\//i.test(v['geolocation']?.trim() ?? '');
    const report: ReportInput = {
      sourceRecordId: id,
      ...window,
      timePrecision: 'day',
      location: { ...point, precision: geolocated ? 'vicinity' : 'locality' },
      mode: 'reported',
      type,
      source: { kind: 'open_source', name: ctx.source ?? 'CIR Russia-Ukraine Monitor' },
      ...(group ? { subType: fitText(p, 'event_group', group, LIMITS.subType) } : {}),
      ...(arms ? { weaponClass: fitText(p, 'arms/munition', arms, LIMITS.weaponClass) } : {}),
      ...(place ? { placeName: fitText(p, 'town/city', place, LIMITS.placeName) } : {}),
      ...(text ? { text: fitText(p, 'title', text, LIMITS.text) } : {}),
    };
    return { report, sourceRecordId: id };
  },
};

function checkViolenceLevel(p: Parameters<typeof addError>[0], value: string | undefined) {
  const level = value?.trim() ?? '';
  if (level === '') addWarning(p, 'violence level', 'is empty');
  else if (!/^[1-5]$/.test(level)) {
    addWarning(p, 'violence level', `"${level}" is not a level 1-5; kept in original only`);
  }
}
