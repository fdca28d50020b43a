import { describe, expect, it } from 'vitest';
import { BIN_WIDTHS_MS, binWidthFor, histogram } from './timeline.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);

describe('the incident timeline', () => {
  it('counts times into round bins aligned to midnight UTC, keeping empty bins', () => {
    const times = [
      at('2015-02-15T10:00:00Z'),
      at('2015-02-15T23:59:00Z'),
      at('2015-02-17T01:00:00Z'),
    ];
    const timeline = histogram(times, 3);
    expect(timeline.binMs).toBe(DAY);
    expect(timeline.from).toBe(at('2015-02-15T00:00:00Z'));
    expect(timeline.to).toBe(at('2015-02-18T00:00:00Z'));
    expect(timeline.bins.map((b) => b.count)).toEqual([2, 0, 1]);
  });

  it('never uses more bins than asked for, however the times fall', () => {
    for (const maxBins of [1, 2, 7, 50, 200]) {
      for (const span of [0, 1, 59_000, 5 * HOUR, 40 * DAY, 4000 * DAY, 90_000 * DAY]) {
        const start = at('2014-09-05T13:37:00Z');
        const timeline = histogram([start, start + span], maxBins);
        expect(timeline.bins.length).toBeLessThanOrEqual(maxBins);
        expect(timeline.bins.reduce((sum, b) => sum + b.count, 0)).toBe(2);
      }
    }
  });

  it('picks the narrowest round width that fits', () => {
    expect(binWidthFor(0, 10 * 60_000, 100)).toBe(BIN_WIDTHS_MS[0]);
    expect(binWidthFor(0, 10 * DAY, 100)).toBe(3 * HOUR);
    expect(binWidthFor(0, 10 * DAY, 11)).toBe(DAY);
  });

  it('holds times on both sides of 1970 in one bin when one is asked for', () => {
    // Epoch-aligned bins always split there; a single unaligned bin takes them all.
    for (const times of [
      [at('1969-12-31T00:00:00Z'), at('1970-01-02T00:00:00Z')],
      [at('0001-01-01T00:00:00Z'), at('9999-12-31T00:00:00Z')],
    ]) {
      const timeline = histogram(times, 1);
      expect(timeline.bins).toEqual([{ start: times[0], count: 2 }]);
      expect(timeline.to).toBeGreaterThan(times[1] as number);
    }
    expect(binWidthFor(-DAY, DAY, 1)).toBe(Infinity);
    // Two bins are enough for an aligned width.
    expect(
      histogram([at('1969-12-31T00:00:00Z'), at('1970-01-02T00:00:00Z')], 2).bins,
    ).toHaveLength(2);
  });

  it('answers no times with an empty timeline', () => {
    expect(histogram([], 10)).toEqual({ from: null, to: null, binMs: DAY, bins: [] });
  });
});
