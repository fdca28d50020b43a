import { describe, expect, it } from 'vitest';
import type { Geometry } from './geojson.js';
import { relateToZone } from './relate.js';

// A square of about 11 km a side around (37.55, 48.05).
const square: Geometry = {
  type: 'Polygon',
  coordinates: [
    [
      [37.5, 48],
      [37.6, 48],
      [37.6, 48.1],
      [37.5, 48.1],
      [37.5, 48],
    ],
  ],
};
const line: Geometry = {
  type: 'LineString',
  coordinates: [
    [37.5, 48],
    [37.5, 49],
  ],
};

describe('relating a place to a zone', () => {
  it('is inside when the whole precision circle is', () => {
    const result = relateToZone({ lon: 37.55, lat: 48.05, radiusM: 100 }, square);
    expect(result.relation).toBe('inside');
    expect(result.distanceM).toBeGreaterThan(3500);
  });

  it('is indeterminate when the precision radius crosses the boundary', () => {
    expect(relateToZone({ lon: 37.55, lat: 48.05, radiusM: 10_000 }, square).relation).toBe(
      'indeterminate',
    );
    expect(relateToZone({ lon: 37.601, lat: 48.05, radiusM: 1_000 }, square).relation).toBe(
      'indeterminate',
    );
  });

  it('is outside when the circle lies beyond the boundary', () => {
    const result = relateToZone({ lon: 37.7, lat: 48.05, radiusM: 1_000 }, square);
    expect(result.relation).toBe('outside');
    expect(result.distanceM / 1000).toBeCloseTo(7.4, 0);
  });

  it('gives the distance to a line of contact', () => {
    const result = relateToZone({ lon: 37.6, lat: 48.5, radiusM: 10 }, line);
    expect(result.relation).toBe('near');
    expect(result.distanceM / 1000).toBeCloseTo(7.4, 0);
  });
});
