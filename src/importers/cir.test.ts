import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cirType } from './cir.js';
import { readReports, type ImportRow } from './index.js';

const CIR = join(import.meta.dirname, '../../test/fixtures/data/cir-synthetic.csv');

async function rows(): Promise<ImportRow[]> {
  const out: ImportRow[] = [];
  for await (const row of readReports({ path: CIR, format: 'cir' })) out.push(row);
  return out;
}

function problemsByLine(all: ImportRow[]): Record<number, string[]> {
  return Object.fromEntries(
    all
      .filter((r) => r.problems.length > 0)
      .map((r) => [r.line, r.problems.map((p) => `${p.severity} ${p.field}: ${p.message}`)]),
  );
}

describe('CIR monitor CSV (synthetic fixture with the real defects)', () => {
  it('turns every defect into a problem on its line, naming the column', async () => {
    expect(problemsByLine(await rows())).toEqual({
      4: ['warning entry: id SYN0002 also on line 3'],
      5: ['error entry: is empty'],
      6: ['error date: is empty'],
      7: [
        'warning lon: 56.01,92.89 lies outside Ukraine and its neighbours (lat 41..60, lon 14..50)',
      ],
      8: [
        'error lat: 36.23,49.99 lies outside Ukraine and its neighbours but 49.99,36.23 lies inside: latitude and longitude appear swapped',
      ],
      9: ['error lat: 95.1 is out of range (-90..90); latitude and longitude appear swapped'],
      10: [
        'warning lon: equals the latitude (50.652372): probably a copy error',
        'warning lon: 50.652372,50.652372 lies outside Ukraine and its neighbours (lat 41..60, lon 14..50)',
      ],
      11: [
        'warning violence level: "GRAPHIC" is not a level 1-5; kept in original only',
        'warning country: "Belaurs" is not a country name (a typo?)',
      ],
      12: ['error event_group: "Other": the title names no incident type Truce tracks'],
      19: ['error lat: "49,99" is not a number'],
      20: ['warning arms/munition: is 131 characters long; cut to 100'],
    });
  });

  it('keeps reports for warnings and drops them for errors', async () => {
    const all = await rows();
    const withReport = all.filter((r) => r.report).map((r) => r.line);
    expect(withReport).toEqual([2, 3, 4, 7, 10, 11, 13, 14, 15, 18, 20]);
  });

  it('counts the lines of a multi-line cell before the next record', async () => {
    const all = await rows();
    expect(all.find((r) => r.sourceRecordId === 'SYN0013')?.line).toBe(15);
    expect(all.find((r) => r.sourceRecordId === 'SYN0014')?.line).toBe(18);
  });

  it('keeps cells starting with =, +, - and @ verbatim in original and text', async () => {
    const row = (await rows()).find((r) => r.sourceRecordId === 'SYN0012');
    expect(row?.original).toMatchObject({
      title: '=HYPERLINK("http://example.org/syn","[synthetic] click")',
      'brief description': '+380 00 000 0000',
      district: '@mention',
      'arms/munition': '-',
    });
    expect(row?.report?.text).toMatch(
      /^=HYPERLINK\("http:\/\/example\.org\/syn","\[synthetic\] click"\)\n\n\+380/,
    );
    expect(row?.report?.weaponClass).toBe('-');
  });

  it('maps a geolocated row with its precision, place, weapon and sources', async () => {
    const row = (await rows()).find((r) => r.sourceRecordId === 'SYN0014');
    expect(row?.report).toEqual({
      sourceRecordId: 'SYN0014',
      observedFrom: '2022-04-08T00:00:00Z',
      observedTo: '2022-04-08T23:59:59Z',
      timePrecision: 'day',
      location: { lat: 48.7233, lon: 37.5563, precision: 'vicinity' },
      mode: 'reported',
      type: 'attack_on_civilians',
      source: { kind: 'open_source', name: 'CIR Russia-Ukraine Monitor' },
      subType: 'Civilian Casualty',
      weaponClass: '9M79-1 Tochka-U',
      placeName: 'Kramatorsk, Donetska, Ukraine',
      text:
        '[synthetic] 08/04/2022 Strike on a railway station\n\n' +
        '[synthetic] Follows a multi-line record\n\n' +
        'Sources: https://example.org/syn/15 https://example.org/syn/15-geo',
    });
  });

  it('types a row by its event group, else by the words of its title', () => {
    expect(cirType('Civilian Infrastructure Damage May 2022', 'Missile hits a school')).toBe(
      'damage_to_civilian_infrastructure',
    );
    expect(cirType('Bombing or Explosion Feb - June', 'Iskander strike')).toBe('missile_strike');
    expect(cirType('Bombing or Explosion July - Now', 'Explosions heard')).toBe('shelling');
    expect(cirType('Russian Military Losses Feb - June', 'Tank hit by a drone')).toBe(
      'drone_strike',
    );
    expect(cirType('Russian Military Losses Feb - June', 'Destroyed tank')).toBe('armed_clash');
    expect(cirType('Other', 'Protest in a square')).toBeUndefined();
    expect(cirType('Something new', 'Landmine on a road')).toBe('mine_ied');
  });
});
