import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DateFormatAmbiguity } from './errors.js';
import { readReports, type ImportRow, type ReadReportsInput } from './index.js';
import { UCDP_REQUIRED_COLUMNS } from './ucdp.js';
import { tempDirs } from '../../test/support/temp-dir.js';

const tempDir = tempDirs();

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/data');
const UTF8 = join(FIXTURES, 'ucdp-ukraine-utf8-excerpt.csv');
const CP1252 = join(FIXTURES, 'ucdp-ukraine-cp1252-excerpt.csv');
const CAR = join(FIXTURES, 'ucdp-car-excerpt.geojson');

async function collect(input: ReadReportsInput): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  for await (const row of readReports(input)) rows.push(row);
  return rows;
}

/** A UCDP CSV file of the given events (defaults: one valid event in Kyiv). */
async function ucdpFile(events: Record<string, string>[]): Promise<string> {
  const header = [...UCDP_REQUIRED_COLUMNS, 'low', 'high', 'source_article', 'geom_wkt'];
  const base: Record<string, string> = {
    id: '1',
    date_start: '2022-03-01',
    date_end: '2022-03-01',
    date_prec: '1',
    where_prec: '1',
    latitude: '50.45',
    longitude: '30.52',
    side_a: 'Government of Russia',
    side_b: 'Government of Ukraine',
    best: '2',
    low: '1',
    high: '3',
    type_of_violence: '1',
    source_article: 'Agency,2022-03-01,Headline',
    geom_wkt: 'POINT (30.52 50.45)',
  };
  const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
  const lines = events.map((e) => header.map((h) => quote({ ...base, ...e }[h] ?? '')).join(','));
  const path = join(await tempDir('truce-ucdp-'), 'ged.csv');
  await writeFile(path, [header.join(','), ...lines, ''].join('\n'));
  return path;
}

