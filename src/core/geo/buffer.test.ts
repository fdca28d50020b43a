import { describe, expect, it } from 'vitest';
import { boundsOf } from './bounds.js';
import { bufferGeometry } from './buffer.js';
import type { Geometry, Position } from './geojson.js';
import { validateGeometry } from './validate-geometry.js';

/** Turf's mean Earth radius, in km. */
const EARTH_RADIUS_KM = 6371.0088;
const rad = (degrees: number) => (degrees * Math.PI) / 180;
const deg = (radians: number) => (radians * 180) / Math.PI;

/** The point `km` away from `from` on the great circle leaving at `bearing` degrees. */
function destination([lon, lat]: Position, km: number, bearing: number): Position {
  const [φ1, λ1, θ, δ] = [rad(lat ?? 0), rad(lon ?? 0), rad(bearing), km / EARTH_RADIUS_KM];
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ));
  const y = Math.sin(θ) * Math.sin(δ) * Math.cos(φ1);
  const λ2 = λ1 + Math.atan2(y, Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
  return [deg(λ2), deg(φ2)];
}

/** Even-odd ray casting in the lon/lat plane; fine for rings of short edges like buffers. */
function insideRing([x = 0, y = 0]: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inside(point: Position, geometry: Geometry): boolean {
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : [];
  return polygons.some(
    ([exterior = [], ...holes]) =>
      insideRing(point, exterior) && !holes.some((hole) => insideRing(point, hole)),
  );
}

function allNumbers(geometry: Geometry): number[] {
  return JSON.stringify(geometry)
    .match(/-?\d+(\.\d+)?(e-?\d+)?/g)!
    .map(Number);
}

/** A 111 km stretch of line along the meridian 37.8° E, in the Donbas. */
const LINE: Geometry = {
  type: 'LineString',
  coordinates: [
    [37.8, 47.5],
    [37.8, 48.5],
  ],
};

describe('bufferGeometry', () => {
  const buffered = bufferGeometry(LINE, 25);

  it('covers what lies within 25 km of a line and nothing beyond', () => {
    expect(buffered.type).toBe('Polygon');
    for (const bearing of [90, 270]) {
      expect(inside(destination([37.8, 48], 24, bearing), buffered)).toBe(true);
      expect(inside(destination([37.8, 48], 26, bearing), buffered)).toBe(false);
    }
    // Beyond the ends the buffer is a half circle around the end point.
    expect(inside(destination([37.8, 48.5], 24, 0), buffered)).toBe(true);
    expect(inside(destination([37.8, 48.5], 26, 0), buffered)).toBe(false);
    expect(inside(destination([37.8, 47.5], 24, 225), buffered)).toBe(true);
    expect(inside(destination([37.8, 47.5], 26, 225), buffered)).toBe(false);
  });

  it('gives a geometry that passes validateGeometry with no problem at all', () => {
    expect(validateGeometry(buffered)).toEqual({ geometry: buffered, problems: [] });
  });

  it('rounds every coordinate to 5 decimals', () => {
    for (const n of allNumbers(buffered)) expect(Math.round(n * 1e5) / 1e5).toBe(n);
  });

  it('gives the same output for the same input', () => {
    expect(JSON.stringify(bufferGeometry(LINE, 25))).toBe(JSON.stringify(buffered));
  });

  it('does not touch its input', () => {
    const frozen = Object.freeze({
      ...LINE,
      coordinates: Object.freeze([
        [37.8, 47.5],
        [37.8, 48.5],
      ]),
    });
    expect(bufferGeometry(frozen as Geometry, 25)).toEqual(buffered);
  });

  it('widens a polygon by the distance on every side', () => {
    const square: Geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [37.5, 47.9],
          [37.7, 47.9],
          [37.7, 48.1],
          [37.5, 48.1],
          [37.5, 47.9],
        ],
      ],
    };
    const wider = bufferGeometry(square, 10);
    const [west, south, east, north] = boundsOf(wider);
    expect(north - 48.1).toBeCloseTo(10 / 111.2, 2);
    expect(47.9 - south).toBeCloseTo(10 / 111.2, 2);
    expect(37.5 - west).toBeCloseTo(east - 37.7, 3);
    expect(validateGeometry(wider).problems).toEqual([]);
  });

  it('merges the buffers of collection members that overlap and keeps apart those that do not', () => {
    const points = (...coordinates: Position[]): Geometry => ({
      type: 'GeometryCollection',
      geometries: coordinates.map((position) => ({ type: 'Point', coordinates: position })),
    });
    const near = bufferGeometry(points([37.8, 48], [37.9, 48]), 5);
    expect(near.type).toBe('Polygon');
    expect(validateGeometry(near).problems).toEqual([]);
    const far = bufferGeometry(points([37.8, 48], [39.8, 48]), 5);
    expect(far.type === 'MultiPolygon' && far.coordinates.length).toBe(2);
    expect(validateGeometry(far).problems).toEqual([]);
  });

  it('throws for a distance that is not positive, a caller bug', () => {
    for (const distance of [0, -5, NaN, Infinity]) {
      expect(() => bufferGeometry(LINE, distance)).toThrow(/positive distance/);
    }
  });
});

describe('boundsOf', () => {
  it('gives west, south, east and north of every position, altitudes ignored', () => {
    const collection: Geometry = {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [37.8, 48, 300] },
        {
          type: 'LineString',
          coordinates: [
            [36.5, 47.1],
            [38.2, 49.4],
          ],
        },
      ],
    };
    expect(boundsOf(collection)).toEqual([36.5, 47.1, 38.2, 49.4]);
  });

  it('throws for a geometry without positions', () => {
    expect(() => boundsOf({ type: 'MultiPoint', coordinates: [] })).toThrow(/has none/);
  });
});
