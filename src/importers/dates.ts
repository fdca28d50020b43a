/**
 * Date cells in the shapes analysts' files use, and how each becomes an instant:
 *
 * - order-free: ISO 8601 (`2022-04-08`, `2022-04-08T10:30:00Z`, `2009-02-20T00:00:00`), compact
 *   `20220408` (VIINA), month names (`08 April 2022`, `April 8, 2022`);
 * - ordered: two numbers and a year (`05/02/2014 00:00`, `1/22/2014 12:00:00 AM`,
 *   `08-04-2022`), where day and month may be either way round. Their shape (separator and time
 *   style, not zero padding) is what date-orders.ts decides an order for.
 */
import { ImportUsageError } from './errors.js';

/** A calendar date, with the time of day and UTC offset when the cell gave them. */
export interface CivilDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly time?: { readonly hour: number; readonly minute: number; readonly second: number };
  /** Minutes east of UTC, when the cell named a zone (`Z`, `+02:00`). */
  readonly offsetMinutes?: number;
}

/** Which number comes first in an ordered date: day (DD/MM) or month (MM/DD). */
export type DayMonthOrder = 'DM' | 'MD';

/** A date cell in an order-dependent shape, before its order is known. */
export interface OrderedDateCell {
  readonly kind: 'ordered';
  /** e.g. `nn/nn/yyyy hh:mm`, `nn/nn/yyyy h:mm:ss AM/PM`: one order is decided per shape. */
  readonly shape: string;
  readonly separator: string;
  readonly first: number;
  readonly second: number;
  readonly year: number;
  readonly time?: CivilDateTime['time'];
}

/** What a cell is: a date whatever the order, a date needing an order, or not a date. */
export type DateCell =
  | { readonly kind: 'fixed'; readonly value: CivilDateTime }
  | OrderedDateCell
  | { readonly kind: 'invalid'; readonly message: string };

