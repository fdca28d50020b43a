/**
 * VIINA 2.0 derived extracts (the `VIINA_20xx_REBUILD.csv` files: one-per-day events of
 * Zhukov & Ayers' Violent Incident Information from News Articles, filtered to strikes on
 * infrastructure), UTF-8, dates YYYYMMDD, Ukrainian and Russian headlines.
 *
 * | VIINA                          | ReportInput                                              |
 * |--------------------------------|----------------------------------------------------------|
 * | event_id_1pd                   | sourceRecordId (required)                                |
 * | date (YYYYMMDD)                | observedFrom 00:00:00Z, observedTo 23:59:59Z; day        |
 * | latitude, longitude            | location, precision locality (a GeoNames place)          |
 * | attack_terms (then text)       | type: stems of missile (ракет) → missile_strike, drone   |
 * |                                | (дрон, безпілот, беспилот, бпла, шахед) → drone_strike,   |
 * |                                | air raid (авіаудар, авиаудар, авіабомб, бомбард...) →     |
 * |                                | air_strike, artillery                                    |
 * |                                | (обстр, артил, снаряд, міном, мином) → shelling           |
 * | target_classes                 | subType; when no means is named: a civilian class        |
 * |                                | (energy, refining, port, pipeline, fuel) →               |
 * |                                | damage_to_civilian_infrastructure, else missile_strike   |
 * |                                | with a warning (the taxonomy has no "means unknown")     |
 * | a_rus, a_ukr = 1               | actors "Russian or Russian-backed forces", "Ukrainian forces" |
 * | representative_text, source_urls | text: the headline, then "Sources: <urls>"             |
 * | asciiname, ADM2_NAME, ADM1_NAME | placeName                                               |
 * | (script of the headline)       | language uk (і, ї, є, ґ) or ru (ы, э, ъ, ё)              |
 * | -                              | mode reported; source dataset "VIINA 2.0" (or --source)  |
 */
import type { IncidentType } from '../core/agreements/vocabulary.js';
import type { ReportInput } from '../core/reports/report-schema.js';
import { checkCoordinates, UKRAINE_AND_NEIGHBOURS } from './coordinates.js';
import { importCsv, readDayWindow, type CsvFormat, type PipelineOptions } from './pipeline.js';
import { addWarning, fitText, LIMITS, readRecordId, type ImportRow } from './row.js';

/** Reads a VIINA (derived) CSV file, streaming. */
export function readViinaCsv(path: string, options: PipelineOptions): AsyncIterable<ImportRow> {
  return importCsv(path, VIINA_CSV, options);
}

/** Means of attack by word stem, in order of precedence. */
export const VIINA_MEANS: readonly [RegExp, IncidentType][] = [
  [/ракет/iu, 'missile_strike'],
  [/дрон|безпілот|беспилот|бпла|шахед/iu, 'drone_strike'],
  [/авіаудар|авиаудар|авіаналіт|авианалет|авіабомб|авиабомб|бомбард/iu, 'air_strike'],
  [/обстр|артил|снаряд|міном|мином/iu, 'shelling'],
];

const CIVILIAN_CLASSES = new Set([
  'ENERGY_GRID_SUPPORT',
  'REFINING_PETROCHEM_GAS',
  'PORT_EXPORT_LOGISTICS',
  'PIPELINE_PUMPING',
  'FUEL_STORAGE_TERMINAL',
]);

const VIINA_CSV: CsvFormat = {
  name: 'VIINA',
  requiredColumns: [
    'event_id_1pd',
    'date',
    'latitude',
    'longitude',
    'attack_terms',
    'target_classes',
    'representative_text',
  ],
  dateColumns: ['date'],
  idColumn: 'event_id_1pd',
  map(v, ctx) {
    const p = ctx.problems;
    const id = readRecordId(p, 'event_id_1pd', v['event_id_1pd']);
    const window = readDayWindow(ctx, ['date', v['date']]);
    const point = checkCoordinates(
      p,
      { field: 'latitude', value: v['latitude'] },
      { field: 'longitude', value: v['longitude'] },
      { required: true, region: UKRAINE_AND_NEIGHBOURS },
    );
    const headline = v['representative_text']?.trim() ?? '';
    const classes = v['target_classes']?.trim() ?? '';
    const terms = v['attack_terms']?.trim() ?? '';
    const named = VIINA_MEANS.filter(([stem]) => stem.test(terms));
    const [field, means] =
      named.length > 0
        ? ['attack_terms', named]
        : ['representative_text', VIINA_MEANS.filter(([stem]) => stem.test(headline))];
    let type: IncidentType;
    if (means[0] !== undefined) {
      type = means[0][1];
      if (means.length > 1) {
        const all = means.map(([, t]) => t).join(', ');
        addWarning(p, field, `names several means of attack (${all}); type ${type}`);
      }
    } else if (classes.split('|').some((c) => CIVILIAN_CLASSES.has(c))) {
      type = 'damage_to_civilian_infrastructure';
    } else {
      type = 'missile_strike';
      addWarning(
        p,
        'attack_terms',
        `"${terms}" names no means of attack; missile_strike assumed for a strike on ${classes || 'an unnamed target'}: check`,
      );
    }
    const actors = [
      ...(v['a_rus']?.trim() === '1' ? ['Russian or Russian-backed forces'] : []),
      ...(v['a_ukr']?.trim() === '1' ? ['Ukrainian forces'] : []),
    ];
    const urls = (v['source_urls'] ?? '')
      .split('|')
      .map((u) => u.trim())
      .filter(Boolean);
    const text = [headline, urls.length > 0 ? `Sources: ${urls.join(' ')}` : '']
      .filter(Boolean)
      .join('\n\n');
    const place = ['asciiname', 'ADM2_NAME', 'ADM1_NAME']
      .map((c) => v[c]?.trim() ?? '')
      .filter(Boolean)
      .join(', ');
    const language = /[іїєґ]/iu.test(headline)
      ? 'uk'
      : /[ыэъё]/iu.test(headline)
        ? 'ru'
        : undefined;
    if (!id || !window || !point) return { sourceRecordId: id };
    const report: ReportInput = {
      sourceRecordId: id,
      ...window,
      timePrecision: 'day',
      location: { ...point, precision: 'locality' },
      mode: 'reported',
      type,
      source: { kind: 'dataset', name: ctx.source ?? 'VIINA 2.0' },
      ...(classes ? { subType: fitText(p, 'target_classes', classes, LIMITS.subType) } : {}),
      ...(actors.length > 0 ? { actors } : {}),
      ...(place ? { placeName: fitText(p, 'asciiname', place, LIMITS.placeName) } : {}),
      ...(language ? { language } : {}),
      ...(text ? { text: fitText(p, 'representative_text', text, LIMITS.text) } : {}),
    };
    return { report, sourceRecordId: id };
  },
};
