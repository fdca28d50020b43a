/**
 * ISO 8601 durations (P15Y, P6M, P2W, PT24H, P1DT12H) as agreements use them for deadlines,
 * validity and notice periods.
 */

/** A parsed duration; every part is a non-negative number. */
export interface Duration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/**
 * Parses an ISO 8601 duration. Returns a reason string instead when it is not one: the text
 * must start with P, have at least one part, and a T must be followed by a time part.
 */
export function parseDuration(text: string): Duration | string {
  const match = DURATION.exec(text);
  if (match === null || text === 'P' || text.endsWith('T')) {
    return `"${text}" is not an ISO 8601 duration (e.g. P14D, PT24H, P15Y, P1DT12H)`;
  }
  const part = (i: number) => Number((match[i] ?? '0').replace(',', '.'));
  return {
    years: part(1),
    months: part(2),
    weeks: part(3),
    days: part(4),
    hours: part(5),
    minutes: part(6),
    seconds: part(7),
  };
}

/** Adds a duration to an instant, calendar-wise for years and months (UTC). */
export function addDuration(instant: Date, duration: Duration): Date {
  const result = new Date(instant.getTime());
  result.setUTCFullYear(result.getUTCFullYear() + duration.years);
  result.setUTCMonth(result.getUTCMonth() + duration.months);
  const ms =
    (((duration.weeks * 7 + duration.days) * 24 + duration.hours) * 60 + duration.minutes) *
      60_000 +
    duration.seconds * 1000;
  return new Date(result.getTime() + ms);
}

/** A short English reading of a duration: "14 days", "15 years", "24 hours". */
export function describeDuration(duration: Duration): string {
  const parts: string[] = [];
  const add = (n: number, unit: string) => {
    if (n > 0) parts.push(`${n} ${unit}${n === 1 ? '' : 's'}`);
  };
  add(duration.years, 'year');
  add(duration.months, 'month');
  add(duration.weeks, 'week');
  add(duration.days, 'day');
  add(duration.hours, 'hour');
  add(duration.minutes, 'minute');
  add(duration.seconds, 'second');
  return parts.length === 0 ? 'no time' : parts.join(' ');
}
