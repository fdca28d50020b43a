import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DateFormatAmbiguity, ImportUsageError, readReports, type ImportRow } from './index.js';
import { tempDirs } from '../../test/support/temp-dir.js';

const tempDir = tempDirs();

async function csvFile(lines: string[]): Promise<string> {
  const path = join(await tempDir('truce-generic-'), 'observations.csv');
  await writeFile(path, lines.join('\n') + '\n');
  return path;
}

async function collect(iterable: AsyncIterable<ImportRow>): Promise<ImportRow[]> {
  const out: ImportRow[] = [];
  for await (const row of iterable) out.push(row);
  return out;
}

const MAP = {
  ref: 'sourceRecordId',
  when: 'observedFrom',
  kind: 'type',
  y: 'lat',
  x: 'lon',
  note: 'text',
  who: 'actors',
  dead: 'fatalities',
};

describe('generic CSV with a column map', () => {
  it('builds reports from the mapped columns and keeps the rest in original', async () => {
    const path = await csvFile([
      'ref,when,kind,y,x,note,who,dead,extra',
      'A1,2022-04-08,shelling,48.72,37.55,Shells hit a street,Side A;Side B,2,kept',
    ]);
    const [row] = await collect(readReports({ path, format: 'csv', map: MAP }));
    expect(row?.report).toEqual({
      sourceRecordId: 'A1',
      observedFrom: '2022-04-08T00:00:00Z',
      observedTo: '2022-04-08T23:59:59Z',
      timePrecision: 'day',
      location: { lat: 48.72, lon: 37.55 },
      mode: 'reported',
      type: 'shelling',
      source: { kind: 'dataset', name: 'observations.csv' },
      fatalities: { best: 2 },
      actors: ['Side A', 'Side B'],
      text: 'Shells hit a street',
    });
    expect(row?.original['extra']).toBe('kept');
  });

  it('reads date-times as instants and warns when they carry no offset', async () => {
    const path = await csvFile([
      'ref,when,kind,until',
      'A1,2022-04-08T10:30:00+03:00,shelling,2022-04-08T11:00:00Z',
      'A2,2022-04-08 10:30,shelling,',
    ]);
    const map = { ref: 'sourceRecordId', when: 'observedFrom', kind: 'type', until: 'observedTo' };
    const [zoned, naive] = await collect(readReports({ path, format: 'csv', map }));
    expect(zoned?.report).toMatchObject({
      observedFrom: '2022-04-08T07:30:00Z',
      observedTo: '2022-04-08T11:00:00Z',
    });
    expect(zoned?.report?.timePrecision).toBeUndefined();
    expect(naive?.report?.observedFrom).toBe('2022-04-08T10:30:00Z');
    expect(naive?.problems).toEqual([
      { field: 'when', message: 'has no UTC offset; read as UTC', severity: 'warning' },
    ]);
  });

  it('refuses values outside the report vocabulary, naming the column', async () => {
    const path = await csvFile(['when,kind,prec', '2022-04-08,explosion,city']);
    const map = { when: 'observedFrom', kind: 'type', prec: 'precision' };
    const [row] = await collect(readReports({ path, format: 'csv', map }));
    expect(row?.report).toBeUndefined();
    expect(row?.problems.map((p) => p.field)).toEqual(['kind', 'prec']);
    expect(row?.problems[0]?.message).toMatch(/^unknown value "explosion" \(one of: shelling, /);
  });

  it('stops before any row when a date column is ambiguous, and obeys --date-format', async () => {
    const path = await csvFile(['when,kind', '03/04/2022,shelling', '05/06/2022,shelling']);
    const map = { when: 'observedFrom', kind: 'type' };
    const seen: ImportRow[] = [];
    const run = async () => {
      for await (const row of readReports({ path, format: 'csv', map })) seen.push(row);
    };
    await expect(run()).rejects.toThrow(DateFormatAmbiguity);
    await expect(run()).rejects.toThrow(/^column when: 2 rows shaped nn\/nn\/yyyy fit both/);
    expect(seen).toEqual([]);
    const told = await collect(readReports({ path, format: 'csv', map, dateFormat: 'DD/MM/YYYY' }));
    expect(told.map((r) => r.report?.observedFrom)).toEqual([
      '2022-04-03T00:00:00Z',
      '2022-06-05T00:00:00Z',
    ]);
  });

  it('throws a usage error for a bad map before reading any row', async () => {
    const path = await csvFile(['when,kind', '2022-04-08,shelling']);
    const usage = (map: Record<string, string>) =>
      collect(readReports({ path, format: 'csv', map })).catch((e: unknown) => e);
    const unknown = (await usage({ when: 'observedFrom', kind: 'category' })) as Error;
    expect(unknown).toBeInstanceOf(ImportUsageError);
    expect(unknown.message).toMatch(
      /^--map kind=category: unknown report field "category"; known: /,
    );
    expect(((await usage({ when: 'observedFrom' })) as Error).message).toBe(
      '--map: no column feeds type, which every report needs',
    );
    expect(((await usage({ when: 'observedFrom', kind: 'type', y: 'lat' })) as Error).message).toBe(
      '--map: lat and lon must both be mapped, or neither',
    );
    const missing = (await usage({
      when: 'observedFrom',
      kind: 'type',
      ref: 'sourceRecordId',
    })) as Error;
    expect(missing).toBeInstanceOf(ImportUsageError);
    expect(missing.message).toMatch(/lacks the column\(s\) ref/);
    const twice = (await usage({ when: 'observedFrom', kind: 'type', again: 'type' })) as Error;
    expect(twice.message).toBe('--map: type is fed by both "kind" and "again"');
  });
});
