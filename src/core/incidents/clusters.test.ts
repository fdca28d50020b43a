import { describe, expect, it } from 'vitest';
import { cellDegreesAt, clusterPoints, PointColumns, type ClusterPoint } from './clusters.js';

const point = (
  id: string,
  lon: number,
  lat: number,
  overrides: Partial<ClusterPoint> = {},
): ClusterPoint => ({
  id,
  lon,
  lat,
  from: 0,
  to: 1000,
  type: 'shelling',
  status: 'reported',
  ...overrides,
});

describe('clustering incidents for a map', () => {
  const points = [
    point('a', 30, 48),
    point('b', 30.001, 48.001),
    point('c', 36, 50, { type: 'armed_clash' }),
    point('d', 179.9, 10),
  ];

  it('counts per cell, with the mean position and the id of a lone incident', () => {
    const cells = clusterPoints(points, {}, cellDegreesAt(8)).sort((x, y) => x.lon - y.lon);
    expect(cells.map((c) => [c.count, c.incidentId])).toEqual([
      [2, null],
      [1, 'c'],
      [1, 'd'],
    ]);
    expect(cells[0]?.lon).toBeCloseTo(30.0005, 6);
  });

  it('filters by bbox (also across the antimeridian), time and type', () => {
    expect(clusterPoints(points, { bbox: [29, 47, 31, 49] }, 1).map((c) => c.count)).toEqual([2]);
    expect(clusterPoints(points, { bbox: [170, 0, -170, 20] }, 1).map((c) => c.incidentId)).toEqual(
      ['d'],
    );
    expect(clusterPoints(points, { types: ['armed_clash'] }, 1).map((c) => c.incidentId)).toEqual([
      'c',
    ]);
    expect(clusterPoints(points, { from: 2000 }, 1)).toEqual([]);
  });

  it('puts everything in one cell at zoom 0 when it is all in one quarter of the world', () => {
    expect(clusterPoints(points.slice(0, 3), {}, cellDegreesAt(0)).map((c) => c.count)).toEqual([
      3,
    ]);
  });
});

describe('incidents without a place in the point index', () => {
  const columns = PointColumns.of([
    point('a', 30, 48),
    point('b', 36, 50, { from: 5000, to: 6000 }),
  ]);
  columns.addUnlocated({ id: 'u1', from: 2000, to: 3000, type: 'shelling', status: 'reported' });
  columns.addUnlocated({ id: 'u2', from: 9000, to: 9500, type: 'armed_clash', status: 'verified' });

  it('are counted by timelines, with their number, and filtered like the others', () => {
    const all = columns.startTimes({});
    expect([...all.times].sort((x, y) => x - y)).toEqual([0, 2000, 5000, 9000]);
    expect(all.unlocated).toBe(2);
    expect(columns.startTimes({ types: ['armed_clash'] })).toEqual({
      times: Float64Array.from([9000]),
      unlocated: 1,
    });
    expect(columns.startTimes({ statuses: ['reported'], to: 2500 }).unlocated).toBe(1);
    expect(columns.size).toBe(4);
  });

  it('are on no map and in no area', () => {
    expect(columns.cluster({}, 360).map((c) => c.count)).toEqual([2]);
    const area = columns.startTimes({ bbox: [-180, -90, 180, 90] });
    expect([[...area.times].sort((x, y) => x - y), area.unlocated]).toEqual([[0, 5000], 0]);
  });
});
