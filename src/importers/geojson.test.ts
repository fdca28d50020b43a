import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportUsageError, readReports, type ImportRow } from './index.js';
import { tempDirs } from '../../test/support/temp-dir.js';

const tempDir = tempDirs();

function feature(properties: Record<string, unknown>, coordinates: unknown = [37.5563, 48.7233]) {
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates } };
}

async function geojsonFile(
  features: unknown[],
  extra: Record<string, unknown> = {},
): Promise<string> {
  const path = join(await tempDir('truce-geojson-'), 'reports.geojson');
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  const head = JSON.stringify({ type: 'FeatureCollection', ...extra }).slice(0, -1);
  await writeFile(path, `${head},\n"features": [\n${body}\n]}\n`);
  return path;
}

async function collect(path: string): Promise<ImportRow[]> {
  const out: ImportRow[] = [];
  for await (const row of readReports({ path, format: 'geojson', source: 'Field team' })) {
    out.push(row);
  }
  return out;
}

describe('generic GeoJSON', () => {
  it('builds a report from report-like properties and the point geometry', async () => {
    const path = await geojsonFile([
      {
        ...feature({
          type: 'missile_strike',
          observedFrom: '2022-04-08T10:25:00Z',
          observedTo: '2022-04-08T10:40:00Z',
          timePrecision: 'hour',
          precision: 'vicinity',
          mode: 'camera',
          fatalities: { low: 50, best: 61, high: 63 },
          actors: ['Party A'],
          text: 'Station hit',
          language: 'en',
        }),
        id: 'F-1',
      },
    ]);
    const [row] = await collect(path);
    expect(row?.line).toBe(3);
    expect(row?.report).toEqual({
      sourceRecordId: 'F-1',
      observedFrom: '2022-04-08T10:25:00Z',
      observedTo: '2022-04-08T10:40:00Z',
      timePrecision: 'hour',
      location: { lat: 48.7233, lon: 37.5563, precision: 'vicinity' },
      mode: 'camera',
      type: 'missile_strike',
      source: { kind: 'dataset', name: 'Field team' },
      fatalities: { low: 50, best: 61, high: 63 },
      actors: ['Party A'],
      language: 'en',
      text: 'Station hit',
    });
  });

  it('names each unknown property once, on the first feature that has it', async () => {
    const props = { type: 'shelling', observedFrom: '2022-04-08', colour: 'red' };
    const rows = await collect(await geojsonFile([feature(props), feature(props)]));
    expect(rows[0]?.problems).toEqual([
      {
        field: 'colour',
        message: 'is not a report field; kept in original only',
        severity: 'warning',
      },
    ]);
    expect(rows[1]?.problems).toEqual([]);
  });

  it('refuses non-point geometries and swapped or out-of-range positions', async () => {
    const props = { type: 'shelling', observedFrom: '2022-04-08' };
    const rows = await collect(
      await geojsonFile([
        { type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: [] } },
        feature(props, [48.7, 137.5]),
        feature(props, [37.5]),
      ]),
    );
    expect(rows.map((r) => r.problems.map((p) => `${p.field}: ${p.message}`))).toEqual([
      ['geometry.type: "LineString" is not supported: only Point'],
      [
        'geometry.coordinates[1]: 137.5 is out of range (-90..90); latitude and longitude appear swapped',
      ],
      ['geometry.coordinates: is not a [lon, lat] position'],
    ]);
  });

  it('ignores a WGS84 crs with one warning and rejects every feature under another crs', async () => {
    const props = { type: 'shelling', observedFrom: '2022-04-08' };
    const crs = (name: string) => ({ crs: { type: 'name', properties: { name } } });
    const wgs = await collect(
      await geojsonFile([feature(props), feature(props)], crs('EPSG:4326')),
    );
    expect(wgs.map((r) => r.problems.length)).toEqual([1, 0]);
    const mercator = await collect(await geojsonFile([feature(props)], crs('EPSG:3857')));
    expect(mercator[0]?.problems[0]).toEqual({
      field: 'crs',
      message: '"EPSG:3857" is not WGS84 lon/lat; reproject to EPSG:4326',
      severity: 'error',
    });
  });

  it('refuses a file that is not a FeatureCollection', async () => {
    const path = join(await tempDir('truce-geojson-'), 'point.geojson');
    await writeFile(path, JSON.stringify(feature({})));
    await expect(collect(path)).rejects.toThrow(ImportUsageError);
  });
});
