import { describe, expect, it } from 'vitest';
import { checkCoordinates, UKRAINE_AND_NEIGHBOURS, type CoordinateOptions } from './coordinates.js';
import type { ImportProblem } from './row.js';

function check(lat: unknown, lon: unknown, options: CoordinateOptions = { required: true }) {
  const problems: ImportProblem[] = [];
  const point = checkCoordinates(
    problems,
    { field: 'lat', value: lat },
    { field: 'lon', value: lon },
    options,
  );
  return { point, problems: problems.map((p) => `${p.severity} ${p.field}: ${p.message}`) };
}
const ukraine: CoordinateOptions = { required: true, region: UKRAINE_AND_NEIGHBOURS };

describe('coordinates', () => {
  it('accepts numbers and numeric strings', () => {
    expect(check('50.45', '30.52').point).toEqual({ lat: 50.45, lon: 30.52 });
    expect(check(5.4, 26.5).point).toEqual({ lat: 5.4, lon: 26.5 });
  });

  it('names the field that is not a number, empty or out of range', () => {
    expect(check('49,99', '36.2').problems).toEqual(['error lat: "49,99" is not a number']);
    expect(check('', '36.2').problems).toEqual(['error lat: is empty']);
    expect(check('50', '181').problems).toEqual(['error lon: 181 is out of range (-180..180)']);
    expect(check('-91', '200').problems).toEqual(['error lat: -91 is out of range (-90..90)']);
  });

  it('calls a latitude beyond 90 that would be a fine longitude a swap', () => {
    expect(check('114.3', '51.6').problems).toEqual([
      'error lat: 114.3 is out of range (-90..90); latitude and longitude appear swapped',
    ]);
  });

  it('calls a pair that lies in the region only when swapped a swap', () => {
    expect(check('36.23', '49.99', ukraine).problems).toEqual([
      'error lat: 36.23,49.99 lies outside Ukraine and its neighbours but 49.99,36.23 lies inside: latitude and longitude appear swapped',
    ]);
  });

  it('warns about points outside the region without rejecting them', () => {
    const { point, problems } = check('56.01', '92.89', ukraine);
    expect(point).toEqual({ lat: 56.01, lon: 92.89 });
    expect(problems).toEqual([
      'warning lon: 56.01,92.89 lies outside Ukraine and its neighbours (lat 41..60, lon 14..50)',
    ]);
  });

  it('rejects the 0,0 placeholder and warns when longitude repeats latitude', () => {
    expect(check('-0.000137', '0.000403').problems).toEqual([
      'error lat: -0.000137,0.000403 is the 0,0 placeholder, not a place',
    ]);
    expect(check('48.5', '48.5').problems).toEqual([
      'warning lon: equals the latitude (48.5): probably a copy error',
    ]);
  });

  it('treats an empty pair as no location unless a location is required', () => {
    expect(check('', '', { required: false })).toEqual({ point: undefined, problems: [] });
    expect(check('', '').problems).toEqual(['error lat: is empty (and so is lon)']);
  });
});
