import { describe, expect, it } from 'vitest';
import {
  GROUPING_THRESHOLDS,
  haversineMetres,
  matchTypes,
  scorePair,
  type GroupingPoint,
} from './grouping.js';

const hour = 3600 * 1000;
const t0 = Date.parse('2022-04-08T10:30:00Z');

function buildPoint(overrides: Partial<GroupingPoint> = {}): GroupingPoint {
  return {
    id: 'a',
    lon: 37.5607,
    lat: 48.7233,
    radiusM: 100,
    from: t0,
    to: t0 + hour,
    type: 'missile_strike',
    ...overrides,
  };
}

describe('grouping two reports', () => {
  it('groups two reports of one strike a few metres apart, in overlapping windows', () => {
    const result = scorePair(
      buildPoint(),
      buildPoint({
        id: 'b',
        lon: 37.5609,
        lat: 48.7234,
        type: 'attack_on_civilians',
        from: t0 - hour,
        to: t0 + 23 * hour,
      }),
    );
    expect(result).toMatchObject({ decision: 'grouped', typeMatch: 'related', distanceM: 18 });
    expect(result.score).toBeGreaterThanOrEqual(GROUPING_THRESHOLDS.auto);
  });

  it('scales distance by precision: 5 km apart is the same place only for imprecise reports', () => {
    const far = { id: 'b', lat: 48.7233 + 0.045 };
    expect(scorePair(buildPoint(), buildPoint(far)).decision).toBe('apart');
    const districtLevel = scorePair(
      buildPoint({ radiusM: 10_000 }),
      buildPoint({ ...far, radiusM: 10_000 }),
    );
    expect(districtLevel.decision).toBe('grouped');
    expect(districtLevel.toleranceM).toBe(14142);
  });

  it('suggests rather than groups when the windows are a few hours apart', () => {
    const later = buildPoint({ id: 'b', from: t0 + 3 * hour, to: t0 + 4 * hour });
    const result = scorePair(buildPoint(), later);
    expect(result.overlapMs).toBe(-2 * hour);
    expect(result.decision).toBe('suggested');
  });

  it('keeps day-precision reports of consecutive days apart (no chaining day after day)', () => {
    const day = 24 * hour;
    const monday = Date.parse('2022-04-04T00:00:00Z');
    const first = buildPoint({ from: monday, to: monday + day - 1000 });
    const next = buildPoint({ id: 'b', from: monday + day, to: monday + 2 * day - 1000 });
    expect(scorePair(first, next)).toMatchObject({ decision: 'apart', overlapMs: -1000 });
    // Two exact reports a second apart are as close as can be.
    expect(
      scorePair(buildPoint({ to: t0 }), buildPoint({ id: 'b', from: t0 + 1000, to: t0 + 1000 }))
        .decision,
    ).toBe('grouped');
  });

  it('only suggests a report whose window is longer than two days', () => {
    const month = buildPoint({ id: 'b', from: t0 - 10 * 24 * hour, to: t0 + 20 * 24 * hour });
    const result = scorePair(buildPoint(), month);
    expect(result.overlapMs).toBe(hour);
    expect(result).toMatchObject({ decision: 'suggested', score: 0.6 });
    const twoDays = buildPoint({ id: 'b', from: t0 - 24 * hour, to: t0 + 24 * hour });
    expect(scorePair(buildPoint(), twoDays).decision).toBe('grouped');
  });

  it('never groups incompatible types, however close', () => {
    expect(scorePair(buildPoint(), buildPoint({ id: 'b', type: 'access_denied' }))).toMatchObject({
      score: 0,
      decision: 'apart',
      typeMatch: 'none',
    });
  });

  it('is symmetric', () => {
    const a = buildPoint({ radiusM: 1000 });
    const b = buildPoint({
      id: 'b',
      lon: 37.57,
      from: t0 + 2 * hour,
      to: t0 + 3 * hour,
      type: 'shelling',
    });
    expect(scorePair(a, b)).toEqual(scorePair(b, a));
  });

  it('matches types by category', () => {
    expect(matchTypes('shelling', 'shelling')).toBe('same');
    expect(matchTypes('shelling', 'drone_strike')).toBe('category');
    expect(matchTypes('shelling', 'armed_clash')).toBe('related');
    expect(matchTypes('shelling', 'uav_jamming')).toBe('none');
  });

  it('measures great-circle distance', () => {
    // Kyiv to Kharkiv is about 410 km.
    expect(haversineMetres(30.5234, 50.4501, 36.2304, 49.9935) / 1000).toBeCloseTo(409, 0);
  });
});
