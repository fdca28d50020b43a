import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReports, type ImportRow } from './index.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/data');

async function rows(file: string): Promise<ImportRow[]> {
  const out: ImportRow[] = [];
  for await (const row of readReports({ path: join(FIXTURES, file), format: 'bellingcat' })) {
    out.push(row);
  }
  return out;
}

describe('Bellingcat civilian harm JSON (synthetic fixtures)', () => {
  it('numbers the items of a minified file by position and of a pretty one by line', async () => {
    expect((await rows('bellingcat-2024-synthetic.json')).map((r) => r.line)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    expect((await rows('bellingcat-2022-synthetic.json')).map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('warns about a repeated id, naming the first line, and keeps both reports', async () => {
    const all = await rows('bellingcat-2024-synthetic.json');
    const repeated = all.filter((r) => r.sourceRecordId === 'CIV9001');
    expect(repeated.map((r) => r.report?.type)).toEqual(['shelling', 'missile_strike']);
    expect(repeated[1]?.problems).toEqual([
      { field: 'id', message: 'id CIV9001 also on line 1', severity: 'warning' },
    ]);
  });

  it('decides the MM/DD/YYYY order of the newer snapshot from its own rows', async () => {
    const all = await rows('bellingcat-2024-synthetic.json');
    expect(all[1]?.report?.observedFrom).toBe('2022-04-05T00:00:00Z');
  });

  it('rejects placeholder and missing coordinates and a missing id', async () => {
    const all = await rows('bellingcat-2024-synthetic.json');
    const errors = all
      .filter((r) => !r.report)
      .map((r) => r.problems.map((p) => `${p.field}: ${p.message}`));
    expect(errors).toEqual([
      ['latitude: -0.000137,0.000403 is the 0,0 placeholder, not a place'],
      ['latitude: is empty'],
      ['id: is empty'],
    ]);
  });

  it('types by weapon system, else by the area, and warns about unknown weapons', async () => {
    const all = await rows('bellingcat-2024-synthetic.json');
    const byId = new Map(all.map((r) => [r.sourceRecordId, r]));
    expect(byId.get('CIV9006')?.report?.type).toBe('attack_on_civilians');
    expect(byId.get('CIV9007')?.report?.type).toBe('damage_to_civilian_infrastructure');
    expect(byId.get('CIV9007')?.problems[0]?.message).toBe(
      'weapon system "Laser" is not known; type from the area',
    );
  });

  it('maps an item with string coordinates, area, weapon and sources', async () => {
    const [first] = await rows('bellingcat-2024-synthetic.json');
    expect(first?.report).toEqual({
      sourceRecordId: 'CIV9001',
      observedFrom: '2022-03-14T00:00:00Z',
      observedTo: '2022-03-14T23:59:59Z',
      timePrecision: 'day',
      location: { lat: 49.9935, lon: 36.2304, precision: 'vicinity' },
      mode: 'reported',
      type: 'shelling',
      source: { kind: 'open_source', name: 'Bellingcat civilian harm' },
      subType: 'Residential',
      weaponClass: 'Cluster munitions',
      placeName: 'Kharkiv',
      text:
        '[synthetic] Cluster munitions in a residential area\n\n' +
        'Sources: https://example.org/syn/CIV9001/0 https://example.org/syn/CIV9001/1',
    });
    expect(first?.original['latitude']).toBe('49.9935');
  });
});
