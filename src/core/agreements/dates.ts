/** Dates in agreement files: a calendar date, or a date-time with an offset. */

/** True when the text names a real calendar date (no 2015-02-30) and, if timed, a real time. */
export function isRealDate(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const day = new Date(0);
  day.setUTCFullYear(y, m - 1, d); // Date.UTC would read years 0-99 as 1900-1999
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) {
    return false;
  }
  // Hour 24 is not a time of day here (ISO 8601 allows 24:00 only as the end of a day).
  return text.length === 10 || (text.slice(11, 13) !== '24' && !Number.isNaN(Date.parse(text)));
}

/**
 * The instant a date stands for, in ms since the epoch: a date alone is its start in UTC.
 * Requires isRealDate(text).
 */
export function instantOf(text: string): number {
  return Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
}

/** Compares two dates by instant: negative when a is earlier. */
export function compareDates(a: string, b: string): number {
  return instantOf(a) - instantOf(b);
}
