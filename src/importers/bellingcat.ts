/**
 * Bellingcat civilian harm TimeMap data (`ukr-civharm-*.json`): a JSON array, read whole.
 * The date shape changed between snapshots (2022: YYYY-MM-DD; 2024: MM/DD/YYYY, whose order
 * date-orders.ts decides from the file); ids repeat in the newer snapshot (warnings).
 *
 * | Bellingcat                     | ReportInput                                             |
 * |--------------------------------|---------------------------------------------------------|
 * | id                             | sourceRecordId (empty: error; repeated: warning)        |
 * | date                           | observedFrom 00:00:00Z, observedTo 23:59:59Z; day       |
 * | latitude, longitude (strings)  | location, precision vicinity (geolocated footage);      |
 * |                                | checked like CIR (Ukraine and its neighbours)           |
 * | filters "Weapon System"        | type by BELLINGCAT_WEAPONS; weaponClass = the value     |
 * | filters "Type of area affected" | subType; when the weapon is Unknown/None: a named area |
 * |                                | → damage_to_civilian_infrastructure, else               |
 * |                                | attack_on_civilians                                     |
 * | description, sources[].path    | text: description, then "Sources: <paths>"              |
 * | location                       | placeName                                               |
 * | -                              | mode reported; source open_source "Bellingcat civilian  |
 * |                                | harm" (or --source)                                     |
 */
import type { IncidentType } from '../core/agreements/vocabulary.js';
import type { ReportInput } from '../core/reports/report-schema.js';
import { checkCoordinates, UKRAINE_AND_NEIGHBOURS } from './coordinates.js';
import { ImportUsageError } from './errors.js';
import { isObject } from './features.js';
import { elementLines, readJsonFile } from './json.js';
import { importJsonItems, readDayWindow, type PipelineOptions } from './pipeline.js';
import { addWarning, cellText, fitText, LIMITS, readRecordId, type ImportRow } from './row.js';

/** Reads a Bellingcat civilian harm JSON array. */
export async function* readBellingcatJson(
  path: string,
  options: PipelineOptions,
): AsyncGenerator<ImportRow> {
  const { value, text } = await readJsonFile(path);
  if (!Array.isArray(value)) {
    throw new ImportUsageError(`${path} is not a Bellingcat civilian harm file: not a JSON array`);
  }
  const items = value.map((item: unknown) => (isObject(item) ? item : { item }));
  yield* importJsonItems(
    {
      items,
      lines: elementLines(text, items.length),
      idField: 'id',
      dateCells: (item) => [['date', item['date']]],
      map: (item, ctx) => {
        const p = ctx.problems;
        const id = readRecordId(p, 'id', cellText(item['id']));
        const window = readDayWindow(ctx, ['date', item['date']]);
        const point = checkCoordinates(
          p,
          { field: 'latitude', value: item['latitude'] },
          { field: 'longitude', value: item['longitude'] },
          { required: true, region: UKRAINE_AND_NEIGHBOURS },
        );
        const weapons = filterValues(item, 'Weapon System');
        const areas = filterValues(item, 'Type of area affected');
        const type = bellingcatType(weapons, areas, (message) => addWarning(p, 'filters', message));
        const sources = Array.isArray(item['sources']) ? (item['sources'] as unknown[]) : [];
        const paths = sources.map((s) => (isObject(s) ? cellText(s['path']) : '')).filter(Boolean);
        const description = cellText(item['description']);
        const body = [description, paths.length > 0 ? `Sources: ${paths.join(' ')}` : '']
          .filter(Boolean)
          .join('\n\n');
        const place = cellText(item['location']);
        const weaponClass = weapons.filter((w) => !/^(unknown|none)$/i.test(w)).join(', ');
        if (!id || !window || !point) return { sourceRecordId: id };
        const report: ReportInput = {
          sourceRecordId: id,
          ...window,
          timePrecision: 'day',
          location: { ...point, precision: 'vicinity' },
          mode: 'reported',
          type,
          source: { kind: 'open_source', name: ctx.source ?? 'Bellingcat civilian harm' },
          ...(areas.length > 0
            ? { subType: fitText(p, 'filters', areas.join(', '), LIMITS.subType) }
            : {}),
          ...(weaponClass
            ? { weaponClass: fitText(p, 'filters', weaponClass, LIMITS.weaponClass) }
            : {}),
          ...(place ? { placeName: fitText(p, 'location', place, LIMITS.placeName) } : {}),
          ...(body ? { text: fitText(p, 'description', body, LIMITS.text) } : {}),
        };
        return { report, sourceRecordId: id };
      },
    },
    options,
  );
}

/** Bellingcat "Weapon System" values to incident types (Unknown and None: decided by area). */
export const BELLINGCAT_WEAPONS: Record<string, IncidentType> = {
  'Cruise missile': 'missile_strike',
  'Ballistic missile': 'missile_strike',
  'Anti-air missile': 'missile_strike',
  'Loitering munition': 'drone_strike',
  'Air strike': 'air_strike',
  'HE rocket artillery': 'shelling',
  'HE artillery inc mortars': 'shelling',
  'HE tube artillery': 'shelling',
  'Cluster munitions': 'shelling',
  'Thermobaric munition': 'shelling',
  'Incendiary munitions': 'shelling',
  'Land mines': 'mine_ied',
  'Small arms': 'attack_on_civilians',
  'Vehicle mounted weapon': 'attack_on_civilians',
};

/** The type from the weapon filters, else from the area filters; warns of unknown weapons. */
export function bellingcatType(
  weapons: readonly string[],
  areas: readonly string[],
  warn: (message: string) => void,
): IncidentType {
  for (const weapon of weapons) {
    const type = BELLINGCAT_WEAPONS[weapon];
    if (type !== undefined) return type;
    if (!/^(unknown|none)$/i.test(weapon))
      warn(`weapon system "${weapon}" is not known; type from the area`);
  }
  const named = areas.some((a) => !/^(undefined|military)$/i.test(a));
  return named ? 'damage_to_civilian_infrastructure' : 'attack_on_civilians';
}

function filterValues(item: Record<string, unknown>, key: string): string[] {
  const filters = Array.isArray(item['filters']) ? (item['filters'] as unknown[]) : [];
  return filters
    .filter((f): f is Record<string, unknown> => isObject(f) && f['key'] === key)
    .map((f) => cellText(f['value']))
    .filter(Boolean);
}
