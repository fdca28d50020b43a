import { describe, expect, it } from 'vitest';
import {
  barHeight,
  keyStep,
  moveHandle,
  rangeOfDrag,
  scaleOf,
  snapToBin,
  timeAt,
  xOf,
} from './timeline-scale';

const DAY = 86_400_000;
const scale = { start: 0, end: 10 * DAY, width: 1000 };

describe('the timeline scale and brush', () => {
  it('maps times to x and back, clamped to the range', () => {
    expect(xOf(scale, 5 * DAY)).toBe(500);
    expect(xOf(scale, -DAY)).toBe(0);
    expect(xOf(scale, 20 * DAY)).toBe(1000);
    expect(timeAt(scale, 250)).toBe(2.5 * DAY);
    expect(timeAt(scale, 2000)).toBe(10 * DAY);
    expect(xOf({ start: 5, end: 5, width: 100 }, 5)).toBe(0);
  });

  it('snaps a drag outward to whole bins, and a click to the bin under it', () => {
    expect(rangeOfDrag(scale, DAY, 150, 420)).toEqual({ start: DAY, end: 5 * DAY });
    expect(rangeOfDrag(scale, DAY, 420, 150)).toEqual({ start: DAY, end: 5 * DAY });
    expect(rangeOfDrag(scale, DAY, 330, 330)).toEqual({ start: 3 * DAY, end: 4 * DAY });
    expect(snapToBin(scale, DAY, 3.4 * DAY)).toBe(3 * DAY);
  });

  it('moves a handle by bins without crossing the other or leaving the range', () => {
    const range = { start: 2 * DAY, end: 4 * DAY };
    expect(moveHandle(scale, DAY, range, 'start', 1)).toEqual({ start: 3 * DAY, end: 4 * DAY });
    expect(moveHandle(scale, DAY, range, 'start', 5)).toEqual({ start: 3 * DAY, end: 4 * DAY });
    expect(moveHandle(scale, DAY, range, 'start', -10)).toEqual({ start: 0, end: 4 * DAY });
    expect(moveHandle(scale, DAY, range, 'end', -5)).toEqual({ start: 2 * DAY, end: 3 * DAY });
    expect(moveHandle(scale, DAY, range, 'end', 10)).toEqual({ start: 2 * DAY, end: 10 * DAY });
  });

  it('reads arrow and page keys as steps, and ignores others', () => {
    expect(keyStep('ArrowRight')).toBe(1);
    expect(keyStep('ArrowLeft')).toBe(-1);
    expect(keyStep('PageUp')).toBe(10);
    expect(keyStep('a')).toBeNull();
  });

  it('draws bars in proportion, a non-empty bin at least one pixel high', () => {
    expect(barHeight(50, 100, 80)).toBe(40);
    expect(barHeight(1, 100_000, 80)).toBe(1);
    expect(barHeight(0, 10, 80)).toBe(0);
  });

  it('has no scale for an empty timeline', () => {
    expect(scaleOf({ from: null, to: null, binMs: DAY, bins: [], unlocated: 0 }, 100)).toBeNull();
    expect(
      scaleOf(
        {
          from: '1970-01-01T00:00:00Z',
          to: '1970-01-02T00:00:00Z',
          binMs: DAY,
          bins: [],
          unlocated: 0,
        },
        1,
      ),
    ).toEqual({ start: 0, end: DAY, width: 1 });
  });
});
