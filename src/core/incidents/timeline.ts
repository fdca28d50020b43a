/**
 * The timeline of incidents: how many started in each bin of time. Bins are a round width
 * (minutes, hours, days, weeks, months of 30 days, years of 365 days) aligned to the epoch in
 * UTC, so a day's bin starts at midnight UTC. Pure: times in, bins out.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/** The bin widths a timeline may use, narrowest first; wider ones are whole years. */
export const BIN_WIDTHS_MS: readonly number[] = [
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
  91 * DAY,
  182 * DAY,
  YEAR,
];

/** One bin: where it starts (ms since the epoch) and how many incidents started in it. */
export interface TimelineBin {
  readonly start: number;
  readonly count: number;
}

/** A histogram over [from, to): `bins` of `binMs` each; empty (from = to = null) without times. */
export interface Timeline {
  readonly from: number | null;
  readonly to: number | null;
  readonly binMs: number;
  readonly bins: readonly TimelineBin[];
}

/**
 * The narrowest round bin width at which the span from `first` to `last` (ms, first <= last)
 * needs at most `maxBins` bins; Infinity when no aligned width fits (one bin across the epoch).
 * Requires maxBins >= 1.
 */
export function binWidthFor(first: number, last: number, maxBins: number): number {
  const binsAt = (width: number) => Math.floor(last / width) - Math.floor(first / width) + 1;
  for (const width of BIN_WIDTHS_MS) if (binsAt(width) <= maxBins) return width;
  // Bins are aligned to the epoch, so times on both sides of it always take two bins at
  // least: past a million years, give up aligning (Infinity: one bin over them all).
  for (let years = 2; years <= 1_048_576; years *= 2) {
    if (binsAt(years * YEAR) <= maxBins) return years * YEAR;
  }
  return Infinity;
}

/**
 * Counts `times` (ms since the epoch) into at most `maxBins` bins of one round width covering
 * them all; every bin is present, empty ones with a count of 0. Requires maxBins >= 1.
 */
export function histogram(times: ArrayLike<number>, maxBins: number): Timeline {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < times.length; i += 1) {
    const time = times[i] as number;
    if (time < first) first = time;
    if (time > last) last = time;
  }
  if (first === Infinity) return { from: null, to: null, binMs: DAY, bins: [] };
  const aligned = binWidthFor(first, last, maxBins);
  // Unaligned, one bin holds them all (only when one bin is asked for across the epoch).
  const binMs = Number.isFinite(aligned) ? aligned : last - first + 1;
  const from = Number.isFinite(aligned) ? Math.floor(first / binMs) * binMs : first;
  const counts = new Array<number>(Math.floor((last - from) / binMs) + 1).fill(0);
  for (let i = 0; i < times.length; i += 1) {
    const bin = Math.floor(((times[i] as number) - from) / binMs);
    counts[bin] = (counts[bin] as number) + 1;
  }
  return {
    from,
    to: from + counts.length * binMs,
    binMs,
    bins: counts.map((count, i) => ({ start: from + i * binMs, count })),
  };
}
