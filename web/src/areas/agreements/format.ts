/**
 * Formatting of agreement data for display: calendar dates as written (never shifted by the
 * reader's time zone), ISO 8601 durations in words, sizes, lists, hashes and the paragraphs of
 * texts that were wrapped by hand.
 */
import { language, t, type MessageId } from '../../strings';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const calendarDate = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
// Agreements fix their hours on a 24-hour clock ("00:00 Kyiv time"); so does the display.
const clockTime = new Intl.DateTimeFormat(language, {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/**
 * A date of agreement data as a reader would write it: `2015-02-12` as "12 Feb 2015", and
 * `2015-02-15T00:00:00+02:00` with the time and offset it was given in, "15 Feb 2015, 00:00
 * (UTC+02:00)". Anything else is returned unchanged.
 */
export function formatCalendarDate(value: string): string {
  const day = DATE_ONLY.exec(value);
  if (day !== null) return calendarDate.format(Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!));
  const moment = DATE_TIME.exec(value);
  if (moment === null) return value;
  const [, year, month, date, hours, minutes, offset] = moment.map(String);
  const utc = Date.UTC(+year!, +month! - 1, +date!, +hours!, +minutes!);
  return t('date.withTime', {
    date: calendarDate.format(utc),
    time: clockTime.format(utc),
    offset: offset === 'Z' ? '' : offset!,
  });
}

/** A sortable instant for a date of agreement data (a calendar date counts as its UTC start). */
export function dateSortKey(value: string): number {
  const time = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(time) ? 0 : time;
}

const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:\d+(?:\.\d+)?S)?)?$/;
const DURATION_UNITS: readonly (readonly [MessageId, MessageId])[] = [
  ['duration.oneYear', 'duration.years'],
  ['duration.oneMonth', 'duration.months'],
  ['duration.oneWeek', 'duration.weeks'],
  ['duration.oneDay', 'duration.days'],
  ['duration.oneHour', 'duration.hours'],
  ['duration.oneMinute', 'duration.minutes'],
];

/** An ISO 8601 duration in words: `P15Y` "15 years", `P1DT12H` "1 day and 12 hours". */
export function formatDuration(iso: string): string {
  const match = DURATION.exec(iso);
  if (match === null) return iso;
  const words = DURATION_UNITS.flatMap(([one, many], index) => {
    const count = Number(match[index + 1] ?? 0);
    if (count === 0) return [];
    return [count === 1 ? t(one) : t(many, { count })];
  });
  return words.length === 0 ? iso : formatList(words);
}

/** Items joined as the language joins a list: "A, B and C". */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}

/** A number of bytes in words: "974 bytes", "12.8 kilobytes". */
export function formatBytes(bytes: number): string {
  const kilo = bytes >= 1000;
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: kilo ? 'kilobyte' : 'byte',
    unitDisplay: 'long',
    maximumFractionDigits: 1,
  }).format(kilo ? bytes / 1000 : bytes);
}

/** A number as the language writes it ("1,500,000"). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(language).format(value);
}

/** The first 12 hex digits of a hash, followed by an ellipsis. */
export function shortHash(hex: string): string {
  return hex.length > 12 ? `${hex.slice(0, 12)}…` : hex;
}

/**
 * The paragraphs of a text wrapped by hand (as YAML block texts are): blank lines separate
 * paragraphs; single line breaks inside a paragraph become spaces.
 */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim().replace(/\s*\n\s*/g, ' '))
    .filter((paragraph) => paragraph !== '');
}
