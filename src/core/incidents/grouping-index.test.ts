import { describe, expect, it } from 'vitest';
import { INCIDENT_TYPES } from '../agreements/vocabulary.js';
import { scorePair, type GroupingPoint } from './grouping.js';
import { GroupingIndex } from './grouping-index.js';

/** Seeded points, clustered so that many pairs are near each other in place and time. */
function points(
  count: number,
  seed: number,
  around: { lon: number; lat: number },
): GroupingPoint[] {
  let state = seed;
  const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const radii = [10, 100, 1_000, 10_000, 50_000, 300_000];
  const start = Date.parse('2024-05-01T00:00:00Z');
  return Array.from({ length: count }, (_, i) => {
    const from = start + Math.floor(random() * 72) * 3600_000;
    const lengths = [0, 3600_000, 86_400_000, 30 * 86_400_000];
    return {
      id: `p${i}`,
      lon: ((around.lon + (random() - 0.5) * 2 + 540) % 360) - 180,
      lat: Math.max(-90, Math.min(90, around.lat + (random() - 0.5) * 1.5)),
      radiusM: radii[Math.floor(random() * radii.length)] ?? 100,
      from,
      to: from + (lengths[Math.floor(random() * lengths.length)] ?? 0),
      type: INCIDENT_TYPES[Math.floor(random() * 4)] ?? 'shelling',
    };
  });
}

/** The pairs scorePair keeps (grouped or suggested), by brute force. */
function keptPairs(all: readonly GroupingPoint[]): Set<string> {
  const kept = new Set<string>();
  all.forEach((a, i) => {
    for (const b of all.slice(0, i)) {
      if (scorePair(a, b).decision !== 'apart') kept.add(`${a.id}/${b.id}`);
    }
  });
  return kept;
}

/** The ids of a point's candidates, sorted. */
function candidateIds(index: GroupingIndex, point: GroupingPoint): string[] {
  return index
    .candidates(point)
    .map((c) => c.id)
    .sort();
}

/** One report at 10:00 on 1 May 2024, for the small cases. */
const at = Date.parse('2024-05-01T10:00:00Z');
const a: GroupingPoint = {
  id: 'a',
  lon: 37,
  lat: 48,
  radiusM: 100,
  from: at,
  to: at,
  type: 'shelling',
};

describe('the grouping index', () => {
  it.each([
    ['eastern Ukraine', { lon: 37.5, lat: 48.5 }],
    ['the antimeridian (Fiji)', { lon: 179.7, lat: -17 }],
    ['near the pole (Svalbard)', { lon: 16, lat: 78.5 }],
  ])('finds every pair scorePair keeps, added one by one, in %s', (_, around) => {
    const all = points(700, 7, around);
    const expected = keptPairs(all);
    expect(expected.size).toBeGreaterThan(50);
    const index = new GroupingIndex();
    const found = new Set<string>();
    for (const point of all) {
      for (const c of index.candidates(point)) {
        if (scorePair(point, c).decision !== 'apart') found.add(`${point.id}/${c.id}`);
      }
      index.add(point);
    }
    expect(found).toEqual(expected);
  });

  it('answers the same when built at once as when built one by one', () => {
    const all = points(400, 11, { lon: 30, lat: 50 });
    const built = GroupingIndex.of(all);
    const added = new GroupingIndex();
    for (const p of all) added.add(p);
    expect(built.size).toBe(400);
    for (const p of all.slice(0, 50)) {
      expect(candidateIds(built, p)).toEqual(candidateIds(added, p));
      expect(candidateIds(built, p)).not.toContain(p.id);
    }
  });

  it('finds the same after folding its recent additions into the packed tree', () => {
    // 26,000 additions pass the first fold (at 20,000), leaving some in the dynamic tree.
    const all = points(26_000, 5, { lon: 37, lat: 48 });
    const added = new GroupingIndex();
    for (const p of all) added.add(p);
    const built = GroupingIndex.of(all);
    let found = 0;
    for (const p of all.filter((_, i) => i % 130 === 0)) {
      expect(candidateIds(added, p)).toEqual(candidateIds(built, p));
      found += candidateIds(added, p).length;
    }
    expect(found).toBeGreaterThan(200);
  });

  it('no longer offers a removed report', () => {
    const b = { ...a, id: 'b', lon: 37.0005 };
    const index = GroupingIndex.of([a]);
    expect(index.candidates(b).map((c) => c.id)).toEqual(['a']);
    index.remove('a');
    expect(index.candidates(b)).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('leaves out reports too far apart in time or place', () => {
    const index = GroupingIndex.of([a]);
    expect(
      index.candidates({ ...a, id: 'late', from: at + 7 * 3600_000, to: at + 7 * 3600_000 }),
    ).toEqual([]);
    expect(index.candidates({ ...a, id: 'far', lat: 48.01 })).toEqual([]);
    expect(index.candidates({ ...a, id: 'near', lat: 48.001 }).map((c) => c.id)).toEqual(['a']);
  });
});