describe('UCDP GED CSV', () => {
  it('imports every row of the UTF-8 excerpt as a report', async () => {
    const rows = await collect({ path: UTF8, format: 'ucdp' });
    expect(rows).toHaveLength(29);
    expect(rows.every((r) => r.report !== undefined)).toBe(true);
    expect(rows[0]).toMatchObject({
      line: 2,
      sourceRecordId: '147997',
      report: {
        sourceRecordId: '147997',
        observedFrom: '2014-01-22T00:00:00Z',
        observedTo: '2014-01-22T23:59:59Z',
        timePrecision: 'day',
        location: { lat: 50.45, lon: 30.52333, precision: 'exact' },
        mode: 'reported',
        type: 'armed_clash',
        subType: 'state-based',
        source: { kind: 'dataset', name: 'UCDP GED' },
        fatalities: { low: 5, best: 5, high: 5 },
        actors: ['Government of Ukraine', 'Maidan'],
        placeName: 'Kiev city',
      },
    });
    expect(rows[0]?.report?.text).toMatch(/^"Agence France Presse,2014-01-22,Police disperse Kiev/);
    expect(rows[0]?.original['conflict_name']).toBe('Ukraine: Government');
  });

  it('stops before any row when the Windows-1252 excerpt leaves day and month open', async () => {
    const error = await collect({ path: CP1252, format: 'ucdp' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DateFormatAmbiguity);
    const message = (error as Error).message;
    expect(message).toMatch(/^column date_start: \d+ rows shaped nn\/nn\/yyyy hh:mm fit both/);
    expect(message).toContain('column date_end:');
    expect(message).toContain('rows shaped nn/nn/yyyy h:mm:ss AM/PM are MM/DD');
    expect(message).toMatch(/pass --date-format DD\/MM\/YYYY or MM\/DD\/YYYY$/);
  });

  it('gives rows found in both files the same dates once told MM/DD/YYYY', async () => {
    const utf8 = new Map(
      (await collect({ path: UTF8, format: 'ucdp' })).map((r) => [r.sourceRecordId, r]),
    );
    const rows = await collect({ path: CP1252, format: 'ucdp', dateFormat: 'MM/DD/YYYY' });
    expect(rows).toHaveLength(38);
    expect(rows.every((r) => r.report !== undefined)).toBe(true);
    const shared = rows.filter((r) => utf8.has(r.sourceRecordId));
    expect(shared).toHaveLength(25);
    for (const row of shared) {
      const twin = utf8.get(row.sourceRecordId)?.report;
      expect([row.report?.observedFrom, row.report?.observedTo], row.sourceRecordId).toEqual([
        twin?.observedFrom,
        twin?.observedTo,
      ]);
    }
  });

  it('decodes Windows-1252 punctuation and maps one-sided violence', async () => {
    const rows = await collect({ path: CP1252, format: 'ucdp', dateFormat: 'MM/DD/YYYY' });
    const byId = new Map(rows.map((r) => [r.sourceRecordId, r.report]));
    expect(byId.get('466757')?.text).toMatch(/[“”]/);
    expect(byId.get('448644')).toMatchObject({
      type: 'attack_on_civilians',
      subType: 'one-sided',
      observedFrom: '2022-02-24T00:00:00Z',
    });
    expect(byId.get('449871')?.observedFrom).toBe('2022-03-02T00:00:00Z');
  });

  it('keeps proven month-first rows when told DD/MM/YYYY, and warns once', async () => {
    const rows = await collect({ path: CP1252, format: 'ucdp', dateFormat: 'DD/MM/YYYY' });
    const byId = new Map(rows.map((r) => [r.sourceRecordId, r]));
    expect(byId.get('147997')?.report?.observedFrom).toBe('2014-01-22T00:00:00Z');
    expect(byId.get('449871')?.report?.observedFrom).toBe('2022-02-03T00:00:00Z');
    const warnings = rows.flatMap((r) => r.problems).filter((p) => /applies only/.test(p.message));
    expect(warnings.map((w) => w.field)).toEqual(['date_start', 'date_end']);
  });

  it('names the field of every problem and drops the report on errors', async () => {
    const path = await ucdpFile([
      { id: '' },
      { id: '2', type_of_violence: '4' },
      { id: '3', date_end: '2022-02-27' },
      { id: '4', where_prec: '9', date_prec: '' },
      { id: '5', latitude: '30.52', longitude: '50.45' },
      { id: '6', best: '-1', high: 'many' },
    ]);
    const rows = await collect({ path, format: 'ucdp' });
    const errors = rows.map((r) => r.problems.map((p) => `${p.field}: ${p.message}`));
    expect(errors).toEqual([
      ['id: is empty'],
      ['type_of_violence: "4" is not one of 1, 2, 3'],
      ['date_end: is before date_start (2022-03-01)'],
      ['date_prec: is empty', 'where_prec: "9" is not one of 1-7'],
      ['latitude: latitude and longitude appear swapped: geom_wkt puts the event at 50.45,30.52'],
      [
        'best: "-1" is not a whole number of 0 or more',
        'high: "many" is not a whole number of 0 or more',
      ],
    ]);
    expect(rows.every((r) => r.report === undefined)).toBe(true);
  });

  it('cuts an over-long source_article to the schema limit with a warning', async () => {
    const path = await ucdpFile([{ source_article: 'x'.repeat(20_050) }]);
    const [row] = await collect({ path, format: 'ucdp', source: 'UCDP GED 25.1' });
    expect(row?.report?.text).toHaveLength(20_000);
    expect(row?.report?.source).toEqual({ kind: 'dataset', name: 'UCDP GED 25.1' });
    expect(row?.problems).toEqual([
      {
        field: 'source_article',
        message: 'is 20050 characters long; cut to 20000',
        severity: 'warning',
      },
    ]);
  });
});

describe('UCDP GED GeoJSON', () => {
  it('imports every feature, with the legacy crs noted on the first row only', async () => {
    const rows = await collect({ path: CAR, format: 'ucdp-geojson' });
    expect(rows.map((r) => r.line)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(rows.every((r) => r.report !== undefined)).toBe(true);
    expect(rows[0]?.problems).toEqual([
      {
        field: 'crs',
        message:
          'legacy member ("urn:ogc:def:crs:OGC:1.3:CRS84") ignored: GeoJSON coordinates are WGS84 lon/lat (RFC 7946)',
        severity: 'warning',
      },
    ]);
    expect(rows.slice(1).flatMap((r) => r.problems.filter((p) => p.field === 'crs'))).toEqual([]);
  });

  it('takes the location from the geometry and maps precision and violence', async () => {
    const rows = await collect({ path: CAR, format: 'ucdp-geojson' });
    const byId = new Map(rows.map((r) => [r.sourceRecordId, r.report]));
    expect(byId.get('36210')).toMatchObject({
      location: { lat: 5.399784, lon: 26.486881, precision: 'region' },
      type: 'armed_clash',
      observedFrom: '2009-02-20T00:00:00Z',
    });
    expect(byId.get('22775')).toMatchObject({
      type: 'attack_on_civilians',
      timePrecision: 'month',
      observedFrom: '2000-01-01T00:00:00Z',
      observedTo: '2000-12-31T23:59:59Z',
    });
  });
});
