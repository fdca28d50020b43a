import { describe, expect, it } from 'vitest';
import { intersectBbox, searchBoundsOf } from './search-box.js';

describe('search boxes of zone filters', () => {
  const zone = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [37, 48],
        [38.5, 48],
        [38.5, 49],
        [37, 49],
        [37, 48],
      ],
    ],
  };

  it('widens a zone by a radius, more in longitude away from the equator, within the globe', () => {
    const [west, south, east, north] = searchBoundsOf(zone, 111_000);
    expect([south, north]).toEqual([47, 50]);
    // One degree of latitude; at 50 N a degree of longitude is 0.64 of it.
    expect(east - 38.5).toBeCloseTo(1 / Math.cos((50 * Math.PI) / 180), 6);
    expect(38.5 - east).toBeCloseTo(west - 37, 6);
    expect(searchBoundsOf(zone, 20_000_000)).toEqual([-180, -90, 180, 90]);
  });

  it('overlaps a requested bbox, also one across the antimeridian', () => {
    const bounds: [number, number, number, number] = [37, 48, 38.5, 49];
    expect(intersectBbox(undefined, bounds)).toEqual(bounds);
    expect(intersectBbox([38, 40, 50, 48.5], bounds)).toEqual([38, 48, 38.5, 48.5]);
    expect(intersectBbox([39, 40, 50, 60], bounds)).toBeUndefined();
    expect(intersectBbox([30, 49.5, 50, 60], bounds)).toBeUndefined();
    // 100 E eastwards to 60 E: the zone is on the western side.
    expect(intersectBbox([100, -80, 60, 80], bounds)).toEqual([37, 48, 38.5, 49]);
    // 30 E eastwards to 170 W: the eastern side.
    expect(intersectBbox([38, -80, -170, 80], bounds)).toEqual([38, 48, 38.5, 49]);
    // 170 E to 170 W: neither.
    expect(intersectBbox([170, -80, -170, 80], bounds)).toBeUndefined();
    // Bounds meeting both sides: an answer across the antimeridian holding both overlaps.
    expect(intersectBbox([170, -80, -170, 80], [-175, 0, 175, 10])).toEqual([170, 0, -170, 10]);
  });
});
