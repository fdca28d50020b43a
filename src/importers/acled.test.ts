import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReports, type ImportRow } from './index.js';

const ACLED = join(import.meta.dirname, '../../test/fixtures/data/acled-synthetic.csv');

async function rows(): Promise<ImportRow[]> {
  const out: ImportRow[] = [];
  for await (const row of readReports({ path: ACLED, format: 'acled' })) out.push(row);
  return out;
}

describe('ACLED CSV (synthetic fixture)', () => {
  it('maps every sub-event type Truce tracks onto an incident type', async () => {
    const types = Object.fromEntries((await rows()).map((r) => [r.sourceRecordId, r.report?.type]));
    expect(types).toEqual({
      SYN1: 'shelling',
      SYN2: 'missile_strike',
      SYN3: 'drone_strike',
      SYN4: 'air_strike',
      SYN5: 'armed_clash',
      SYN6: 'attack_on_civilians',
      SYN7: 'abduction',
      SYN8: 'mine_ied',
      SYN9: 'territory_seized',
      SYN10: 'territory_seized',
      SYN11: 'territory_seized',
      SYN12: undefined,
      SYN13: undefined,
    });
  });

  it('rejects an event type it does not know, naming it', async () => {
    const protest = (await rows()).find((r) => r.sourceRecordId === 'SYN12');
    expect(protest?.problems).toEqual([
      {
        field: 'sub_event_type',
        message: 'unknown event type "Protests / Peaceful protest"',
        severity: 'error',
      },
    ]);
    expect(protest?.line).toBe(13);
  });

  it('widens the window to the week or month that time_precision names', async () => {
    const byId = new Map((await rows()).map((r) => [r.sourceRecordId, r.report]));
    expect(byId.get('SYN3')).toMatchObject({
      observedFrom: '2022-10-14T00:00:00Z',
      observedTo: '2022-10-20T23:59:59Z',
      timePrecision: 'week',
    });
    expect(byId.get('SYN4')).toMatchObject({
      observedFrom: '2023-05-01T00:00:00Z',
      observedTo: '2023-05-31T23:59:59Z',
      timePrecision: 'month',
    });
  });

  it('fills location, actors, fatalities, place and text from their columns', async () => {
    const kramatorsk = (await rows()).find((r) => r.sourceRecordId === 'SYN2')?.report;
    expect(kramatorsk).toEqual({
      sourceRecordId: 'SYN2',
      observedFrom: '2022-04-08T00:00:00Z',
      observedTo: '2022-04-08T23:59:59Z',
      timePrecision: 'day',
      location: { lat: 48.7233, lon: 37.5563, precision: 'locality' },
      mode: 'reported',
      type: 'missile_strike',
      subType: 'Shelling/artillery/missile attack',
      source: { kind: 'dataset', name: 'ACLED' },
      fatalities: { best: 61 },
      actors: ['Military Forces of Russia (2000-)', 'Civilians (Ukraine)'],
      placeName: 'Kramatorsk, Kramatorskyi, Donetsk, Ukraine',
      text: '[synthetic] A ballistic missile hit the railway station.\n\nSources: Synthetic Source',
    });
  });

  it('rejects a longitude out of range, naming the column', async () => {
    const row = (await rows()).find((r) => r.sourceRecordId === 'SYN13');
    expect(row?.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'longitude: 200 is out of range (-180..180)',
    ]);
  });
});
