/**
 * The arithmetic of the operations timeline: times to x positions and back, bar heights, and
 * the brush (a selected range snapped to bin edges, moved by pointer or by keys). Pure, so it
 * is tested without a browser.
 */
import type { Timeline } from '../../../../src/http/schemas/incidents.js';

/** A linear scale from a time range (ms) onto [0, width] pixels. */
export interface TimeScale {
  readonly start: number;
  readonly end: number;
  readonly width: number;
}

/** The x position of `time` (clamped to the scale). */
export function xOf(scale: TimeScale, time: number): number {
  const span = scale.end - scale.start;
  if (span <= 0) return 0;
  return (clamp(time, scale.start, scale.end) - scale.start) * (scale.width / span);
}

/** The time at x (clamped to the scale). */
export function timeAt(scale: TimeScale, x: number): number {
  return scale.start + (clamp(x, 0, scale.width) / scale.width) * (scale.end - scale.start);
}

/** The nearest bin edge to `time`, within the scale. */
export function snapToBin(scale: TimeScale, binMs: number, time: number): number {
  const snapped = scale.start + Math.round((time - scale.start) / binMs) * binMs;
  return clamp(snapped, scale.start, scale.end);
}

/** A bar's height for `count` when the tallest bar is `height` high (at least 1 px when > 0). */
export function barHeight(count: number, maxCount: number, height: number): number {
  if (count <= 0 || maxCount <= 0) return 0;
  return Math.max(1, (count / maxCount) * height);
}

/** A brushed range in ms, start <= end. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/**
 * The range a drag from x0 to x1 selects, snapped outward to bin edges (a click without
 * movement selects the bin under it).
 */
export function rangeOfDrag(scale: TimeScale, binMs: number, x0: number, x1: number): Range {
  const a = timeAt(scale, Math.min(x0, x1));
  const b = timeAt(scale, Math.max(x0, x1));
  const start = scale.start + Math.floor((a - scale.start) / binMs) * binMs;
  let end = scale.start + Math.ceil((b - scale.start) / binMs) * binMs;
  if (end <= start) end = start + binMs;
  return { start: clamp(start, scale.start, scale.end), end: clamp(end, scale.start, scale.end) };
}

/** Which end of the brush a handle moves. */
export type Handle = 'start' | 'end';

/**
 * The range after moving one handle by `bins` bins (negative: earlier); the handles never
 * cross and keep at least one bin between them, and stay within the scale.
 */
export function moveHandle(
  scale: TimeScale,
  binMs: number,
  range: Range,
  handle: Handle,
  bins: number,
): Range {
  if (handle === 'start') {
    const start = clamp(range.start + bins * binMs, scale.start, range.end - binMs);
    return { start: Math.max(start, scale.start), end: range.end };
  }
  const end = clamp(range.end + bins * binMs, range.start + binMs, scale.end);
  return { start: range.start, end: Math.min(end, scale.end) };
}

/** How many bins a key moves a handle: arrows one, Page keys ten; null for other keys. */
export function keyStep(key: string): number | null {
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return -1;
    case 'ArrowRight':
    case 'ArrowUp':
      return 1;
    case 'PageDown':
      return -10;
    case 'PageUp':
      return 10;
    default:
      return null;
  }
}

/** The scale of a timeline answer, or null when it holds no incidents. */
export function scaleOf(data: Timeline, width: number): TimeScale | null {
  if (data.from === null || data.to === null) return null;
  return { start: Date.parse(data.from), end: Date.parse(data.to), width };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
