import { describe, expect, it } from 'vitest';
import { cellOf, cellsOf } from './cells.js';

describe('map cells of a quarter degree', () => {
  it('numbers cells from the south-west corner, row by row', () => {
    expect(cellOf(-180, -90)).toBe(0);
    expect(cellOf(-179.7, -90)).toBe(1);
    expect(cellOf(-180, -89.7)).toBe(1440);
    expect(cellOf(180, 90)).toBe(720 * 1440 - 1);
    expect(cellOf(37.56, 48.72)).toBe(cellOf(37.51, 48.51));
    expect(cellOf(37.56, 48.72)).not.toBe(cellOf(37.49, 48.72));
  });

  it('lists the cells a small bbox touches, every place inside it in one of them', () => {
    const cells = cellsOf([37, 48, 37.6, 48.3]);
    expect(cells).toHaveLength(3 * 2);
    for (const [lon, lat] of [
      [37, 48],
      [37.6, 48.3],
      [37.3, 48.29],
    ] as const) {
      expect(cells).toContain(cellOf(lon, lat));
    }
  });

  it('crosses the antimeridian', () => {
    const cells = cellsOf([179.8, -17, -179.9, -16.9]);
    expect(cells).toContain(cellOf(179.9, -16.95));
    expect(cells).toContain(cellOf(-179.95, -16.95));
    expect(cells).toHaveLength(2);
  });

  it('gives up on an area of more cells than asked for', () => {
    expect(cellsOf([30, 45, 40, 50])).toBeUndefined();
    expect(cellsOf([30, 45, 31.9, 46.9])).toHaveLength(64);
  });
});
