import { readdirSync, readFileSync } from 'node:fs';
import { booleanClockwise } from '@turf/boolean-clockwise';
import { describe, expect, it } from 'vitest';
import type { Position } from './geojson.js';
import { validateGeometry, type GeometryCheck } from './validate-geometry.js';

const FIXTURES = new URL('../../../test/fixtures/geojson/', import.meta.url);

function readFixture(folder: 'good' | 'bad', name: string): unknown {
  return JSON.parse(readFileSync(new URL(`${folder}/${name}`, FIXTURES), 'utf8'));
}

function fixtureNames(folder: 'good' | 'bad'): string[] {
  return readdirSync(new URL(`${folder}/`, FIXTURES)).filter((name) => name.endsWith('.geojson'));
}

/** The value at a path inside parsed JSON. */
function at(value: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], value);
}

/** The geometries a fixture holds: itself, a Feature's geometry or a collection's. */
function geometriesIn(json: unknown): unknown[] {
  const type = at(json, 'type');
  if (type === 'Feature') return [at(json, 'geometry')];
  if (type === 'FeatureCollection') {
    return (at(json, 'features') as unknown[]).map((feature) => at(feature, 'geometry'));
  }
  return [json];
}

/** Bad fixtures whose faulty geometry sits inside another object, or that only warrant a warning. */
const BAD_FIXTURES: Record<string, { pick?: (json: unknown) => unknown[]; only?: 'warning' }> = {
  'bad-polygonloop.geojson': { pick: (json) => [at(json, 'geometry')] },
  // Every type is in lower case, the geometries' too.
  'featurecollection-type-case.geojson': {
    pick: (json) => (at(json, 'features') as unknown[]).map((feature) => at(feature, 'geometry')),
  },
  // Features 1 and 2 are wrong at the Feature level only; their geometries are fine.
  'multiple_problems.geojson': {
    pick: (json) => [at(json, 'features', 0, 'geometry'), at(json, 'features', 3, 'geometry')],
  },
  'bad-polygon-interiorring-rhr.geojson': { only: 'warning' },
  'polygon_winding_order.geojson': { only: 'warning' },
  'geometrycollection_nested.geojson': { only: 'warning' },
};

const errorsOf = (check: GeometryCheck) => check.problems.filter((p) => p.severity === 'error');
const messages = (check: GeometryCheck) => check.problems.map((problem) => problem.message);
/** Each problem on one line: "error at coordinates/0: ring 0 of ...". */
const lines = (check: GeometryCheck) =>
  check.problems.map((p) => `${p.severity} at ${p.path.join('/')}: ${p.message}`);

/** A closed rectangular ring, counterclockwise unless `clockwise`. */
function box(west: number, south: number, east: number, north: number, clockwise = false) {
  const ring = [west, east, east, west].map((lon, i): Position => [lon, i < 2 ? south : north]);
  return [...(clockwise ? ring.reverse() : ring), ring[0] as Position];
}

/** A square in the Donbas, 0.2 degrees on a side, and a hole inside it. */
const SQUARE = box(37.5, 47.9, 37.7, 48.1);
const HOLE = box(37.55, 47.95, 37.65, 48.05, true);
const [sw, se, ne, nw] = SQUARE as [Position, Position, Position, Position];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('validateGeometry on the geojsonhint fixtures', () => {
  it.each(fixtureNames('good'))('finds no problem in the geometries of good/%s', (name) => {
    for (const geometry of geometriesIn(readFixture('good', name))) {
      const check = validateGeometry(geometry);
      expect(check.problems).toEqual([]);
      expect(check.geometry).not.toBeNull();
    }
  });

  it.each(fixtureNames('bad'))('finds what is wrong with bad/%s', (name) => {
    const { pick = (json: unknown) => [json], only } = BAD_FIXTURES[name] ?? {};
    for (const geometry of pick(readFixture('bad', name))) {
      const check = validateGeometry(geometry);
      if (only === 'warning') {
        expect(errorsOf(check)).toEqual([]);
        expect(check.problems.length).toBeGreaterThan(0);
        // The returned geometry is repaired: checking it again finds no winding to fix.
        expect(messages(validateGeometry(check.geometry)).join()).not.toMatch(/clockwise/);
      } else {
        expect(errorsOf(check).length).toBeGreaterThan(0);
        expect(check.geometry).toBeNull();
      }
    }
  });
});

