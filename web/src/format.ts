/** Formatting of dates and durations for display, in the app's language. */
import { language, t } from './strings';

const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });

/** A timestamp as a readable local date and time; the placeholder dash when null or invalid. */
export function formatDateTime(iso: string | null): string {
  if (iso === null) return t('time.none');
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** A timestamp as a readable local date without the time; the dash when null or invalid. */
export function formatDate(iso: string | null): string {
  if (iso === null) return t('time.none');
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateOnly.format(date);
}

/** A wait in seconds as words: "45 seconds", "1 minute", "15 minutes". */
export function formatWait(seconds: number): string {
  if (seconds < 60) {
    return seconds === 1 ? t('time.oneSecond') : t('time.seconds', { count: seconds });
  }
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? t('time.oneMinute') : t('time.minutes', { count: minutes });
}

/**
 * A one-line summary of an event payload: `key: value` pairs, descriptive fields before ids,
 * cut to `max` characters.
 */
export function summarizePayload(payload: Readonly<Record<string, unknown>>, max = 90): string {
  const pairs = Object.entries(payload);
  const isId = ([key]: [string, unknown]) => /Id$/.test(key);
  const ordered = [...pairs.filter((pair) => !isId(pair)), ...pairs.filter(isId)];
  const text = ordered.map(([key, value]) => `${key}: ${valueText(value)}`).join(', ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return t('record.emptyValue');
  if (Array.isArray(value)) return value.map(valueText).join(' ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