/** Reads one cell. Never throws; an empty or unreadable cell is `invalid` with a reason. */
export function classifyDateCell(cell: string): DateCell {
  const text = cell.trim();
  if (text === '') return { kind: 'invalid', message: 'is empty' };
  const iso = ISO.exec(text);
  if (iso) {
    const time = iso[4] === undefined ? undefined : readTime(iso[4], iso[5], iso[6], undefined);
    const offset = iso[7] === undefined ? undefined : readOffset(iso[7]);
    return fixed(text, Number(iso[1]), Number(iso[2]), Number(iso[3]), time, offset);
  }
  const compact = COMPACT.exec(text);
  if (compact) return fixed(text, Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const dmy = NAMED_DMY.exec(text);
  if (dmy) return fixed(text, Number(dmy[3]), monthNumber(dmy[2] ?? ''), Number(dmy[1]));
  const mdy = NAMED_MDY.exec(text);
  if (mdy) return fixed(text, Number(mdy[3]), monthNumber(mdy[1] ?? ''), Number(mdy[2]));
  const ordered = ORDERED.exec(text);
  if (ordered) return classifyOrdered(text, ordered);
  return { kind: 'invalid', message: `"${text}" is not a date in a known shape` };
}

/** The date an ordered cell stands for under `order`, or the reason it is not a date. */
export function resolveOrdered(
  cell: OrderedDateCell,
  order: DayMonthOrder,
): CivilDateTime | string {
  const [day, month] = order === 'DM' ? [cell.first, cell.second] : [cell.second, cell.first];
  if (!isCalendarDate(cell.year, month, day)) {
    return `does not fit ${formatName(order, cell.separator)}: no month ${month} day ${day}`;
  }
  return { year: cell.year, month, day, ...(cell.time ? { time: cell.time } : {}) };
}

/**
 * Reads a `--date-format` value: DD/MM/YYYY or MM/DD/YYYY (any of `/ . -` as separator; a time
 * part after a space is allowed and ignored). Throws ImportUsageError otherwise.
 */
export function parseDateFormat(format: string): DayMonthOrder {
  const m = /^(DD|MM)([/.-])(DD|MM)\2YYYY(\s.*)?$/i.exec(format.trim());
  if (!m || m[1]?.toUpperCase() === m[3]?.toUpperCase()) {
    throw new ImportUsageError(
      `--date-format "${format}" is not understood; use DD/MM/YYYY or MM/DD/YYYY`,
    );
  }
  return m[1]?.toUpperCase() === 'DD' ? 'DM' : 'MD';
}

/** The name of an order for messages and `--date-format`, e.g. `DD/MM/YYYY`. */
export function formatName(order: DayMonthOrder, separator = '/'): string {
  return order === 'DM' ? `DD${separator}MM${separator}YYYY` : `MM${separator}DD${separator}YYYY`;
}

/** `YYYY-MM-DDT00:00:00Z` of the date (time of day and offset ignored). */
export function startOfDay(d: CivilDateTime): string {
  return `${ymd(d)}T00:00:00Z`;
}

/** `YYYY-MM-DDT23:59:59Z` of the date (time of day and offset ignored). */
export function endOfDay(d: CivilDateTime): string {
  return `${ymd(d)}T23:59:59Z`;
}

/** The instant as ISO 8601 UTC: the date's midnight when no time; UTC when no offset. */
export function toInstant(d: CivilDateTime): string {
  const t = d.time ?? { hour: 0, minute: 0, second: 0 };
  const ms = Date.UTC(d.year, d.month - 1, d.day, t.hour, t.minute, t.second);
  return new Date(ms - (d.offsetMinutes ?? 0) * 60_000).toISOString().replace('.000Z', 'Z');
}

/** The date `days` days later (or earlier, when negative); time and offset dropped. */
export function addDays(d: CivilDateTime, days: number): CivilDateTime {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The first and last day of the date's calendar month. */
export function monthOf(d: CivilDateTime): [CivilDateTime, CivilDateTime] {
  const last = new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
  return [
    { year: d.year, month: d.month, day: 1 },
    { year: d.year, month: d.month, day: last },
  ];
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const NAMED_DMY = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -]+(\d{4})$/;
const NAMED_MDY = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/;
const ORDERED =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?)?$/;
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function classifyOrdered(text: string, m: RegExpExecArray): DateCell {
  const [first, second, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
  const separator = m[2] ?? '/';
  const time = m[5] === undefined ? undefined : readTime(m[5], m[6], m[7], m[8]);
  if (time === null) return { kind: 'invalid', message: `"${text}" has an impossible time of day` };
  if (first > 12 && second > 12) {
    return { kind: 'invalid', message: `"${text}": neither ${first} nor ${second} is a month` };
  }
  const timeShape =
    m[5] === undefined
      ? ''
      : m[8] !== undefined
        ? m[7] === undefined
          ? ' h:mm AM/PM'
          : ' h:mm:ss AM/PM'
        : m[7] === undefined
          ? ' hh:mm'
          : ' hh:mm:ss';
  const shape = `nn${separator}nn${separator}yyyy${timeShape}`;
  return { kind: 'ordered', shape, separator, first, second, year, ...(time ? { time } : {}) };
}

function fixed(
  text: string,
  year: number,
  month: number,
  day: number,
  time?: CivilDateTime['time'] | null,
  offsetMinutes?: number,
): DateCell {
  if (!isCalendarDate(year, month, day)) {
    return { kind: 'invalid', message: `"${text}" is not a calendar date` };
  }
  if (time === null) return { kind: 'invalid', message: `"${text}" has an impossible time of day` };
  return {
    kind: 'fixed',
    value: {
      year,
      month,
      day,
      ...(time ? { time } : {}),
      ...(offsetMinutes === undefined ? {} : { offsetMinutes }),
    },
  };
}

/** The time of day, or null when impossible (25:00, 13 PM). */
function readTime(
  h: string,
  m: string | undefined,
  s: string | undefined,
  meridiem: string | undefined,
): CivilDateTime['time'] | null {
  let hour = Number(h);
  const minute = Number(m ?? 0);
  const second = Number(s ?? 0);
  if (minute > 59 || second > 59) return null;
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
  }
  return hour > 23 ? null : { hour, minute, second };
}

function readOffset(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

function monthNumber(name: string): number {
  // Full names and three-letter abbreviations (and "Sept"); 0 (never a month) otherwise.
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((m) => m === lower || m.slice(0, 3) === lower);
  return index >= 0 ? index + 1 : lower === 'sept' ? 9 : 0;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ymd(d: CivilDateTime): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}
