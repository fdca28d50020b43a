import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReports, type ImportRow } from './index.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/data');

async function rows(file: string): Promise<ImportRow[]> {
  const out: ImportRow[] = [];
  for await (const row of readReports({ path: join(FIXTURES, file), format: 'viina' })) {
    out.push(row);
  }
  return out;
}

describe('VIINA (excerpts)', () => {
  it('imports every row of both layouts, with CRLF line numbers right', async () => {
    const y2022 = await rows('viina-2022-excerpt.csv');
    const y2025 = await rows('viina-2025-excerpt.csv');
    expect(y2022.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect([...y2022, ...y2025].every((r) => r.report !== undefined)).toBe(true);
  });

  it('maps a row onto a report with place, language, actors and sources', async () => {
    const [first] = await rows('viina-2022-excerpt.csv');
    expect(first?.report).toEqual({
      sourceRecordId: '106315',
      observedFrom: '2022-02-24T00:00:00Z',
      observedTo: '2022-02-24T23:59:59Z',
      timePrecision: 'day',
      location: { lat: 51.046414, lon: 31.880033, precision: 'locality' },
      mode: 'reported',
      type: 'missile_strike',
      source: { kind: 'dataset', name: 'VIINA 2.0' },
      subType: 'STRATEGIC_AIRBASE',
      placeName: "Nizhyn, Nizhyns'ka, Chernihiv",
      language: 'uk',
      text:
        'У Ніжині ракетним ударом знищено пункт управління аеродромом\n\nSources: ' +
        'https://www.unian.ua/war/u-nizhini-raketnim-udarom-znishcheno-punkt-upravlinnya-aerodromom-novini-vtorgnennya-rosiji-v-ukrajinu-11715340.html',
    });
  });

  it('takes the means of attack from the terms, then the headline, then the target', async () => {
    const types = Object.fromEntries(
      (await rows('viina-2025-excerpt.csv')).map((r) => [r.sourceRecordId, r.report?.type]),
    );
    expect(types).toMatchObject({
      '92521': 'missile_strike',
      '132875': 'drone_strike',
      '373735': 'drone_strike',
      '95566': 'damage_to_civilian_infrastructure',
      '81836': 'missile_strike',
    });
  });

  it('warns when it assumes a missile strike because no means is named', async () => {
    const row = (await rows('viina-2025-excerpt.csv')).find((r) => r.sourceRecordId === '81836');
    expect(row?.problems).toEqual([
      {
        field: 'attack_terms',
        message:
          '"знищ" names no means of attack; missile_strike assumed for a strike on AMMUNITION_ARSENAL: check',
        severity: 'warning',
      },
    ]);
  });

  it('names the forces the actor flags set and reads Russian text as ru', async () => {
    const byId = new Map((await rows('viina-2022-excerpt.csv')).map((r) => [r.sourceRecordId, r]));
    expect(byId.get('206534')?.report?.actors).toEqual(['Russian or Russian-backed forces']);
    expect(byId.get('106315')?.report?.actors).toBeUndefined();
    expect(byId.get('253944')?.report?.language).toBe('ru');
  });
});