describe('validateGeometry', () => {
  it('accepts a counterclockwise polygon and returns an equal copy, not the input', () => {
    const input = { type: 'Polygon', coordinates: [SQUARE] };
    const check = validateGeometry(input);
    expect(check).toEqual({ geometry: input, problems: [] });
    expect(check.geometry).not.toBe(input);
  });

  it('says longitude and latitude may be swapped when swapping them gives a valid position', () => {
    // Panmunjom on the Korean armistice line is [126.677, 37.956]; here written latitude first.
    const check = validateGeometry({ type: 'Point', coordinates: [37.956, 126.677] });
    expect(check.geometry).toBeNull();
    expect(lines(check)).toEqual([
      'error at coordinates/1: latitude 126.677 of the point is out of range; longitude and latitude may be swapped (GeoJSON puts longitude first)',
    ]);
  });

  it('does not suggest a swap when swapping would not help', () => {
    const check = validateGeometry({ type: 'Point', coordinates: [150, 95] });
    expect(messages(check)).toEqual(['latitude 95 of the point is out of range [-90, 90]']);
  });

  it('refuses a longitude out of range and says which position holds it', () => {
    const check = validateGeometry({ type: 'LineString', coordinates: [sw, [217.8, 48]] });
    expect(lines(check)).toEqual([
      'error at coordinates/1/0: longitude 217.8 of position 1 of the line is out of range [-180, 180]',
    ]);
  });

  it('refuses a ring whose last position differs from its first', () => {
    const ring = [sw, se, ne, nw, [37.6, 47.9]];
    const check = validateGeometry({ type: 'Polygon', coordinates: [ring] });
    expect(lines(check)).toEqual([
      'error at coordinates/0: ring 0 of the polygon is not closed: its first position [37.5, 47.9] differs from its last [37.6, 47.9]',
    ]);
  });

  it('refuses a ring of 3 positions', () => {
    const ring = [sw, se, sw];
    const check = validateGeometry({ type: 'Polygon', coordinates: [ring] });
    expect(check.problems).toMatchObject([{ path: ['coordinates', 0], severity: 'error' }]);
    expect(messages(check)[0]).toMatch(/^ring 0 of the polygon has 3 positions; .* at least 4/);
  });

  it('refuses a bow tie and names the point where the ring crosses itself', () => {
    const bowTie = [sw, ne, se, nw, sw];
    const check = validateGeometry({ type: 'Polygon', coordinates: [bowTie] });
    expect(check.geometry).toBeNull();
    expect(lines(check)).toEqual([
      'error at coordinates/0: ring 0 of the polygon crosses itself at [37.6, 48]',
    ]);
  });

  it('does not mistake a repeated position for a self-intersection', () => {
    const ring = [sw, se, se, ne, nw, sw];
    expect(validateGeometry({ type: 'Polygon', coordinates: [ring] }).problems).toEqual([]);
  });

  it('refuses a ring that encloses no area', () => {
    const ring = [sw, se, sw, sw];
    const check = validateGeometry({ type: 'Polygon', coordinates: [ring] });
    expect(messages(check)).toEqual([
      'ring 0 of the polygon encloses no area: it has only 2 distinct positions',
    ]);
  });

  it('reverses a clockwise exterior ring with a warning and leaves the input alone', () => {
    const clockwise = [...SQUARE].reverse();
    const input = deepFreeze({ type: 'Polygon', coordinates: [clockwise] });
    const check = validateGeometry(input);
    expect(lines(check)).toEqual([
      'warning at coordinates/0: ring 0 of the polygon was clockwise; reversed to counterclockwise as RFC 7946 requires',
    ]);
    expect(check.geometry).toEqual({ type: 'Polygon', coordinates: [SQUARE] });
    expect(input.coordinates[0]).toEqual([...SQUARE].reverse());
  });

  it('reverses a counterclockwise hole to clockwise with a warning', () => {
    const hole = [...HOLE].reverse();
    const check = validateGeometry({ type: 'Polygon', coordinates: [SQUARE, hole] });
    expect(check.problems).toMatchObject([{ path: ['coordinates', 1], severity: 'warning' }]);
    expect(messages(check)[0]).toMatch(/^ring 1 of the polygon \(a hole\) was counterclockwise/);
    expect(check.geometry).toEqual({ type: 'Polygon', coordinates: [SQUARE, HOLE] });
    expect(booleanClockwise(HOLE)).toBe(true);
  });

  it('refuses coordinates written as strings', () => {
    const check = validateGeometry({ type: 'Point', coordinates: ['37.8', '48.0'] });
    expect(lines(check)).toEqual([
      'error at coordinates/0: coordinate 0 of the point is the string "37.8", not a number',
    ]);
  });

  it('refuses values that are not finite numbers', () => {
    for (const bad of [NaN, Infinity, null, true]) {
      const check = validateGeometry({ type: 'Point', coordinates: [37.8, bad] });
      expect(check.problems).toMatchObject([{ path: ['coordinates', 1], severity: 'error' }]);
      expect(messages(check)[0]).toMatch(
        /^coordinate 1 of the point is .*, not a (finite )?number$/,
      );
    }
  });

  it('refuses positions of one number or of four', () => {
    for (const coordinates of [[37.8], [37.8, 48, 120, 5]]) {
      expect(errorsOf(validateGeometry({ type: 'Point', coordinates }))).toHaveLength(1);
    }
    expect(validateGeometry({ type: 'Point', coordinates: [37.8, 48, 120] }).problems).toEqual([]);
  });

  it('says when coordinates are nested too shallow or too deep', () => {
    const shallow = validateGeometry({ type: 'LineString', coordinates: [37.8, 48] });
    expect(messages(shallow)[0]).toContain('need more nesting');
    const deep = validateGeometry({ type: 'Point', coordinates: [[37.8, 48]] });
    expect(messages(deep)[0]).toContain('nested too deeply');
  });

  it('refuses an unknown type and a type in the wrong case', () => {
    expect(messages(validateGeometry({ type: 'Circle', coordinates: [37.8, 48] }))).toEqual([
      'unknown geometry type "Circle": expected Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection',
    ]);
    expect(messages(validateGeometry({ type: 'polygon', coordinates: [SQUARE] }))).toEqual([
      'unknown type "polygon": type names are case-sensitive, use "Polygon"',
    ]);
  });

  it('refuses a Feature: a zone needs the geometry itself', () => {
    const feature = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [1, 2] },
    };
    expect(errorsOf(validateGeometry(feature)).map((p) => p.message)).toContain(
      'expected a geometry (Point, LineString, Polygon, ...), got Feature',
    );
  });

  it('points into the faulty member of a MultiPolygon', () => {
    const unclosed = [sw, se, ne, nw];
    const check = validateGeometry({ type: 'MultiPolygon', coordinates: [[SQUARE], [unclosed]] });
    expect(check.problems).toMatchObject([{ path: ['coordinates', 1, 0], severity: 'error' }]);
    expect(messages(check)[0]).toMatch(/^ring 0 of polygon 1 of the MultiPolygon is not closed/);
    const farOff = [sw, se, [37.7, 98.1], nw, sw];
    const far = validateGeometry({ type: 'MultiPolygon', coordinates: [[SQUARE], [farOff]] });
    expect(far.problems).toMatchObject([{ path: ['coordinates', 1, 0, 2, 1] }]);
    expect(messages(far)[0]).toMatch(/^latitude 98.1 of position 2 of ring 0 of polygon 1 of/);
  });

  it('points into the faulty member of a GeometryCollection and says which member', () => {
    const check = validateGeometry({
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [37.8, 48] },
        { type: 'LineString', coordinates: [[37.8, 48]] },
      ],
    });
    expect(lines(check)).toEqual([
      'error at geometries/1/coordinates: the line has 1 position; it needs at least 2 (in member 1 of the GeometryCollection)',
    ]);
  });

  it('warns about a nested GeometryCollection but accepts it', () => {
    const inner = {
      type: 'GeometryCollection',
      geometries: [{ type: 'Point', coordinates: [1, 2] }],
    };
    const check = validateGeometry({ type: 'GeometryCollection', geometries: [inner] });
    expect(check.problems).toMatchObject([{ path: ['geometries', 0], severity: 'warning' }]);
    expect(check.geometry).toEqual({ type: 'GeometryCollection', geometries: [inner] });
  });

  it('refuses empty geometries, which cannot mark a zone', () => {
    for (const empty of [
      { type: 'MultiPolygon', coordinates: [] },
      { type: 'Polygon', coordinates: [] },
      { type: 'GeometryCollection', geometries: [] },
    ]) {
      expect(errorsOf(validateGeometry(empty))).toHaveLength(1);
    }
  });

  it('checks bbox and drops it, with foreign members, from the returned geometry', () => {
    const input = { type: 'Point', coordinates: [37.8, 48], bbox: [37.8, 48, 37.8, 48], note: 'x' };
    expect(validateGeometry(input)).toEqual({
      geometry: { type: 'Point', coordinates: [37.8, 48] },
      problems: [],
    });
    const bad = validateGeometry({ ...input, bbox: [37.8, '48', 37.8, 48] });
    expect(bad.problems).toMatchObject([{ path: ['bbox', 1], severity: 'error' }]);
  });

  it('refuses members that would make the geometry a Feature', () => {
    const check = validateGeometry({ type: 'Point', coordinates: [1, 2], properties: {} });
    expect(check.problems).toMatchObject([{ path: ['properties'], severity: 'error' }]);
  });
});
