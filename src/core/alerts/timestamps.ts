/**
 * Timestamps for the alert formats. CAP 1.2 narrows xs:dateTime to whole seconds with an
 * explicit offset ("2024-05-01T12:00:00+03:00"; UTC is "+00:00", never "Z"); Atom takes any
 * RFC 3339 time. A caller passes a Date (written in UTC) or a string with a zone, whose offset is
 * kept, because an alert read in Kyiv should say the time the sender said.
 */
import { invalid } from '../errors.js';

/**
 * A point in time: a Date, or an RFC 3339 string with a zone ("Z" or "+hh:mm") and an upper-case
 * "T" and "Z", as XML Schema's dateTime requires.
 */
export type Timestamp = Date | string;

/**
 * The CAP form of `value`: whole seconds (a fraction is cut, not rounded, so a time is never
 * moved later) and an explicit offset. Throws a VALIDATION_FAILED DomainError naming `path` for
 * an invalid Date, a string without a zone, or an impossible date such as February 30.
 */
export function capTimestamp(value: Timestamp, path: string): string {
  if (value instanceof Date) return `${utcSeconds(value, path)}+00:00`;
  const parts = zonedParts(value, path);
  return `${parts.dateAndTime}${parts.zone === 'Z' ? '+00:00' : parts.zone}`;
}

/**
 * The Atom (RFC 3339) form of `value`: a Date is written in UTC to the second with "Z"; a valid
 * string is returned unchanged. Throws like capTimestamp.
 */
export function atomTimestamp(value: Timestamp, path: string): string {
  if (value instanceof Date) return `${utcSeconds(value, path)}Z`;
  zonedParts(value, path);
  return value;
}

const ZONED_DATE_TIME =
  /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?(Z|[+-](\d\d):(\d\d))$/;

function utcSeconds(date: Date, path: string): string {
  if (Number.isNaN(date.getTime())) throw invalid(path, 'is not a valid date');
  const text = date.toISOString();
  // Years past 9999 or before 0 come out as "+010000-..." and fit neither format.
  if (!/^\d{4}-/.test(text)) throw invalid(path, `year ${date.getUTCFullYear()} is out of range`);
  return text.slice(0, 19);
}

function zonedParts(text: string, path: string): { dateAndTime: string; zone: string } {
  const match = ZONED_DATE_TIME.exec(text);
  const numbers = match?.slice(1, 7).map(Number) ?? [];
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = numbers;
  const zoneHours = Number(match?.[8] ?? 0);
  const zoneMinutes = Number(match?.[9] ?? 0);
  const calendar = new Date(0);
  calendar.setUTCFullYear(year, month - 1, day);
  const possible =
    match !== null &&
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    zoneMinutes <= 59 &&
    zoneHours * 60 + zoneMinutes <= 14 * 60;
  if (!match || !possible) {
    throw invalid(
      path,
      `"${text}" is not a date and time with a zone, such as 2024-05-01T12:00:00+03:00`,
    );
  }
  return { dateAndTime: text.slice(0, 19), zone: match[7] ?? 'Z' };
}
